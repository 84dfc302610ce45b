// Tests never talk to AWS: make sure a developer's own credentials or profile cannot leak in.
process.env.AWS_ACCESS_KEY_ID = 'test';
process.env.AWS_SECRET_ACCESS_KEY = 'test';
process.env.AWS_REGION = process.env.AWS_REGION ?? 'us-east-1';
delete process.env.AWS_PROFILE;
process.env.JSII_DEPRECATED = process.env.JSII_DEPRECATED ?? 'quiet'; // aws-cdk-lib's own scaleOnMetric trips a deprecation warning
// The AWS SDK warns on Node 20 that 2027 releases need Node 22; Lambda runs Node 24 and the lock file pins the SDK.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

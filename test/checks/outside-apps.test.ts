import { App, ArnFormat, Duration, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as rum from 'aws-cdk-lib/aws-rum';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as signer from 'aws-cdk-lib/aws-signer';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as synthetics from 'aws-cdk-lib/aws-synthetics';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { acknowledge, addWellArchitectedChecks, Pillar, Scorecard, scorecardsOf, StrictMode } from '../../lib';
import { quietSynth } from '../support/quiet-synth';

/**
 * Two small apps that are not this project's, a three-tier web app and a serverless API, each built
 * well and then with one property taken away. Every flaw must lower the compliance of the pillar the
 * framework puts it in, and its score wherever the practice it breaks was met before; strict mode
 * must refuse every flawed variant.
 */

const FLAGS = { '@aws-cdk/aws-autoscaling:generateLaunchTemplateInsteadOfLaunchConfig': true };
const CERTIFICATE = 'arn:aws:acm:eu-west-1:111122223333:certificate/0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6';

/** The single properties a mutation takes away from the well-built app. */
interface Flaws {
  readonly databaseSingleAz?: boolean;
  readonly noBackups?: boolean;
  readonly sshOpenToWorld?: boolean;
  readonly databaseUnencrypted?: boolean;
  readonly bucketWithoutTls?: boolean;
  readonly bucketPublic?: boolean;
  readonly noAlarms?: boolean;
  readonly fixedSizeFleet?: boolean;
  readonly logsKeptForever?: boolean;
  readonly x86?: boolean;
  readonly noPointInTimeRecovery?: boolean;
  readonly queueWithoutDeadLetters?: boolean;
  readonly asyncWithoutFailureDestination?: boolean;
  readonly apiWithoutAuthorization?: boolean;
}

function alarmed(stack: Stack, flaws: Flaws, id: string, metric: cloudwatch.IMetric, topic: sns.ITopic): void {
  if (flaws.noAlarms) return;
  new cloudwatch.Alarm(stack, id, { metric, threshold: 1, evaluationPeriods: 3 }).addAlarmAction(new actions.SnsAction(topic));
}

/** A regional web ACL with AWS's managed rule groups and a rate limit per source, in front of `resourceArn`. */
function webAcl(stack: Stack, resourceArn: string): void {
  const managed = (name: string, priority: number): wafv2.CfnWebACL.RuleProperty => ({
    name,
    priority,
    statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
    overrideAction: { none: {} },
    visibilityConfig: { sampledRequestsEnabled: true, cloudWatchMetricsEnabled: true, metricName: name },
  });
  const acl = new wafv2.CfnWebACL(stack, 'WebAcl', {
    scope: 'REGIONAL',
    defaultAction: { allow: {} },
    visibilityConfig: { sampledRequestsEnabled: true, cloudWatchMetricsEnabled: true, metricName: 'web-acl' },
    rules: [
      managed('AWSManagedRulesCommonRuleSet', 0),
      managed('AWSManagedRulesAmazonIpReputationList', 1),
      {
        name: 'RatePerSource',
        priority: 2,
        statement: { rateBasedStatement: { limit: 2000, aggregateKeyType: 'IP' } },
        action: { block: {} },
        visibilityConfig: { sampledRequestsEnabled: true, cloudWatchMetricsEnabled: true, metricName: 'rate-per-source' },
      },
    ],
  });
  new wafv2.CfnWebACLAssociation(stack, 'WebAclAssociation', { resourceArn, webAclArn: acl.attrArn });
  // The requests it blocks, logged to a group with the prefix WAF requires.
  const wafLogs = new logs.LogGroup(stack, 'WafLogs', { logGroupName: 'aws-waf-logs-outside', retention: logs.RetentionDays.THREE_MONTHS });
  new wafv2.CfnLoggingConfiguration(stack, 'WafLogging', {
    resourceArn: acl.attrArn,
    logDestinationConfigs: [stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: wafLogs.logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME })],
  });
}

/** The findings every well-built app of this shape still carries, accepted for the reasons given. */
const IAM_ACCEPTED = [
  { rule: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', reason: 'Functions write only their own logs through the AWS managed basic execution policy.' },
  { rule: 'AwsSolutions-IAM5[Resource::*]', reason: 'X-Ray trace segments and the log-retention helper take no narrower resource than *.' },
];

/** An internet-facing ALB over an Auto Scaling fleet, a PostgreSQL database and an uploads bucket. */
function threeTierApp(stack: Stack, flaws: Flaws): void {
  const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
  const topic = new sns.Topic(stack, 'Alerts', { masterKey: key });
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    maxAzs: 2,
    natGateways: 2,
    gatewayEndpoints: { S3: { service: ec2.GatewayVpcEndpointAwsService.S3 }, DynamoDb: { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB } },
    flowLogs: { All: {} },
    // /24 subnets leave most of the /16 for later tiers and zones.
    subnetConfiguration: [
      { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
      { name: 'App', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 },
    ],
  });
  const fleet = new autoscaling.AutoScalingGroup(stack, 'Web', {
    vpc,
    instanceType: flaws.x86 ? new ec2.InstanceType('m7i.large') : new ec2.InstanceType('m7g.large'),
    machineImage: ec2.MachineImage.latestAmazonLinux2023({ cpuType: flaws.x86 ? ec2.AmazonLinuxCpuType.X86_64 : ec2.AmazonLinuxCpuType.ARM_64 }),
    minCapacity: 2,
    maxCapacity: flaws.fixedSizeFleet ? 2 : 8,
    requireImdsv2: true,
    healthChecks: autoscaling.HealthChecks.withAdditionalChecks({ additionalTypes: [autoscaling.AdditionalHealthCheckType.ELB], gracePeriod: Duration.minutes(5) }),
    blockDevices: [{ deviceName: '/dev/xvda', volume: autoscaling.BlockDeviceVolume.ebs(20, { encrypted: true }) }],
    updatePolicy: autoscaling.UpdatePolicy.rollingUpdate({ minInstancesInService: 1, waitOnResourceSignals: true }),
    signals: autoscaling.Signals.waitForMinCapacity({ timeout: Duration.minutes(10) }),
    notifications: [{ topic }],
  });
  // Boot: the X-Ray daemon for the app's traces, then tell CloudFormation the instance is up.
  fleet.addUserData(
    'dnf install -y https://s3.eu-west-1.amazonaws.com/aws-xray-assets.eu-west-1/xray-daemon/aws-xray-daemon-3.x.rpm',
    'systemctl enable --now xray',
  );
  fleet.applyCloudFormationInit(ec2.CloudFormationInit.fromElements(ec2.InitCommand.shellCommand('systemctl is-active xray')));
  // Patch Manager installs operating-system patches weekly on every instance of the fleet.
  Tags.of(fleet).add('PatchGroup', 'web');
  new ssm.CfnAssociation(stack, 'WeeklyPatching', {
    name: 'AWS-RunPatchBaseline',
    scheduleExpression: 'rate(7 days)',
    parameters: { Operation: ['Install'] },
    targets: [{ key: 'tag:PatchGroup', values: ['web'] }],
  });
  acknowledge(fleet, { rule: 'WellArchitected-ManagedCompute', reason: 'The web tier runs a server framework that needs instances; patching, scaling and replacement are automated above.' });
  if (!flaws.fixedSizeFleet) fleet.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
  if (flaws.sshOpenToWorld) fleet.connections.allowFromAnyIpv4(ec2.Port.tcp(22), 'SSH from anywhere');

  const logsBucket = new s3.Bucket(stack, 'AccessLogs', {
    encryption: s3.BucketEncryption.S3_MANAGED,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    versioned: true,
    lifecycleRules: [{ expiration: Duration.days(90) }],
  });
  const alb = new elbv2.ApplicationLoadBalancer(stack, 'Lb', { vpc, internetFacing: true, dropInvalidHeaderFields: true });
  alb.logAccessLogs(logsBucket, 'alb');
  const https = alb.addListener('Https', { port: 443, certificates: [elbv2.ListenerCertificate.fromArn(CERTIFICATE)] });
  https.addTargets('Web', { port: 80, targets: [fleet], healthCheck: { path: '/health' } });
  alb.addRedirect();
  webAcl(stack, alb.loadBalancerArn);
  acknowledge(alb, { rule: 'AwsSolutions-EC23', reason: 'The internet-facing entry point takes HTTPS from anyone; WAF filters it.' });
  acknowledge(https, { rule: 'WellArchitected-EntryPointAuthenticated', reason: 'A public storefront: anyone may browse; the app signs customers in for orders.' });
  // Real shoppers' page loads and errors, from their browsers.
  new rum.CfnAppMonitor(stack, 'Shoppers', {
    name: 'outside-storefront',
    domain: 'shop.example.com',
    appMonitorConfiguration: { sessionSampleRate: 0.1, telemetries: ['errors', 'performance', 'http'] },
  });

  const database = new rds.DatabaseInstance(stack, 'Db', {
    engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_17 }),
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    instanceType: new ec2.InstanceType(flaws.x86 ? 'm7i.large' : 'm7g.large'),
    port: 5432,
    allocatedStorage: 100,
    maxAllocatedStorage: 500,
    multiAz: !flaws.databaseSingleAz,
    storageEncrypted: !flaws.databaseUnencrypted,
    storageEncryptionKey: flaws.databaseUnencrypted ? undefined : key,
    backupRetention: flaws.noBackups ? Duration.days(0) : Duration.days(7),
    deletionProtection: true,
    removalPolicy: RemovalPolicy.SNAPSHOT,
    monitoringInterval: Duration.seconds(60),
    cloudwatchLogsExports: ['postgresql', 'upgrade'],
    cloudwatchLogsRetention: flaws.logsKeptForever ? logs.RetentionDays.INFINITE : logs.RetentionDays.ONE_MONTH,
    iamAuthentication: true,
  });
  database.connections.allowDefaultPortFrom(fleet);
  database.addRotationSingleUser();
  acknowledge(
    database,
    { rule: 'WellArchitected-DatabaseCapacityFollowsLoad', reason: 'Steady business-hours load, measured at 20-35% CPU on this class; an Aurora Serverless v2 floor would cost more than the instance.' },
    { rule: 'AwsSolutions-RDS11', reason: 'A non-default port hides nothing from a scan; the security group admits only the fleet.' },
    { rule: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole]', reason: 'Enhanced monitoring needs the AWS managed role policy RDS documents.' },
  );
  acknowledge(stack, ...IAM_ACCEPTED);

  new s3.Bucket(stack, 'Uploads', {
    encryption: s3.BucketEncryption.KMS,
    encryptionKey: key,
    blockPublicAccess: flaws.bucketPublic ? s3.BlockPublicAccess.BLOCK_ACLS_ONLY : s3.BlockPublicAccess.BLOCK_ALL,
    publicReadAccess: flaws.bucketPublic,
    enforceSSL: !flaws.bucketWithoutTls,
    versioned: true,
    serverAccessLogsBucket: logsBucket,
    lifecycleRules: [{ transitions: [{ storageClass: s3.StorageClass.INTELLIGENT_TIERING, transitionAfter: Duration.days(0) }] }],
  });
  new logs.LogGroup(stack, 'AppLogs', { retention: flaws.logsKeptForever ? logs.RetentionDays.INFINITE : logs.RetentionDays.ONE_MONTH, encryptionKey: key });

  alarmed(stack, flaws, 'Http5xx', alb.metrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT), topic);
  alarmed(stack, flaws, 'DbCpu', database.metricCPUUtilization(), topic);
  const fleetCpu = new cloudwatch.Metric({ namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensionsMap: { AutoScalingGroupName: fleet.autoScalingGroupName } });
  alarmed(stack, flaws, 'WebCpu', fleetCpu, topic);
  new cloudwatch.Dashboard(stack, 'Health', {
    widgets: [[new cloudwatch.GraphWidget({ left: [alb.metrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT), fleetCpu, database.metricCPUUtilization()] })]],
  });
}

/** A REST API over a function and a table, with orders handed on through a queue and an event bus. */
function serverlessApp(stack: Stack, flaws: Flaws): void {
  const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
  const topic = new sns.Topic(stack, 'Alerts', { masterKey: key });
  const architecture = flaws.x86 ? lambda.Architecture.X86_64 : lambda.Architecture.ARM_64;
  const retention = flaws.logsKeptForever ? logs.RetentionDays.INFINITE : logs.RetentionDays.ONE_MONTH;
  // The release pipeline signs every bundle (AWS Signer); Lambda refuses code that is not signed.
  const codeSigningConfig = new lambda.CodeSigningConfig(stack, 'Signing', {
    signingProfiles: [new signer.SigningProfile(stack, 'Releases', { platform: signer.Platform.AWS_LAMBDA_SHA384_ECDSA })],
    untrustedArtifactOnDeployment: lambda.UntrustedArtifactOnDeployment.ENFORCE,
  });
  const fn = (id: string, extra: Partial<lambda.FunctionProps> = {}) =>
    new lambda.Function(stack, id, {
      codeSigningConfig,
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200 });'),
      architecture,
      tracing: lambda.Tracing.ACTIVE,
      logGroup: new logs.LogGroup(stack, `${id}Logs`, { retention }),
      reservedConcurrentExecutions: 50,
      memorySize: 512,
      timeout: Duration.seconds(10),
      loggingFormat: lambda.LoggingFormat.JSON,
      ...extra,
    });
  // Callers invoke the live alias, which CodeDeploy shifts by canary and rolls back on errors.
  const live = (f: lambda.Function) => {
    const alias = new lambda.Alias(stack, `${f.node.id}Live`, { aliasName: 'live', version: f.currentVersion });
    const errors = new cloudwatch.Alarm(stack, `${f.node.id}DeployErrors`, { metric: alias.metricErrors(), threshold: 1, evaluationPeriods: 1 });
    errors.addAlarmAction(new actions.SnsAction(topic));
    const group = new codedeploy.LambdaDeploymentGroup(stack, `${f.node.id}Deployment`, { alias, deploymentConfig: codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES, alarms: [errors] });
    acknowledge(group, { rule: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited]', reason: 'CodeDeploy shifts Lambda traffic through its AWS managed role policy.' });
    return alias;
  };

  const table = new dynamodb.TableV2(stack, 'Orders', {
    partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: !flaws.noPointInTimeRecovery },
    encryption: dynamodb.TableEncryptionV2.customerManagedKey(key),
    deletionProtection: true,
    contributorInsights: true,
  });
  const api = fn('Api', { environment: { TABLE: table.tableName } });
  table.grantReadWriteData(api);
  const rest = new apigw.LambdaRestApi(stack, 'Rest', {
    handler: live(api),
    proxy: false,
    cloudWatchRole: true,
    deployOptions: {
      tracingEnabled: true,
      throttlingRateLimit: 100,
      throttlingBurstLimit: 200,
      loggingLevel: apigw.MethodLoggingLevel.INFO,
      accessLogDestination: new apigw.LogGroupLogDestination(new logs.LogGroup(stack, 'AccessLogs', { retention })),
      accessLogFormat: apigw.AccessLogFormat.jsonWithStandardFields(),
    },
  });
  // A signed order every five minutes, so a broken API shows even when no customer is ordering.
  const artifacts = new s3.Bucket(stack, 'CanaryArtifacts', {
    encryption: s3.BucketEncryption.S3_MANAGED,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    lifecycleRules: [{ expiration: Duration.days(30) }],
  });
  acknowledge(
    artifacts,
    { rule: 'AwsSolutions-S1', reason: 'Screenshots and logs of a synthetic test, written only by the canary and expired after 30 days.' },
    { rule: 'WellArchitected-S3BucketVersioningEnabled', reason: 'Canary run artifacts are re-created every five minutes; there is nothing to recover.' },
  );
  const journey = new synthetics.Canary(stack, 'OrderJourney', {
    runtime: synthetics.Runtime.SYNTHETICS_NODEJS_PUPPETEER_9_1,
    test: synthetics.Test.custom({ handler: 'index.handler', code: synthetics.Code.fromInline('exports.handler = async () => {};') }),
    schedule: synthetics.Schedule.rate(Duration.minutes(5)),
    artifactsBucketLocation: { bucket: artifacts },
  });
  acknowledge(
    journey.role,
    { rule: 'AwsSolutions-IAM5[Resource::<CanaryArtifacts16B34762.Arn>/*]', reason: 'The canary writes each run\'s artifacts under new keys of its own bucket.' },
    { rule: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:eu-west-1:111122223333:log-group:/aws/lambda/cwsyn-*]', reason: 'Synthetics names the canary\'s log group at creation; the grant covers canary log groups only.' },
  );
  const validator = rest.addRequestValidator('Validate', { validateRequestBody: true, validateRequestParameters: true });
  const post = rest.root
    .addResource('orders')
    .addMethod('POST', undefined, { authorizationType: flaws.apiWithoutAuthorization ? apigw.AuthorizationType.NONE : apigw.AuthorizationType.IAM, requestValidator: validator });
  webAcl(stack, rest.deploymentStage.stageArn);
  acknowledge(rest.deploymentStage, { rule: 'WellArchitected-APIGWSSLEnabled', reason: 'Its only integration is Lambda (AWS_PROXY): there is no HTTP backend to present a client certificate to.' });
  if (!flaws.apiWithoutAuthorization) acknowledge(post, { rule: 'AwsSolutions-COG4', reason: 'Callers sign requests with IAM (SigV4): authorized without a Cognito user pool.' });
  acknowledge(
    stack,
    ...IAM_ACCEPTED,
    { rule: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]', reason: 'CDK grants on the one customer key: data keys of any spec for that key only.' },
    { rule: 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]', reason: 'CDK grants on the one customer key: re-encryption under that key only.' },
    { rule: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]', reason: 'API Gateway writes its account-level logs through the AWS managed push policy.' },
  );

  const deadLetters = new sqs.Queue(stack, 'OrderDeadLetters', { encryptionMasterKey: key, enforceSSL: true, retentionPeriod: Duration.days(14) });
  const queue = new sqs.Queue(stack, 'OrderQueue', {
    encryptionMasterKey: key,
    visibilityTimeout: Duration.seconds(60),
    enforceSSL: true,
    deadLetterQueue: flaws.queueWithoutDeadLetters ? undefined : { queue: deadLetters, maxReceiveCount: 5 },
  });
  const worker = fn('Worker');
  live(worker).addEventSource(new sources.SqsEventSource(queue, { batchSize: 10, reportBatchItemFailures: true }));

  // Invoked asynchronously by EventBridge: failed events need somewhere to go.
  const failures = new sqs.Queue(stack, 'NotifyFailures', { encryptionMasterKey: key, enforceSSL: true, retentionPeriod: Duration.days(14) });
  acknowledge(failures, { rule: 'AwsSolutions-SQS3', reason: 'This queue is itself where failed events land; it is alarmed and kept 14 days.' });
  const notify = fn('Notify');
  const notifyLive = live(notify);
  // Asynchronous invocation settings are per qualifier: the alias EventBridge invokes carries them.
  notifyLive.configureAsyncInvoke({ onFailure: flaws.asyncWithoutFailureDestination ? undefined : new destinations.SqsDestination(failures), retryAttempts: 2 });
  new events.Rule(stack, 'OrderPlaced', { eventPattern: { source: ['orders'], detailType: ['OrderPlaced'] }, targets: [new targets.LambdaFunction(notifyLive, { deadLetterQueue: failures })] });

  alarmed(stack, flaws, 'ApiErrors', api.metricErrors(), topic);
  alarmed(stack, flaws, 'WorkerErrors', worker.metricErrors(), topic);
  alarmed(stack, flaws, 'NotifyErrors', notify.metricErrors(), topic);
  alarmed(stack, flaws, 'Rest5xx', rest.metricServerError(), topic);
  alarmed(stack, flaws, 'DeadLetters', deadLetters.metricApproximateNumberOfMessagesVisible(), topic);
  alarmed(stack, flaws, 'FailedNotifications', failures.metricApproximateNumberOfMessagesVisible(), topic);
  new cloudwatch.Dashboard(stack, 'Health', {
    widgets: [
      [new cloudwatch.GraphWidget({ left: [api.metricErrors(), worker.metricErrors(), notify.metricErrors(), rest.metricServerError()] })],
      [new cloudwatch.GraphWidget({ left: [table.metric('ReadThrottleEvents'), table.metric('WriteThrottleEvents'), queue.metricApproximateAgeOfOldestMessage()] })],
    ],
  });
}

type Build = (stack: Stack, flaws: Flaws) => void;

function scorecard(build: Build, flaws: Flaws, options: { strict?: StrictMode } = {}): Scorecard {
  const app = new App({ builtinCloudFormationValidation: false, context: FLAGS });
  addWellArchitectedChecks(app, { strict: options.strict ?? false, printSummary: false });
  build(new Stack(app, 'Outside', { env: { account: '111122223333', region: 'eu-west-1' } }), flaws);
  quietSynth(app);
  return scorecardsOf(app)[0];
}

const wellBuilt = new Map<Build, Scorecard>();
const base = (build: Build) => {
  if (!wellBuilt.has(build)) wellBuilt.set(build, scorecard(build, {}));
  return wellBuilt.get(build)!;
};

/** The best practices of a pillar a scorecard does not meet. */
const notMet = (card: Scorecard, pillar: Pillar) => new Set(card.bestPractices.filter((bp) => bp.pillar === pillar && bp.outcome !== 'met').map((bp) => bp.id));
const metIds = (card: Scorecard, pillar: Pillar) => new Set(card.bestPractices.filter((bp) => bp.pillar === pillar && bp.outcome === 'met').map((bp) => bp.id));

const MUTATIONS: [string, Build, Flaws, Pillar][] = [
  ['three-tier: database not Multi-AZ', threeTierApp, { databaseSingleAz: true }, 'reliability'],
  ['three-tier: database without backups', threeTierApp, { noBackups: true }, 'reliability'],
  ['three-tier: SSH open to the world', threeTierApp, { sshOpenToWorld: true }, 'security'],
  ['three-tier: unencrypted database', threeTierApp, { databaseUnencrypted: true }, 'security'],
  // S3 encrypts every object at rest whatever the template says (SSE-S3 since January 2023), so a
  // bucket's encryption flaw a template can still show is in transit: requests without TLS allowed.
  ['three-tier: bucket readable without TLS', threeTierApp, { bucketWithoutTls: true }, 'security'],
  ['three-tier: public bucket', threeTierApp, { bucketPublic: true }, 'security'],
  ['three-tier: no alarms', threeTierApp, { noAlarms: true }, 'operationalExcellence'],
  ['three-tier: fixed-size fleet', threeTierApp, { fixedSizeFleet: true }, 'reliability'],
  ['three-tier: logs kept forever', threeTierApp, { logsKeptForever: true }, 'costOptimization'],
  ['three-tier: x86 fleet', threeTierApp, { x86: true }, 'sustainability'],
  ['serverless: table without point-in-time recovery', serverlessApp, { noPointInTimeRecovery: true }, 'reliability'],
  ['serverless: queue without a dead-letter queue', serverlessApp, { queueWithoutDeadLetters: true }, 'reliability'],
  ['serverless: async function without an on-failure destination', serverlessApp, { asyncWithoutFailureDestination: true }, 'reliability'],
  ['serverless: API without authorization', serverlessApp, { apiWithoutAuthorization: true }, 'security'],
  ['serverless: no alarms', serverlessApp, { noAlarms: true }, 'operationalExcellence'],
  ['serverless: logs kept forever', serverlessApp, { logsKeptForever: true }, 'costOptimization'],
  ['serverless: x86 functions', serverlessApp, { x86: true }, 'sustainability'],
];

describe('one flaw in an app that is not ours lowers the matching pillar', () => {
  test.each(MUTATIONS)('%s: the pillar\'s compliance drops, and its score where the practice was met', (_name, build, flaws, pillar) => {
    const before = base(build);
    const after = scorecard(build, flaws);
    const lost = [...notMet(after, pillar)].filter((id) => metIds(before, pillar).has(id));
    expect({ compliance: (after.pillars[pillar].compliance ?? 0) < (before.pillars[pillar].compliance ?? 0) }).toEqual({ compliance: true });
    if (lost.length > 0) {
      expect({ lost, score: (after.pillars[pillar].score ?? 0) < (before.pillars[pillar].score ?? 0) }).toEqual({ lost, score: true });
    }
  });

  test('the flaws are found on practices the well-built apps meet, so scores move too', () => {
    const unmovedScores = MUTATIONS.filter(([, build, flaws, pillar]) => {
      const after = scorecard(build, flaws);
      return !((after.pillars[pillar].score ?? 0) < (base(build).pillars[pillar].score ?? 0));
    }).map(([name]) => name);
    expect(unmovedScores).toEqual([]);
  });
});

describe('strict mode on the outside apps', () => {
  // The well-built apps have fixed or acknowledged every finding, so they pass the strictest gate.
  test.each([['three-tier', threeTierApp], ['serverless', serverlessApp]] as const)('the well-built %s app passes strict mode, even on warnings', (_name, build) => {
    expect(() => scorecard(build, {}, { strict: 'warnings' })).not.toThrow();
  });

  test.each(MUTATIONS)('%s fails strict mode on warnings', (_name, build, flaws) => {
    expect(() => scorecard(build, flaws, { strict: 'warnings' })).toThrow(/Outside/);
  });

  test('strict on errors alone fails the flaws that break error-level rules and lets the others through', () => {
    const failsOnErrors = MUTATIONS.filter(([, build, flaws]) => {
      try {
        scorecard(build, flaws, { strict: true });
        return false;
      } catch {
        return true;
      }
    }).map(([name]) => name);
    expect(failsOnErrors).toEqual(expect.arrayContaining(['three-tier: database not Multi-AZ', 'three-tier: SSH open to the world', 'three-tier: unencrypted database', 'three-tier: public bucket']));
    expect(failsOnErrors).not.toContain('three-tier: logs kept forever');
  });
});

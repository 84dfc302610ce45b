import { Aws, Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as iot from 'aws-cdk-lib/aws-iot';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { acknowledge } from '../checks/acknowledge';
import { CREATE_CERTIFICATE_TOPIC, registerThingTopic } from '../runtime/telemetry/device-topics';
import { Alerts } from './alerts';
import { LiveAlias } from './live-alias';
import { nodeFunction } from './node-function';

/** What AWS IoT accepts as a provisioning template name. */
const TEMPLATE_NAME = /^[0-9A-Za-z_-]{1,36}$/;

/** Properties of {@link DeviceFleet}. */
export interface DeviceFleetProps {
  /** The policy every registered device's certificate gets: connect as its thing, publish to its own topic. */
  readonly devicePolicy: iot.CfnPolicy;
  readonly alerts: Alerts;
  /**
   * The provisioning template's name, which devices put in their RegisterThing topic: 1-36 letters,
   * digits, `_` or `-`.
   * @default `<stack name>-devices`
   */
  readonly templateName?: string;
}

/**
 * How devices get in: AWS IoT fleet provisioning by claim. Devices leave the factory with a claim
 * certificate (created and attached to {@link claimPolicy} by the commands in the README) that allows
 * nothing but asking for a certificate of their own and registering through {@link template}. The
 * template, after the pre-provisioning hook agreed, creates the thing named after the serial number,
 * activates the device's certificate and attaches it to the thing and the device policy.
 *
 * Both policies are retained: IoT refuses to delete a policy attached to a certificate, and
 * CloudFormation does not detach it, so removing them would fail whenever devices exist. Policies cost
 * nothing, and the things and certificates live outside the stack anyway.
 */
export class DeviceFleet extends Construct {
  public readonly template: iot.CfnProvisioningTemplate;
  public readonly templateName: string;
  public readonly claimPolicy: iot.CfnPolicy;
  public readonly hook: lambda.Function;

  constructor(scope: Construct, id: string, props: DeviceFleetProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.templateName = props.templateName ?? `${stack.stackName}-devices`;
    if (Token.isUnresolved(this.templateName) || !TEMPLATE_NAME.test(this.templateName)) {
      throw new Error(`Provisioning template name '${this.templateName}' must be 1-36 letters, digits, _ or - (set templateName)`);
    }
    const arn = (resource: string) => `arn:${Aws.PARTITION}:iot:${Aws.REGION}:${Aws.ACCOUNT_ID}:${resource}`;
    const templateArn = arn(`provisioningtemplate/${this.templateName}`);
    props.devicePolicy.applyRemovalPolicy(RemovalPolicy.RETAIN);

    this.hook = nodeFunction(this, 'PreProvisioningHook', {
      entry: 'lib/runtime/telemetry-lambda/pre-provisioning-hook.ts',
      // IoT Core waits 5 seconds for the hook's answer.
      timeout: Duration.seconds(5),
    });
    this.hook.addToRolePolicy(new iam.PolicyStatement({ actions: ['iot:DescribeThing'], resources: [arn('thing/*')] }));
    // IoT invokes the live alias, so a new version of the hook judges a canary share of registrations first.
    const live = new LiveAlias(this, 'HookLive', this.hook, { alerts: props.alerts }).alias;
    live.addPermission('IotProvisioningInvoke', {
      principal: new iam.ServicePrincipal('iot.amazonaws.com'),
      sourceArn: templateArn,
      sourceAccount: Aws.ACCOUNT_ID,
    });

    const role = new iam.Role(this, 'ProvisioningRole', {
      assumedBy: new iam.ServicePrincipal('iot.amazonaws.com'),
      description: 'Lets AWS IoT register devices through the fleet provisioning template',
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSIoTThingsRegistration')],
    });

    this.template = new iot.CfnProvisioningTemplate(this, 'Template', {
      templateName: this.templateName,
      description: 'Fleet provisioning by claim: one thing per serial number, its certificate, the device policy',
      enabled: true,
      provisioningRoleArn: role.roleArn,
      preProvisioningHook: { targetArn: live.functionArn, payloadVersion: '2020-04-01' },
      templateBody: stack.toJsonString({
        Parameters: {
          SerialNumber: { Type: 'String' },
          'AWS::IoT::Certificate::Id': { Type: 'String' },
        },
        Resources: {
          thing: { Type: 'AWS::IoT::Thing', Properties: { ThingName: { Ref: 'SerialNumber' } } },
          certificate: { Type: 'AWS::IoT::Certificate', Properties: { CertificateId: { Ref: 'AWS::IoT::Certificate::Id' }, Status: 'ACTIVE' } },
          policy: { Type: 'AWS::IoT::Policy', Properties: { PolicyName: props.devicePolicy.ref } },
        },
      }),
    });
    // The hook's permission exists before IoT can call it for this template.
    this.template.node.addDependency(live);

    const register = registerThingTopic(this.templateName);
    this.claimPolicy = new iot.CfnPolicy(this, 'ClaimPolicy', {
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          // Many devices share a claim certificate, so the client ID cannot be pinned to a thing.
          { Effect: 'Allow', Action: 'iot:Connect', Resource: arn('client/*') },
          { Effect: 'Allow', Action: 'iot:Publish', Resource: [arn(`topic/${CREATE_CERTIFICATE_TOPIC}`), arn(`topic/${register}`)] },
          { Effect: 'Allow', Action: 'iot:Subscribe', Resource: [arn(`topicfilter/${CREATE_CERTIFICATE_TOPIC}/*`), arn(`topicfilter/${register}/*`)] },
          { Effect: 'Allow', Action: 'iot:Receive', Resource: [arn(`topic/${CREATE_CERTIFICATE_TOPIC}/*`), arn(`topic/${register}/*`)] },
        ],
      },
    });
    this.claimPolicy.applyRemovalPolicy(RemovalPolicy.RETAIN);

    props.alerts.alarm(this, 'HookErrors', {
      description: 'The pre-provisioning hook fails: no new device can register until it works again',
      metric: this.hook.metricErrors({ period: Duration.minutes(5) }),
      threshold: 0,
      evaluationPeriods: 1,
    });

    acknowledge(role, {
      rule: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSIoTThingsRegistration]',
      reason: 'The AWS managed policy AWS IoT documents for a provisioning role; IoT assumes it only to run this template.',
    });
    acknowledge(this.claimPolicy, {
      rule: 'WellArchitected-EntryPointAuthenticated',
      reason:
        'Fleet provisioning by claim: a batch of devices shares the claim certificate before any of them is a thing, so the ' +
        'connection cannot be bound to one. The policy allows only CreateKeysAndCertificate and RegisterThing with this ' +
        'template, and the hook refuses serial numbers that are malformed or already registered.',
    });
    acknowledge(this.hook, {
      rule: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:iot:<AWS::Region>:<AWS::AccountId>:thing/*]`,
      reason: 'The hook looks up whether the serial number it is asked about is already a thing; any thing can be asked about.',
    });
  }
}

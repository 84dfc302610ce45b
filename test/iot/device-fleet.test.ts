import { App, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as iot from 'aws-cdk-lib/aws-iot';
import { Alerts } from '../../lib/constructs/alerts';
import { DeviceFleet } from '../../lib/constructs/device-fleet';
import { SynthesizedStage, idsOfType, synthIot } from '../support/synth-stage';

let stage5: SynthesizedStage;
let stage4: SynthesizedStage;
beforeAll(() => {
  stage5 = synthIot(5);
  stage4 = synthIot(4);
});

const resources = () => stage5.json.Resources!;
const policyId = (prefix: string) => idsOfType(stage5.json, 'AWS::IoT::Policy').find((id) => id.startsWith(prefix))!;

describe('IoT 5: devices get in by fleet provisioning by claim', () => {
  test('a provisioning template named after the stack, with a pre-provisioning hook and a provisioning role', () => {
    const [hook] = idsOfType(stage5.json, 'AWS::Lambda::Function').filter((id) => id.startsWith('DevicesPreProvisioningHook'));
    const [live] = idsOfType(stage5.json, 'AWS::Lambda::Alias').filter((id) => id.startsWith('DevicesHookLive'));
    const [role] = idsOfType(stage5.json, 'AWS::IAM::Role').filter((id) => id.startsWith('DevicesProvisioningRole'));
    // IoT calls the hook's live alias, which CodeDeploy shifts to a new version by canary.
    expect(resources()[live].Properties.FunctionName).toEqual({ Ref: hook });
    stage5.template.hasResourceProperties('AWS::IoT::ProvisioningTemplate', {
      TemplateName: 'IotPlatform-devices',
      Enabled: true,
      ProvisioningRoleArn: { 'Fn::GetAtt': [role, 'Arn'] },
      PreProvisioningHook: { TargetArn: { Ref: live }, PayloadVersion: '2020-04-01' },
    });
    stage5.template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'iot.amazonaws.com' } })] },
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSIoTThingsRegistration']] }],
    });
    expect(stage5.json.Outputs!.ProvisioningTemplateName.Value).toBe('IotPlatform-devices');
  });

  test('the template registers one thing per serial number and attaches the device policy to its certificate', () => {
    const [template] = Object.values(resources()).filter((r) => r.Type === 'AWS::IoT::ProvisioningTemplate');
    const body = JSON.stringify(template.Properties.TemplateBody);
    expect(body).toContain('\\"ThingName\\":{\\"Ref\\":\\"SerialNumber\\"}');
    expect(body).toContain('\\"CertificateId\\":{\\"Ref\\":\\"AWS::IoT::Certificate::Id\\"},\\"Status\\":\\"ACTIVE\\"');
    expect(body).toContain(`{"Ref":"${policyId('IotIngestionDevicePolicy')}"}`);
  });

  test('IoT may call the hook for this template only, and the permission exists before the template', () => {
    const [permission] = Object.entries(resources()).find(([id, r]) => r.Type === 'AWS::Lambda::Permission' && id.startsWith('DevicesHookLive'))!;
    expect(resources()[permission].Properties).toEqual(
      expect.objectContaining({
        Principal: 'iot.amazonaws.com',
        SourceAccount: { Ref: 'AWS::AccountId' },
        SourceArn: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iot:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':provisioningtemplate/IotPlatform-devices']] },
      }),
    );
    const [template] = idsOfType(stage5.json, 'AWS::IoT::ProvisioningTemplate');
    expect((resources()[template] as { DependsOn?: string[] }).DependsOn).toEqual(expect.arrayContaining([permission]));
  });

  test('the claim policy allows the two provisioning calls of this template and nothing else', () => {
    const document = JSON.stringify(resources()[policyId('DevicesClaimPolicy')].Properties.PolicyDocument);
    const actions = [...document.matchAll(/"Action":"([^"]+)"/g)].map((m) => m[1]).sort();
    expect(actions).toEqual(['iot:Connect', 'iot:Publish', 'iot:Receive', 'iot:Subscribe']);
    const resourcesNamed = [...document.matchAll(/:(client|topic|topicfilter)\/([^"]+)"/g)].map((m) => `${m[1]}/${m[2]}`).sort();
    expect(resourcesNamed).toEqual([
      'client/*',
      'topic/$aws/certificates/create/json',
      'topic/$aws/certificates/create/json/*',
      'topic/$aws/provisioning-templates/IotPlatform-devices/provision/json',
      'topic/$aws/provisioning-templates/IotPlatform-devices/provision/json/*',
      'topicfilter/$aws/certificates/create/json/*',
      'topicfilter/$aws/provisioning-templates/IotPlatform-devices/provision/json/*',
    ]);
  });

  test('both IoT policies are retained: IoT refuses to delete a policy attached to certificates', () => {
    for (const id of [policyId('IotIngestionDevicePolicy'), policyId('DevicesClaimPolicy')]) {
      expect(resources()[id]).toEqual(expect.objectContaining({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' }));
      // A retained policy must not use anything a later stage deletes.
      expect(JSON.stringify(resources()[id].Properties)).not.toMatch(/"(Ref|Fn::GetAtt)":\[?"(?!AWS::)/);
    }
  });

  test('the hook answers within the 5 seconds IoT waits, may only look things up, and alarms when it fails', () => {
    const [hook] = idsOfType(stage5.json, 'AWS::Lambda::Function').filter((id) => id.startsWith('DevicesPreProvisioningHook'));
    expect(resources()[hook].Properties.Timeout).toBe(5);
    stage5.template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'iot:DescribeThing',
            Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iot:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':thing/*']] },
          }),
        ]),
      },
    });
    stage5.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: hook } }],
      AlarmActions: Match.anyValue(),
    });
  });

  test('stage 4 has no devices of its own yet', () => {
    expect(idsOfType(stage4.json, 'AWS::IoT::ProvisioningTemplate')).toEqual([]);
  });
});

describe('DeviceFleet', () => {
  const build = (templateName?: string) => {
    const stack = new Stack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'S', { env: { region: 'us-east-1' } });
    const devicePolicy = new iot.CfnPolicy(stack, 'P', { policyDocument: { Version: '2012-10-17', Statement: [] } });
    return new DeviceFleet(stack, 'Devices', { devicePolicy, alerts: new Alerts(stack, 'Alerts'), templateName });
  };

  test('a template name IoT would refuse stops synth with one line', () => {
    expect(() => build('has space')).toThrow("Provisioning template name 'has space' must be 1-36 letters, digits, _ or - (set templateName)");
    expect(() => build('x'.repeat(37))).toThrow(/must be 1-36 letters/);
  });

  test('the default name is the stack name and -devices', () => {
    expect(build().templateName).toBe('S-devices');
  });
});

import { Stack, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { fleet, newStack, outcomesOf, vpcOf } from './support';

/** The nightly patch run, targeting instances by tag, as Systems Manager's quick setup writes it. */
function patchByTag(stack: Stack, key: string, value: string, document = 'AWS-RunPatchBaseline') {
  new ssm.CfnAssociation(stack, 'Patch', {
    name: document,
    scheduleExpression: 'cron(0 3 ? * SUN *)',
    parameters: { Operation: ['Install'] },
    targets: [{ key: `tag:${key}`, values: [value] }],
  });
}

describe('WellArchitected-ServersPatchedAutomatically', () => {
  test('a fleet whose instances carry the tag a patch association targets is compliant', () => {
    const stack = newStack();
    Tags.of(fleet(stack)).add('PatchGroup', 'web');
    patchByTag(stack, 'PatchGroup', 'web');
    expect(outcomesOf(stack, 'ServersPatchedAutomatically')).toEqual([{ outcome: 'compliant', path: 'S/Fleet/ASG' }]);
  });

  test('an instance a patch association names is compliant', () => {
    const stack = newStack();
    const server = new ec2.Instance(stack, 'Server', { vpc: vpcOf(stack), instanceType: new ec2.InstanceType('t4g.small'), machineImage: ec2.MachineImage.latestAmazonLinux2023({ cpuType: ec2.AmazonLinuxCpuType.ARM_64 }) });
    new ssm.CfnAssociation(stack, 'Patch', { name: 'AWS-RunPatchBaseline', parameters: { Operation: ['Install'] }, targets: [{ key: 'InstanceIds', values: [server.instanceId] }] });
    expect(outcomesOf(stack, 'ServersPatchedAutomatically')).toEqual([{ outcome: 'compliant', path: 'S/Server/Resource' }]);
  });

  test('an instance that carries the tag a patch association targets is compliant', () => {
    const stack = newStack();
    const server = new ec2.Instance(stack, 'Server', { vpc: vpcOf(stack), instanceType: new ec2.InstanceType('t4g.small'), machineImage: ec2.MachineImage.latestAmazonLinux2023({ cpuType: ec2.AmazonLinuxCpuType.ARM_64 }) });
    Tags.of(server).add('PatchGroup', 'web');
    patchByTag(stack, 'PatchGroup', 'web');
    expect(outcomesOf(stack, 'ServersPatchedAutomatically')).toEqual([{ outcome: 'compliant', path: 'S/Server/Resource' }]);
  });

  test('an association that targets every instance patches fleets and instances alike', () => {
    const stack = newStack();
    fleet(stack);
    new ec2.Instance(stack, 'Server', { vpc: vpcOf(stack), instanceType: new ec2.InstanceType('t4g.small'), machineImage: ec2.MachineImage.latestAmazonLinux2023({ cpuType: ec2.AmazonLinuxCpuType.ARM_64 }) });
    new ssm.CfnAssociation(stack, 'Patch', { name: 'AWS-RunPatchBaseline', parameters: { Operation: ['Install'] }, targets: [{ key: 'InstanceIds', values: ['*'] }] });
    expect(outcomesOf(stack, 'ServersPatchedAutomatically')).toEqual([
      { outcome: 'compliant', path: 'S/Fleet/ASG' },
      { outcome: 'compliant', path: 'S/Server/Resource' },
    ]);
  });

  test('servers no patch association reaches are not', () => {
    const stack = newStack();
    Tags.of(fleet(stack, 'OtherGroup')).add('PatchGroup', 'chat');
    Tags.of(fleet(stack, 'NotLaunched')).add('PatchGroup', 'web', { applyToLaunchedInstances: false });
    fleet(stack, 'Untagged');
    new ec2.Instance(stack, 'Server', { vpc: vpcOf(stack), instanceType: new ec2.InstanceType('t4g.small'), machineImage: ec2.MachineImage.latestAmazonLinux2023({ cpuType: ec2.AmazonLinuxCpuType.ARM_64 }) });
    patchByTag(stack, 'PatchGroup', 'web');
    expect(outcomesOf(stack, 'ServersPatchedAutomatically')).toEqual([
      { outcome: 'nonCompliant', path: 'S/OtherGroup/ASG' },
      { outcome: 'nonCompliant', path: 'S/NotLaunched/ASG' },
      { outcome: 'nonCompliant', path: 'S/Untagged/ASG' },
      { outcome: 'nonCompliant', path: 'S/Server/Resource' },
    ]);
  });

  test('an association that runs some other document does not patch', () => {
    const stack = newStack();
    Tags.of(fleet(stack)).add('PatchGroup', 'web');
    patchByTag(stack, 'PatchGroup', 'web', 'AWS-RunShellScript');
    expect(outcomesOf(stack, 'ServersPatchedAutomatically')).toEqual([{ outcome: 'nonCompliant', path: 'S/Fleet/ASG' }]);
  });

  test('managed compute is patched by AWS and is not judged', () => {
    const stack = newStack();
    new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {};') });
    expect(outcomesOf(stack, 'ServersPatchedAutomatically')).toEqual([]);
  });
});

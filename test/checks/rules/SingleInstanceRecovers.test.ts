import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { newStack, outcomesOf } from './support';

describe('WellArchitected-SingleInstanceRecovers', () => {
  test('a lone instance with a recover alarm is compliant, one without is not', () => {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0 });
    const props = { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC }, instanceType: new ec2.InstanceType('t4g.micro'), machineImage: ec2.MachineImage.latestAmazonLinux2023({ cpuType: ec2.AmazonLinuxCpuType.ARM_64 }) };
    const guarded = new ec2.Instance(stack, 'Guarded', props);
    new ec2.Instance(stack, 'Alone', props);
    const statusCheck = new cloudwatch.Metric({ namespace: 'AWS/EC2', metricName: 'StatusCheckFailed_System', dimensionsMap: { InstanceId: guarded.instanceId } });
    new cloudwatch.Alarm(stack, 'Recover', { metric: statusCheck, threshold: 1, evaluationPeriods: 2 })
      .addAlarmAction(new actions.Ec2Action(actions.Ec2InstanceAction.RECOVER));
    expect(outcomesOf(stack, 'SingleInstanceRecovers')).toEqual([
      { outcome: 'compliant', path: 'S/Guarded/Resource' },
      { outcome: 'nonCompliant', path: 'S/Alone/Resource' },
    ]);
  });
});

import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { newStack, outcomesOf, vpcOf } from './support';

describe('WellArchitected-DependencyWatched', () => {
  test('a queue an alarm watches is compliant, one nothing watches is not', () => {
    const stack = newStack();
    const watched = new sqs.Queue(stack, 'Watched');
    new sqs.Queue(stack, 'Unwatched');
    new cloudwatch.Alarm(stack, 'Backlog', { metric: watched.metricApproximateAgeOfOldestMessage(), threshold: 300, evaluationPeriods: 1 });
    expect(outcomesOf(stack, 'DependencyWatched')).toEqual([
      { outcome: 'compliant', path: 'S/Watched/Resource' },
      { outcome: 'nonCompliant', path: 'S/Unwatched/Resource' },
    ]);
  });

  test('a queue shown on a dashboard is compliant', () => {
    const stack = newStack();
    const queue = new sqs.Queue(stack, 'Shown');
    new cloudwatch.Dashboard(stack, 'Ops', { widgets: [[new cloudwatch.GraphWidget({ left: [queue.metricApproximateNumberOfMessagesVisible()] })]] });
    expect(outcomesOf(stack, 'DependencyWatched')).toEqual([{ outcome: 'compliant', path: 'S/Shown/Resource' }]);
  });

  test('a database cluster is judged like a table: watched through its cluster, never through its instances', () => {
    const stack = newStack();
    const vpc = vpcOf(stack);
    const engine = rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 });
    const instance = (id: string) => ({ writer: rds.ClusterInstance.provisioned(id, { instanceType: new ec2.InstanceType('t4g.medium') }) });
    const watched = new rds.DatabaseCluster(stack, 'Watched', { engine, vpc, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC }, ...instance('Writer') });
    new rds.DatabaseCluster(stack, 'Unwatched', { engine, vpc, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC }, ...instance('Writer') });
    new cloudwatch.Alarm(stack, 'Connections', { metric: watched.metricDatabaseConnections(), threshold: 500, evaluationPeriods: 1 });
    expect(outcomesOf(stack, 'DependencyWatched')).toEqual([
      { outcome: 'compliant', path: 'S/Watched/Resource' },
      { outcome: 'nonCompliant', path: 'S/Unwatched/Resource' },
    ]);
  });
});

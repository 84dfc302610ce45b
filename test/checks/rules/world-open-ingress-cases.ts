import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { newStack, outcomesOf, vpcOf } from './support';

/**
 * The cases of a cdk-nag port rule the pack judges on world-open ingress first: a database endpoint's
 * port (a reference) opened to another security group is decided, and `port` opened to the internet fails.
 */
export function describeWorldOpenIngressRule(rule: string, port: number): void {
  describe(`WellArchitected-${rule} (cdk-nag's rule, judged on world-open ingress first)`, () => {
    test('an ingress from another security group to a database endpoint port (a reference) is decided compliant', () => {
      const stack = newStack();
      const database = new rds.DatabaseCluster(stack, 'Db', {
        engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }),
        vpc: vpcOf(stack), vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC }, writer: rds.ClusterInstance.serverlessV2('Writer'),
      });
      const clients = new ec2.SecurityGroup(stack, 'Clients', { vpc: vpcOf(stack) });
      database.connections.allowDefaultPortFrom(clients);
      const outcomes = outcomesOf(stack, rule);
      expect(outcomes.length).toBeGreaterThan(0);
      expect(outcomes.filter((o) => o.error !== undefined || o.outcome !== 'compliant')).toEqual([]);
    });

    test(`port ${port} open to the internet is non-compliant`, () => {
      const stack = newStack();
      const admin = new ec2.SecurityGroup(stack, 'Admin', { vpc: vpcOf(stack) });
      admin.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(port));
      expect(outcomesOf(stack, rule)).toEqual([{ outcome: 'nonCompliant', path: 'S/Admin/Resource' }]);
    });
  });
}

import { SynthesizedStage, idsOfType, synthIot } from '../support/synth-stage';

const stage: Record<number, SynthesizedStage> = {};
beforeAll(() => {
  for (const id of [1, 2, 3, 4, 5]) stage[id] = synthIot(id);
});

type Resources = NonNullable<SynthesizedStage['json']['Resources']>;
const resources = (s: SynthesizedStage): Resources => s.json.Resources ?? {};

/** Subnet logical IDs of one subnet group (CDK names them `Network/Vpc/<Group>Subnet<n>`). */
function subnetsOf(s: SynthesizedStage, group: 'Public' | 'App'): string[] {
  return idsOfType(s.json, 'AWS::EC2::Subnet').filter((id) => id.startsWith(`NetworkVpc${group}Subnet`));
}

/** Every task launch (scheduler and EventBridge targets) as its network configuration. */
function launches(s: SynthesizedStage): Array<{ subnets: string[]; assignPublicIp: string; securityGroups: string[] }> {
  const found: Array<{ subnets: string[]; assignPublicIp: string; securityGroups: string[] }> = [];
  for (const r of Object.values(resources(s))) {
    const targets =
      r.Type === 'AWS::Scheduler::Schedule' ? [r.Properties.Target] : r.Type === 'AWS::Events::Rule' ? (r.Properties.Targets ?? []) : [];
    for (const target of targets) {
      const network = target.EcsParameters?.NetworkConfiguration;
      // EventBridge Scheduler spells it Awsvpc, EventBridge rules AwsVpc.
      const vpc = network?.AwsvpcConfiguration ?? network?.AwsVpcConfiguration;
      if (!vpc) continue;
      found.push({
        subnets: vpc.Subnets.map((ref: { Ref: string }) => ref.Ref),
        assignPublicIp: vpc.AssignPublicIp,
        securityGroups: vpc.SecurityGroups.map((ref: { 'Fn::GetAtt': [string, string] }) => ref['Fn::GetAtt'][0]),
      });
    }
  }
  return found;
}

describe('stages 1-4: the app subnets keep their NAT gateways (the fleets, and Aurora rotation, need egress)', () => {
  test.each([1, 2, 3, 4])('iot %i: a NAT gateway per AZ and a default route to it from each app subnet', (id) => {
    expect(idsOfType(stage[id].json, 'AWS::EC2::NatGateway')).toHaveLength(2);
    const natRoutes = Object.values(resources(stage[id])).filter((r) => r.Type === 'AWS::EC2::Route' && r.Properties.NatGatewayId);
    expect(natRoutes).toHaveLength(2);
  });

  test.each([3, 4])('iot %i: the export job runs in the app subnets without a public IP', (id) => {
    const all = launches(stage[id]);
    expect(all.length).toBeGreaterThan(0);
    for (const launch of all) {
      expect(launch.subnets.sort()).toEqual(subnetsOf(stage[id], 'App').sort());
      expect(launch.assignPublicIp).toBe('DISABLED');
    }
  });
});

describe('stage 5: no NAT gateways for occasional Fargate tasks', () => {
  test('no NAT gateway and no Elastic IP bill by the hour', () => {
    expect(idsOfType(stage[5].json, 'AWS::EC2::NatGateway')).toEqual([]);
    expect(idsOfType(stage[5].json, 'AWS::EC2::EIP')).toEqual([]);
    expect(idsOfType(stage[5].json, 'AWS::EC2::VPCEndpoint').map((id) => resources(stage[5])[id].Properties.VpcEndpointType ?? 'Gateway')).toEqual([
      'Gateway',
      'Gateway',
    ]);
  });

  test('every analysis launch (per job file and nightly) puts the task in the public subnets with a public IP', () => {
    const all = launches(stage[5]);
    expect(all).toHaveLength(2);
    for (const launch of all) {
      expect(launch.subnets.sort()).toEqual(subnetsOf(stage[5], 'Public').sort());
      expect(launch.assignPublicIp).toBe('ENABLED');
    }
  });

  test("the task's security group admits nothing inbound", () => {
    const groups = new Set(launches(stage[5]).flatMap((l) => l.securityGroups));
    expect(groups.size).toBe(1);
    for (const group of groups) {
      expect(resources(stage[5])[group].Properties.SecurityGroupIngress ?? []).toEqual([]);
      const ingress = Object.values(resources(stage[5])).filter(
        (r) => r.Type === 'AWS::EC2::SecurityGroupIngress' && JSON.stringify(r.Properties.GroupId).includes(`"${group}"`),
      );
      expect(ingress).toEqual([]);
    }
  });

  test('the public subnets reach the internet gateway (ECR Public, CloudWatch Logs, AWS APIs) and S3 through the gateway endpoint', () => {
    const publicRouteTables = subnetsOf(stage[5], 'Public').map((subnet) => {
      const association = Object.values(resources(stage[5])).find(
        (r) => r.Type === 'AWS::EC2::SubnetRouteTableAssociation' && r.Properties.SubnetId.Ref === subnet,
      )!;
      return association.Properties.RouteTableId.Ref as string;
    });
    expect(publicRouteTables).toHaveLength(2);
    for (const table of publicRouteTables) {
      const routes = Object.values(resources(stage[5])).filter((r) => r.Type === 'AWS::EC2::Route' && r.Properties.RouteTableId.Ref === table);
      expect(routes).toEqual([expect.objectContaining({ Properties: expect.objectContaining({ DestinationCidrBlock: '0.0.0.0/0', GatewayId: expect.anything() }) })]);
    }
    const [s3] = idsOfType(stage[5].json, 'AWS::EC2::VPCEndpoint').filter((id) => JSON.stringify(resources(stage[5])[id].Properties.ServiceName).includes('.s3"'));
    const routed = resources(stage[5])[s3].Properties.RouteTableIds.map((ref: { Ref: string }) => ref.Ref);
    expect(routed).toEqual(expect.arrayContaining(publicRouteTables));
  });

  test('the subnets themselves stay (same logical IDs as stage 4): only the NAT gateways and their routes go', () => {
    expect(idsOfType(stage[5].json, 'AWS::EC2::Subnet').sort()).toEqual(idsOfType(stage[4].json, 'AWS::EC2::Subnet').sort());
  });
});

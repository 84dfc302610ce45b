import { App, Duration, SecretValue, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { addWellArchitectedChecks, Pillar, PILLARS, Scorecard, scorecardsOf } from '../../lib';
import { quietSynth } from '../support/quiet-synth';

/**
 * What adding a resource can do to each number, as docs/scorecard.md states it, checked with real
 * resources on real small stacks synthesized through the public entry: the packs decide, not
 * hand-made evaluations.
 */
const FLAGS = { '@aws-cdk/aws-autoscaling:generateLaunchTemplateInsteadOfLaunchConfig': true };

type Build = (stack: Stack) => void;

function scorecard(...builds: Build[]): Scorecard {
  const app = new App({ builtinCloudFormationValidation: false, context: FLAGS });
  addWellArchitectedChecks(app, { printSummary: false });
  const stack = new Stack(app, 'Outside', { env: { region: 'eu-west-1' } });
  for (const build of builds) build(stack);
  quietSynth(app);
  return scorecardsOf(app)[0];
}

/** Every rule-resource evaluation behind the scores (and every undecided one), with its outcome. */
function evaluations(card: Scorecard): Map<string, string> {
  const found = new Map<string, string>();
  for (const bp of card.bestPractices) for (const e of bp.evidence) found.set(`${e.rule}${e.finding ? `[${e.finding}]` : ''} on ${e.resource}`, e.outcome);
  for (const u of card.undecided) found.set(`${u.rule} on ${u.resource}`, 'undecided');
  return found;
}

/** What adding resources did to the evaluations: its own, and those of the resources already there. */
function effect(before: Scorecard, after: Scorecard) {
  const was = evaluations(before);
  const is = evaluations(after);
  return {
    own: [...is].filter(([key]) => !was.has(key)),
    othersChanged: [...was].filter(([key, outcome]) => is.get(key) !== outcome).map(([key, outcome]) => `${key}: ${outcome} -> ${is.get(key) ?? 'not applicable'}`),
  };
}

/** Pillars where a number went down (a number that was null cannot). */
function lowered(before: Scorecard, after: Scorecard, number: 'score' | 'compliance'): Pillar[] {
  return PILLARS.filter((p) => before.pillars[p][number] !== null && (after.pillars[p][number] ?? -1) < before.pillars[p][number]!);
}

const isolatedVpc = (stack: Stack) =>
  new ec2.Vpc(stack, 'Vpc', {
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [
      { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
      { name: 'Data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    ],
  });

const vpcOf = (stack: Stack) => stack.node.findChild('Vpc') as ec2.Vpc;

/** A load balancer whose only listener authenticates (OIDC) before it forwards. */
const authenticatingEntry = (stack: Stack) => {
  const vpc = isolatedVpc(stack);
  const lb = new elbv2.ApplicationLoadBalancer(stack, 'Lb', { vpc, internetFacing: true });
  const app = new elbv2.ApplicationTargetGroup(stack, 'App', { vpc, port: 8080, protocol: elbv2.ApplicationProtocol.HTTP, targetType: elbv2.TargetType.IP });
  lb.addListener('Https', {
    port: 443,
    certificates: [elbv2.ListenerCertificate.fromArn('arn:aws:acm:eu-west-1:111122223333:certificate/abc')],
    defaultAction: elbv2.ListenerAction.authenticateOidc({
      issuer: 'https://id.example.com',
      authorizationEndpoint: 'https://id.example.com/authorize',
      tokenEndpoint: 'https://id.example.com/token',
      userInfoEndpoint: 'https://id.example.com/userinfo',
      clientId: 'app',
      clientSecret: SecretValue.secretsManager('oidc-client'),
      next: elbv2.ListenerAction.forward([app]),
    }),
  });
};

/** Small stacks that are not ours, each with some best practices met and some not. */
const BASES: Record<string, Build> = {
  'a VPC without NAT and a bucket': (s) => {
    isolatedVpc(s);
    new s3.Bucket(s, 'Archive', {
      enforceSSL: true,
      lifecycleRules: [{ transitions: [{ storageClass: s3.StorageClass.INTELLIGENT_TIERING, transitionAfter: Duration.days(0) }] }],
    });
  },
  'a queue with no dead-letter queue': (s) => void new sqs.Queue(s, 'Work'),
  'a load balancer that authenticates': authenticatingEntry,
};

/** Resources whose own evaluations are compliant and that touch nothing else of the stack. */
const WELL_BUILT: Record<string, Build> = {
  'an encrypted topic that requires TLS': (s) => {
    const key = new kms.Key(s, 'TopicKey', { enableKeyRotation: true });
    new sns.Topic(s, 'Events', { masterKey: key, enforceSSL: true });
  },
  'a table with point-in-time recovery': (s) => {
    const table = new dynamodb.TableV2(s, 'Orders', {
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      contributorInsights: true,
      encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
    });
    // Its throttling on a dashboard: a dependency nobody watches is a flaw of its own (DependencyWatched).
    new cloudwatch.Dashboard(s, 'OrdersHealth', { widgets: [[new cloudwatch.GraphWidget({ left: [table.metric('ReadThrottleEvents'), table.metric('WriteThrottleEvents')] })]] });
  },
  'a log group with a retention': (s) => void new logs.LogGroup(s, 'Audit', { retention: logs.RetentionDays.ONE_YEAR }),
  'a parameter no rule looks at': (s) => void new ssm.StringParameter(s, 'Flag', { stringValue: 'on' }),
  'a queue with its dead-letter queue, encrypted, TLS only': (s) => {
    const key = new kms.Key(s, 'QueueKey', { enableKeyRotation: true });
    const failed = new sqs.Queue(s, 'Failed', { enforceSSL: true, encryptionMasterKey: key });
    const jobs = new sqs.Queue(s, 'Jobs', { enforceSSL: true, encryptionMasterKey: key, deadLetterQueue: { queue: failed, maxReceiveCount: 5 } });
    new cloudwatch.Dashboard(s, 'JobsHealth', { widgets: [[new cloudwatch.GraphWidget({ left: [jobs.metricApproximateAgeOfOldestMessage(), failed.metricApproximateNumberOfMessagesVisible()] })]] });
  },
};

describe('adding a resource whose own evaluations are compliant and that changes no other evaluation', () => {
  const cases = Object.entries(BASES).flatMap(([base, build]) => Object.entries(WELL_BUILT).map(([added, add]) => [base, added, build, add] as const));
  const baseCards = new Map<string, Scorecard>();

  test.each(cases)('%s, plus %s: no score, compliance or coverage goes down', (base, _added, build, add) => {
    if (!baseCards.has(base)) baseCards.set(base, scorecard(build));
    const before = baseCards.get(base)!;
    const after = scorecard(build, add);
    const { own, othersChanged } = effect(before, after);
    // The premise of the statement, checked rather than assumed.
    expect(own.filter(([, outcome]) => outcome !== 'compliant')).toEqual([]);
    expect(othersChanged).toEqual([]);
    expect(lowered(before, after, 'score')).toEqual([]);
    expect(lowered(before, after, 'compliance')).toEqual([]);
    for (const p of PILLARS) {
      expect(after.pillars[p].coverage.evaluated).toBeGreaterThanOrEqual(before.pillars[p].coverage.evaluated);
      expect({ ...after.pillars[p].coverage, evaluated: 0 }).toEqual({ ...before.pillars[p].coverage, evaluated: 0 });
    }
  });

  test('the cases are not vacuous: most added resources bring evaluations of their own', () => {
    const before = scorecard(BASES['a queue with no dead-letter queue']);
    const brought = Object.values(WELL_BUILT).filter((add) => effect(before, scorecard(BASES['a queue with no dead-letter queue'], add)).own.length > 0);
    expect(brought.length).toBeGreaterThanOrEqual(4);
  });
});

describe('adding a resource that changes what rules conclude about others may lower both numbers', () => {
  test('a NAT gateway makes GatewayEndpointsWithNat judge, and fail, the VPC it sits in: cost 100 -> 50', () => {
    const base = BASES['a VPC without NAT and a bucket'];
    const nat: Build = (s) => {
      const ip = new ec2.CfnEIP(s, 'NatIp', { domain: 'vpc' });
      new ec2.CfnNatGateway(s, 'Nat', { subnetId: vpcOf(s).publicSubnets[0].subnetId, allocationId: ip.attrAllocationId });
    };
    const before = scorecard(base);
    const after = scorecard(base, nat);
    const { own, othersChanged } = effect(before, after);
    expect(own).toEqual([['WellArchitected-GatewayEndpointsWithNat on Outside/Vpc/Resource', 'nonCompliant']]);
    expect(othersChanged).toEqual([]); // the VPC was not judged before: not applicable without NAT
    expect([before.pillars.costOptimization.score, after.pillars.costOptimization.score]).toEqual([100, 50]);
    expect(after.pillars.costOptimization.compliance!).toBeLessThan(before.pillars.costOptimization.compliance!);
    expect(after.pillars.costOptimization.coverage.evaluated).toBe(before.pillars.costOptimization.coverage.evaluated + 1);
  });

  test('a forward-only listener rule makes the authenticating listener fail EntryPointAuthenticated: security goes down', () => {
    const bypass: Build = (s) => {
      const listener = s.node.findChild('Lb').node.findChild('Https') as elbv2.ApplicationListener;
      const app = s.node.findChild('App') as elbv2.ApplicationTargetGroup;
      new elbv2.ApplicationListenerRule(s, 'Health', { listener, priority: 10, conditions: [elbv2.ListenerCondition.pathPatterns(['/health'])], action: elbv2.ListenerAction.forward([app]) });
    };
    const before = scorecard(authenticatingEntry);
    const after = scorecard(authenticatingEntry, bypass);
    const { own, othersChanged } = effect(before, after);
    expect(own).toEqual([]); // the rule itself is judged by nothing
    expect(othersChanged).toEqual(['WellArchitected-EntryPointAuthenticated on Outside/Lb/Https/Resource: compliant -> nonCompliant']);
    expect(lowered(before, after, 'score')).toEqual(['security']);
    expect(lowered(before, after, 'compliance')).toEqual(['security']);
  });
});

describe('no masking: compliance counts resources where the score counts best practices', () => {
  const sshGroup = (name: string, open: boolean): Build => (s) => {
    const group = new ec2.SecurityGroup(s, name, { vpc: vpcOf(s), allowAllOutbound: false });
    group.addIngressRule(open ? ec2.Peer.anyIpv4() : ec2.Peer.ipv4('10.0.0.0/16'), ec2.Port.tcp(22));
  };
  /** A second hole in a group that already has one: a resource of its own, judged by EC23 alone. */
  const rdpToTheWorld: Build = (s) =>
    void new ec2.CfnSecurityGroupIngress(s, 'Rdp', { groupId: (s.node.findChild('Admin') as ec2.SecurityGroup).securityGroupId, ipProtocol: 'tcp', fromPort: 3389, toPort: 3389, cidrIp: '0.0.0.0/0' });
  const base = BASES['a VPC without NAT and a bucket'];

  test('a second opening to the world lowers security compliance, where the score cannot move', () => {
    const before = scorecard(base, sshGroup('Admin', true));
    const after = scorecard(base, sshGroup('Admin', true), rdpToTheWorld);
    const { own, othersChanged } = effect(before, after);
    // Three rules judge the new opening: AWS Solutions' and the reused Config rules for common ports and SSH.
    expect(own).toEqual([
      ['AwsSolutions-EC23 on Outside/Rdp', 'nonCompliant'],
      ['WellArchitected-EC2RestrictedSSH on Outside/Rdp', 'compliant'],
      ['WellArchitected-EC2RestrictedCommonPorts on Outside/Rdp', 'nonCompliant'],
    ]);
    expect(othersChanged).toEqual([]);
    expect(before.bestPractices.find((bp) => bp.id === 'SEC05-BP02')?.outcome).toBe('notMet');
    expect(after.pillars.security.score).toBe(before.pillars.security.score);
    expect(after.pillars.security.compliance!).toBeLessThan(before.pillars.security.compliance!);
  });

  test('fixing one of two open groups raises compliance but not the score; fixing both raises the score', () => {
    const twoOpen = scorecard(base, sshGroup('Admin', true), sshGroup('Bastion', true));
    const oneFixed = scorecard(base, sshGroup('Admin', true), sshGroup('Bastion', false));
    const bothFixed = scorecard(base, sshGroup('Admin', false), sshGroup('Bastion', false));
    expect(oneFixed.pillars.security.score).toBe(twoOpen.pillars.security.score);
    expect(oneFixed.pillars.security.compliance!).toBeGreaterThan(twoOpen.pillars.security.compliance!);
    expect(bothFixed.pillars.security.compliance!).toBeGreaterThan(oneFixed.pillars.security.compliance!);
    expect(bothFixed.pillars.security.score!).toBeGreaterThan(oneFixed.pillars.security.score!);
  });
});

import { App, Stack } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Ledger, Outcome } from '../../../lib/checks/ledger';
import { WellArchitectedChecks } from '../../../lib/checks/packs/well-architected';

/** What the pack recorded for one resource (or one finding of it). */
export interface RuleOutcome {
  readonly outcome: Outcome;
  /** Construct path of the resource, e.g. `S/Fleet/ASG`. */
  readonly path: string;
  /** For rules with several findings per resource. */
  readonly finding?: string;
  /** The rule threw instead of deciding; no test expects one. */
  readonly error?: string;
}

/**
 * A fresh, empty stack for one case. The App has what the rules need and nothing else: launch
 * templates rather than launch configurations (as cdk.json asks), no built-in CloudFormation
 * validation and no rule packs as plugins, so only the pack under test runs. Tree metadata, version
 * reporting and construct stack traces are off too: no rule reads them, and they were about half
 * of the time each case took to build and synthesize.
 */
export function newStack(): Stack {
  const app = new App({
    builtinCloudFormationValidation: false,
    treeMetadata: false,
    analyticsReporting: false,
    stackTraces: false,
    context: { '@aws-cdk/aws-autoscaling:generateLaunchTemplateInsteadOfLaunchConfig': true },
  });
  return new Stack(app, 'S', { env: { region: 'us-east-1' } });
}

const checked = new WeakMap<Stack, Ledger>();

/**
 * Synthesizes the stack's App once (so aspects such as `Tags.of()` have applied), runs the
 * WellArchitected pack over the stack, and returns what it recorded for `rule` (its name without the
 * `WellArchitected-` prefix). Not-applicable results record nothing, so an empty list means the rule
 * did not judge any resource.
 */
export function outcomesOf(stack: Stack, rule: string): RuleOutcome[] {
  let ledger = checked.get(stack);
  if (!ledger) {
    (stack.node.root as App).synth();
    ledger = new Ledger();
    new WellArchitectedChecks(undefined, { ledger }).validateScope(stack);
    checked.set(stack, ledger);
  }
  return ledger.evaluations
    .filter((e) => e.ruleId === `WellArchitected-${rule}`)
    .map((e) => ({
      outcome: e.outcome,
      path: e.resourcePath,
      ...(e.finding !== undefined ? { finding: e.finding } : {}),
      ...(e.error !== undefined ? { error: e.error } : {}),
    }));
}

/** A two-zone VPC with public subnets only (no NAT gateway to pay for), one per stack. */
export function vpcOf(stack: Stack): ec2.IVpc {
  return (stack.node.tryFindChild('Vpc') as ec2.Vpc | undefined) ?? new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
}

/** An EC2 Auto Scaling group as a user writes it (Graviton, Amazon Linux 2023) in {@link vpcOf}. */
export function fleet(stack: Stack, id = 'Fleet', props: Partial<autoscaling.AutoScalingGroupProps> = {}): autoscaling.AutoScalingGroup {
  return new autoscaling.AutoScalingGroup(stack, id, {
    vpc: vpcOf(stack),
    vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    instanceType: new ec2.InstanceType('t4g.small'),
    machineImage: ec2.MachineImage.latestAmazonLinux2023({ cpuType: ec2.AmazonLinuxCpuType.ARM_64 }),
    ...props,
  });
}

import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { isInvokedFunction } from '../lambda/invoked-functions';
import { field, propertyOf } from '../properties';
import { templateEntry } from '../resources';
import { deploymentGroupsOfFunction, shiftsGradually } from './code-deploy-groups';
import { verdict } from '../verdict';

const isTrue = (value: unknown) => value === true || value === 'true';

/**
 * A fleet takes a new version in batches smaller than the group (a rolling update; CloudFormation
 * replaces one instance when no batch size is set), or builds a whole new group next to the old one
 * and swaps only when it is healthy (a replacing update that waits for signals: blue/green). Without
 * an update policy a new launch template reaches only instances launched later: no rollout at all.
 */
function fleetDeploysGradually(node: CfnResource): boolean {
  const { UpdatePolicy: policy, CreationPolicy: creation } = templateEntry(node);
  if (isTrue(policy?.AutoScalingReplacingUpdate?.WillReplace)) return creation?.ResourceSignal !== undefined;
  const rolling = policy?.AutoScalingRollingUpdate;
  if (!rolling) return false;
  const batch = Number(rolling.MaxBatchSize ?? 1);
  const size = Number(propertyOf(node, 'desiredCapacity') ?? propertyOf(node, 'minSize'));
  // A size known only at deploy time (a parameter) leaves the batch's share unknown; a batch of one is the smallest there is.
  return Number.isFinite(size) ? batch < size || Number(rolling.MinInstancesInService ?? 0) > 0 : batch === 1;
}

/**
 * An ECS service replaces tasks while the old ones keep serving: a rolling deployment keeping some
 * healthy share (ECS's default is all of them), ECS's own blue/green, canary or linear strategies, or
 * CodeDeploy's blue/green. Stopping every old task first (minimum healthy 0%) is all at once.
 */
function serviceDeploysGradually(node: CfnResource): boolean {
  const controller = field(propertyOf(node, 'deploymentController'), 'type') ?? 'ECS';
  if (controller === 'CODE_DEPLOY') return true;
  if (controller !== 'ECS') return false;
  const config = propertyOf(node, 'deploymentConfiguration');
  const strategy = field(config, 'strategy') ?? 'ROLLING';
  if (strategy !== 'ROLLING') return true;
  return Number(field(config, 'minimumHealthyPercent') ?? 100) > 0;
}

/**
 * Compute takes a new version gradually, so a bad one reaches a slice of users before all of them
 * (OPS06-BP03): an invoked function behind an alias CodeDeploy shifts by canary or linear steps, a
 * fleet updated in batches or blue/green, an ECS service that rolls or shifts. Updating a function
 * in place (`$LATEST`), shifting an alias all at once, or a fleet with no update policy exposes
 * every caller at once. Every kind of compute is judged, so no kind escapes by being left out.
 */
export function DeployedGradually(node: CfnResource): NagRuleResult {
  switch (node.cfnResourceType) {
    case 'AWS::AutoScaling::AutoScalingGroup':
      return verdict(fleetDeploysGradually(node));
    case 'AWS::ECS::Service':
      return verdict(serviceDeploysGradually(node));
    case 'AWS::Lambda::Function':
      if (!isInvokedFunction(node)) return NagRuleCompliance.NOT_APPLICABLE;
      return verdict(deploymentGroupsOfFunction(node).some(shiftsGradually));
    default:
      return NagRuleCompliance.NOT_APPLICABLE;
  }
}

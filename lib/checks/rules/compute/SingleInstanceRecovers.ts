import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { propertyOf } from '../properties';
import { logicalIdOf, perStack, referencedIds, resourcesOfType } from '../resources';

/** EC2's automatic recovery and reboot alarm actions: `arn:<partition>:automate:<region>:ec2:recover|reboot`. */
const RECOVERY_ACTION = /:automate:.*:ec2:(recover|reboot)$/;

/** An action ARN with its `Fn::Join` parts (and the pseudo-parameters they name) read as one string. */
function flattened(action: unknown): string {
  if (typeof action === 'string') return action;
  return [...JSON.stringify(action).matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]).filter((part) => !part.startsWith('Fn::') && part !== 'Ref').join('');
}

/** Logical IDs of instances an alarm recovers (or reboots) automatically. */
function recoveredIds(stack: Stack): Set<string> {
  const ids = new Set<string>();
  for (const alarm of resourcesOfType(stack, 'AWS::CloudWatch::Alarm')) {
    const actions = propertyOf(alarm, 'alarmActions');
    if (Array.isArray(actions) && actions.some((a) => RECOVERY_ACTION.test(flattened(a)))) referencedIds(propertyOf(alarm, 'dimensions'), ids);
  }
  return ids;
}

/**
 * A lone EC2 instance (not in an Auto Scaling group, so nothing replaces it) recovers by itself when
 * its host fails: a CloudWatch alarm on its status check runs EC2's recover (or reboot) action.
 * Instances in an Auto Scaling group are never AWS::EC2::Instance resources and are not judged.
 */
export function SingleInstanceRecovers(node: CfnResource): NagRuleResult {
  if (node.cfnResourceType !== 'AWS::EC2::Instance') return NagRuleCompliance.NOT_APPLICABLE;
  const stack = Stack.of(node);
  return perStack(stack, 'recoveredInstanceIds', () => recoveredIds(stack)).has(logicalIdOf(node))
    ? NagRuleCompliance.COMPLIANT
    : NagRuleCompliance.NON_COMPLIANT;
}

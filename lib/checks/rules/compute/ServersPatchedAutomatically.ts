import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { cfnProperties, isType, logicalIdOf, perStack, resourcesOfType } from '../resources';

/** Documents that install operating-system patches. */
const PATCH_DOCUMENTS = new Set(['AWS-RunPatchBaseline', 'AWS-RunPatchBaselineAssociation', 'AWS-RunPatchBaselineWithHooks']);

interface Target {
  Key?: string;
  Values?: unknown[];
}

/** `tag:<key>=<value>` and `InstanceIds` targets of the patch associations in the stack; `InstanceIds=*` is every instance. */
function patchTargets(stack: Stack): { tags: Set<string>; instances: Set<string>; all: boolean } {
  const tags = new Set<string>();
  const instances = new Set<string>();
  let all = false;
  for (const association of resourcesOfType(stack, 'AWS::SSM::Association')) {
    const properties = cfnProperties(association);
    if (!PATCH_DOCUMENTS.has(String(properties.Name))) continue;
    for (const target of (properties.Targets ?? []) as Target[]) {
      for (const value of target.Values ?? []) {
        if (target.Key?.startsWith('tag:')) tags.add(`${target.Key.slice(4)}=${JSON.stringify(value)}`);
        if (target.Key === 'InstanceIds') {
          if (value === '*') all = true;
          else instances.add(JSON.stringify(value));
        }
      }
    }
  }
  return { tags, instances, all };
}

/**
 * Servers the team runs are patched on a schedule (a Systems Manager association running the patch
 * baseline on them, targeted by instance ID or by a tag the servers carry), not only when someone
 * remembers to redeploy. Lambda, Fargate and other managed compute are patched by AWS and are not
 * judged here.
 */
export function ServersPatchedAutomatically(node: CfnResource): NagRuleResult {
  const instance = isType(node, 'AWS::EC2::Instance');
  if (!instance && !isType(node, 'AWS::AutoScaling::AutoScalingGroup')) return NagRuleCompliance.NOT_APPLICABLE;
  const stack = Stack.of(node);
  const targets = perStack(stack, 'patchTargets', () => patchTargets(stack));
  if (targets.all) return NagRuleCompliance.COMPLIANT;
  if (instance && targets.instances.has(JSON.stringify({ Ref: logicalIdOf(node) }))) return NagRuleCompliance.COMPLIANT;
  // An instance carries its own tags; a fleet's reach its instances only when propagated at launch.
  const carried = (cfnProperties(node).Tags ?? []) as Array<{ Key: string; Value: unknown; PropagateAtLaunch?: unknown }>;
  const patched = carried.some(
    (tag) => (instance || tag.PropagateAtLaunch === true || tag.PropagateAtLaunch === 'true') && targets.tags.has(`${tag.Key}=${JSON.stringify(tag.Value)}`),
  );
  return patched ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

import { CfnResource, Stack } from 'aws-cdk-lib';
import { CfnAutoScalingGroup } from 'aws-cdk-lib/aws-autoscaling';
import { CfnInstance } from 'aws-cdk-lib/aws-ec2';
import { CfnAssociation } from 'aws-cdk-lib/aws-ssm';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { logicalIdOf, perStack, resolved, resourcesOfType } from '../resources';

/** Documents that install operating-system patches. */
const PATCH_DOCUMENTS = new Set(['AWS-RunPatchBaseline', 'AWS-RunPatchBaselineAssociation', 'AWS-RunPatchBaselineWithHooks']);

interface Target {
  key?: string;
  values?: unknown[];
}

/** `tag:<key>=<value>` and `InstanceIds` targets of the patch associations in the stack; `InstanceIds=*` is every instance. */
function patchTargets(stack: Stack): { tags: Set<string>; instances: Set<string>; all: boolean } {
  const tags = new Set<string>();
  const instances = new Set<string>();
  let all = false;
  for (const association of resourcesOfType(stack, CfnAssociation.CFN_RESOURCE_TYPE_NAME) as CfnAssociation[]) {
    if (!PATCH_DOCUMENTS.has(String(resolved(association, association.name)))) continue;
    for (const target of (resolved(association, association.targets) ?? []) as Target[]) {
      for (const value of target.values ?? []) {
        if (target.key?.startsWith('tag:')) tags.add(`${target.key.slice(4)}=${JSON.stringify(value)}`);
        if (target.key === 'InstanceIds') {
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
 * baseline on them), not only when someone remembers to redeploy. Lambda, Fargate and other managed
 * compute are patched by AWS and are not judged here.
 */
export function ServersPatchedAutomatically(node: CfnResource): NagRuleResult {
  if (!(node instanceof CfnAutoScalingGroup) && !(node instanceof CfnInstance)) return NagRuleCompliance.NOT_APPLICABLE;
  const stack = Stack.of(node);
  const targets = perStack(stack, 'patchTargets', () => patchTargets(stack));
  if (targets.all) return NagRuleCompliance.COMPLIANT;
  if (node instanceof CfnInstance && targets.instances.has(JSON.stringify({ Ref: logicalIdOf(node) }))) return NagRuleCompliance.COMPLIANT;
  // An instance carries its own tags; a fleet's reach its instances only when propagated at launch.
  const carried = (resolved(node, node.tags.renderTags()) ?? []) as Array<{ key: string; value: unknown; propagateAtLaunch?: boolean }>;
  const patched = carried.some(
    (tag) => (node instanceof CfnInstance || tag.propagateAtLaunch) && targets.tags.has(`${tag.key}=${JSON.stringify(tag.value)}`),
  );
  return patched ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

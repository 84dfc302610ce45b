import { CfnTemplate } from '../../../lib/evolution/data-safety';
import { referencedIds, resourcesOf, TemplateResource } from './template-resources';

const STAYS = new Set(['Retain', 'RetainExceptOnCreate']);

/**
 * What a resource uses, by reference. A log group named after its writer keeps its logs when the
 * writer goes: the name was fixed at creation and is not a use (as lib/evolution/data-safety.ts reads it).
 */
function usesOf(resource: TemplateResource): unknown {
  if (resource.Type !== 'AWS::Logs::LogGroup') return resource.Properties;
  const { LogGroupName: _name, ...uses } = (resource.Properties ?? {}) as Record<string, unknown>;
  return uses;
}

/** Whether a resource outlives the stack (`cdk destroy`) or its removal from the template. */
export const outlivesStack = (resource: TemplateResource | undefined) => STAYS.has(resource?.DeletionPolicy ?? '');

/**
 * What a resource left behind by `cdk destroy` (or by leaving a stage) must not refer to: something
 * CloudFormation deletes. Left inside a deleted VPC, subnet or security group it blocks that delete
 * (EC2 refuses to delete a VPC that still holds a non-default security group, DependencyViolation)
 * and the stack ends in DELETE_FAILED; referring to a deleted key, secret or group it is left
 * unusable. Each problem names the resource that stays and the one that goes.
 */
export function destroyProblems(template: CfnTemplate): string[] {
  const resources = template.Resources ?? {};
  return resourcesOf(template)
    .filter(([, r]) => outlivesStack(r))
    .flatMap(([id, r]) =>
      [...referencedIds(usesOf(r))]
        .filter((ref) => resources[ref] && !outlivesStack(resources[ref] as TemplateResource))
        .map((ref) => `${id} (${r.Type}, ${r.DeletionPolicy}) refers to ${ref} (${(resources[ref] as TemplateResource).Type}), which is deleted`),
    );
}

/**
 * Leaving a stage retains what it removes with Retain; those orphans must not refer to anything
 * CloudFormation deletes then or at a later `cdk destroy` of the next stage: everything that does not
 * itself outlive the stack.
 */
export function retiredOrphanProblems(before: CfnTemplate, after: CfnTemplate): string[] {
  const afterResources = after.Resources ?? {};
  const beforeResources = before.Resources ?? {};
  return resourcesOf(before)
    .filter(([id, r]) => !afterResources[id] && outlivesStack(r))
    .flatMap(([id, r]) =>
      [...referencedIds(usesOf(r))]
        .filter((ref) => beforeResources[ref] && !outlivesStack((afterResources[ref] ?? beforeResources[ref]) as TemplateResource))
        .map((ref) => `${id} (${r.Type}) is left behind referring to ${ref} (${(beforeResources[ref] as TemplateResource).Type}), which is deleted`),
    );
}

import { CfnTemplate } from '../../../lib/evolution/data-safety';
import { referencedIds, resourcesOf } from './template-resources';

/**
 * A Lambda-backed custom resource whose function times out never answers CloudFormation, which then
 * waits its default hour. Every custom resource backed by a function of the template must set a
 * `ServiceTimeout` no more than a few minutes past that function's timeout.
 */
/** aws-cdk-lib's own custom resources: their handlers are not this project's code, and their props set no ServiceTimeout. Left to aws-cdk-lib (noted in docs/deploy-readiness.md). */
export const LIBRARY_CUSTOM_RESOURCES = new Set(['Custom::LogRetention', 'Custom::VpcRestrictDefaultSG']);

export function customResourceTimeoutProblems(template: CfnTemplate, slackSeconds = 120): string[] {
  const resources = template.Resources ?? {};
  return resourcesOf(template)
    .filter(([, r]) => (r.Type.startsWith('Custom::') || r.Type === 'AWS::CloudFormation::CustomResource') && !LIBRARY_CUSTOM_RESOURCES.has(r.Type))
    .flatMap(([id, r]) => {
      const [fnId] = [...referencedIds(r.Properties?.ServiceToken)].filter((ref) => (resources[ref] as any)?.Type === 'AWS::Lambda::Function');
      if (fnId === undefined) return [];
      const functionTimeout = Number((resources[fnId] as any).Properties?.Timeout ?? 3);
      const serviceTimeout = r.Properties?.ServiceTimeout;
      if (serviceTimeout === undefined) return [`${id} (${r.Type}): no ServiceTimeout; CloudFormation waits an hour if ${fnId} times out`];
      if (Number(serviceTimeout) > functionTimeout + slackSeconds) return [`${id}: ServiceTimeout ${serviceTimeout} s, far past ${fnId}'s ${functionTimeout} s`];
      return [];
    });
}

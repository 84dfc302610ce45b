import { ResourceImpact } from '@aws-cdk/cloudformation-diff';
import { STATEFUL_TYPES } from './data-fate';
import { CfnTemplate, templateDiff } from './data-safety';

/** One way a stage change would touch a resource that the stage does not really change. */
export interface NoisyChange {
  readonly logicalId: string;
  readonly type: string;
  readonly problem: 'tags-only-update' | 'replaced-unchanged' | 'fleet-rolled-unchanged';
  readonly detail: string;
}

/** Property names that only carry tags, at any depth (Tags, and a launch template's TagSpecifications). */
const TAG_KEYS = new Set(['Tags', 'TagSpecifications']);

/** A value with every tag-only property removed, keys sorted, so two configurations compare as text. */
function configurationOf(value: unknown): string {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v)
          .filter((k) => !TAG_KEYS.has(k))
          .sort()
          .map((k) => [k, strip((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(strip(value ?? {}));
}

function rawOf(value: unknown): string {
  return JSON.stringify(value ?? {});
}

/** The launch template an Auto Scaling group launches from, if it names one in this template. */
function launchTemplateOf(group: { Properties?: unknown }): string | undefined {
  const ref = (group.Properties as { LaunchTemplate?: { LaunchTemplateId?: { Ref?: string } } } | undefined)?.LaunchTemplate?.LaunchTemplateId?.Ref;
  return typeof ref === 'string' ? ref : undefined;
}

/**
 * What deploying `after` over `before` would do that the stage itself does not call for: resources
 * updated only in their tags (hundreds of API calls, and a replacement for types whose tags are
 * immutable), stateless resources replaced although their configuration is the same, and Auto
 * Scaling groups rolled onto a new launch-template version whose configuration is the same.
 */
export function noisyChanges(before: CfnTemplate, after: CfnTemplate): NoisyChange[] {
  const problems: NoisyChange[] = [];
  const beforeResources = before.Resources ?? {};
  const afterResources = after.Resources ?? {};
  const diff = templateDiff(before, after);

  for (const [logicalId, next] of Object.entries(afterResources)) {
    const previous = beforeResources[logicalId];
    if (!previous || previous.Type !== next.Type) continue;
    const sameConfiguration = configurationOf(previous.Properties) === configurationOf(next.Properties);
    if (sameConfiguration && rawOf(previous.Properties) !== rawOf(next.Properties)) {
      problems.push({ logicalId, type: next.Type, problem: 'tags-only-update', detail: 'only Tags/TagSpecifications differ' });
    }
    const impact = diff.resources.get(logicalId)?.changeImpact;
    const replaced = impact === ResourceImpact.WILL_REPLACE || impact === ResourceImpact.MAY_REPLACE;
    if (replaced && sameConfiguration && !STATEFUL_TYPES.includes(next.Type)) {
      problems.push({ logicalId, type: next.Type, problem: 'replaced-unchanged', detail: `${impact} with the same configuration` });
    }
    if (next.Type === 'AWS::AutoScaling::AutoScalingGroup') {
      const template = launchTemplateOf(next);
      const oldTemplate = template ? beforeResources[template] : undefined;
      const newTemplate = template ? afterResources[template] : undefined;
      if (
        template === launchTemplateOf(previous) &&
        oldTemplate &&
        newTemplate &&
        rawOf(oldTemplate.Properties) !== rawOf(newTemplate.Properties) &&
        configurationOf(oldTemplate.Properties) === configurationOf(newTemplate.Properties)
      ) {
        problems.push({ logicalId, type: next.Type, problem: 'fleet-rolled-unchanged', detail: `launch template ${template} gets a new version for tags only` });
      }
    }
  }
  return problems;
}

import { CfnTemplate } from '../../../lib/evolution/data-safety';
import { resourcesOf } from './template-resources';

/** The comparison strings of one listener-rule condition, in whichever of its forms the template uses. */
function matchValues(condition: Record<string, any>): unknown[] {
  const configs = ['HostHeaderConfig', 'PathPatternConfig', 'HttpRequestMethodConfig', 'SourceIpConfig', 'HttpHeaderConfig'];
  const fromConfig = configs.flatMap((c) => (condition[c]?.Values ?? []) as unknown[]);
  const queryStrings = (condition.QueryStringConfig?.Values ?? []) as unknown[];
  return [...fromConfig, ...queryStrings, ...((condition.Values ?? []) as unknown[])];
}

/**
 * ALB listener rules AWS would refuse: "You can specify up to three match evaluations per condition
 * and up to five match evaluations per rule", priorities from 1 to 50000, and "A listener can't have
 * multiple rules with the same priority."
 */
export function listenerRuleProblems(template: CfnTemplate): string[] {
  const problems: string[] = [];
  const priorities = new Map<string, Map<number, string>>();
  for (const [id, rule] of resourcesOf(template, 'AWS::ElasticLoadBalancingV2::ListenerRule')) {
    const conditions = (rule.Properties?.Conditions ?? []) as Array<Record<string, any>>;
    const counts = conditions.map(matchValues).map((v) => v.length);
    if (counts.some((n) => n > 3)) problems.push(`${id}: a condition with more than three match values`);
    if (counts.reduce((a, b) => a + b, 0) > 5) problems.push(`${id}: more than five match values in one rule`);
    const priority = Number(rule.Properties?.Priority);
    if (!Number.isInteger(priority) || priority < 1 || priority > 50_000) problems.push(`${id}: priority ${rule.Properties?.Priority} outside 1-50000`);
    const listener = JSON.stringify(rule.Properties?.ListenerArn);
    const seen = priorities.get(listener) ?? new Map<number, string>();
    if (seen.has(priority)) problems.push(`${id}: priority ${priority} already used by ${seen.get(priority)} on the same listener`);
    seen.set(priority, id);
    priorities.set(listener, seen);
  }
  return problems;
}

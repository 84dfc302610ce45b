import { CfnTemplate } from '../../../lib/evolution/data-safety';
import { resourcesOf } from './template-resources';

/**
 * EventBridge targets that are CloudWatch Logs log groups must name the log group's ARN without the
 * `:*` suffix that `AWS::Logs::LogGroup`'s `Arn` attribute carries; with it, delivery fails silently
 * (aws-cdk-lib's own CloudWatchLogGroup target builds the ARN without it). Every rule target is
 * checked: one that is the `Arn` attribute of a log group, or any ARN text ending in `:*`.
 */
export function logGroupTargetProblems(template: CfnTemplate): string[] {
  const logGroups = new Set(resourcesOf(template, 'AWS::Logs::LogGroup').map(([id]) => id));
  const problems: string[] = [];
  for (const [ruleId, rule] of resourcesOf(template, 'AWS::Events::Rule')) {
    for (const target of rule.Properties?.Targets ?? []) {
      const arn = target.Arn;
      const getAtt = arn?.['Fn::GetAtt'];
      if (Array.isArray(getAtt) && logGroups.has(getAtt[0]) && getAtt[1] === 'Arn') {
        problems.push(`rule ${ruleId} target ${target.Id}: the log group's Arn attribute ends in ':*'`);
      } else if (/:\*"?\]*\}*$/.test(JSON.stringify(arn))) {
        problems.push(`rule ${ruleId} target ${target.Id}: ARN ends in ':*'`);
      }
    }
  }
  return problems;
}

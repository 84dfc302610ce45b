import { CfnTemplate } from '../../../lib/evolution/data-safety';
import { resourcesOf } from './template-resources';

/**
 * The functions the CloudWatch metric math reference documents
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html), with the
 * operators written as words. An expression may call only these.
 */
export const DOCUMENTED_FUNCTIONS = new Set([
  'ABS', 'ANOMALY_DETECTION_BAND', 'AVG', 'CEIL', 'DATAPOINT_COUNT', 'DB_PERF_INSIGHTS', 'DIFF', 'DIFF_TIME', 'FILL', 'FIRST',
  'FLOOR', 'IF', 'INSIGHT_RULE_METRIC', 'LAMBDA', 'LAST', 'LOG', 'LOG10', 'MAX', 'METRIC_COUNT', 'METRICS', 'MIN', 'MINUTE',
  'HOUR', 'DAY', 'DATE', 'MONTH', 'YEAR', 'EPOCH', 'PERIOD', 'RATE', 'REMOVE_EMPTY', 'RUNNING_SUM', 'SEARCH', 'SERVICE_QUOTA',
  'SLICE', 'SORT', 'STDDEV', 'SUM', 'TIME_SERIES', 'AND', 'OR', 'NOT',
]);

/** Problems of one expression: an undocumented function, or a constant inside an array (arrays hold time series). */
export function expressionProblems(expression: string): string[] {
  const problems: string[] = [];
  for (const [, name] of expression.matchAll(/([A-Za-z_][A-Za-z0-9_]*)\s*\(/g)) {
    if (!DOCUMENTED_FUNCTIONS.has(name.toUpperCase())) problems.push(`'${expression}': ${name}() is not a documented metric math function`);
  }
  for (const [array] of expression.matchAll(/\[[^\]]*\]/g)) {
    const items = array.slice(1, -1).split(',').map((item) => item.trim());
    if (items.some((item) => /^-?[0-9.]+(e-?[0-9]+)?$/i.test(item))) {
      problems.push(`'${expression}': the array ${array} holds a constant; a metric math array holds time series`);
    }
  }
  return problems;
}

/** Every metric math expression of every alarm (and CloudWatch dashboard-free template) checked by {@link expressionProblems}. */
export function metricMathProblems(template: CfnTemplate): string[] {
  return resourcesOf(template, 'AWS::CloudWatch::Alarm').flatMap(([id, alarm]) =>
    (alarm.Properties?.Metrics ?? [])
      .filter((query: any) => typeof query.Expression === 'string')
      .flatMap((query: any) => expressionProblems(query.Expression).map((p) => `alarm ${id}: ${p}`)),
  );
}

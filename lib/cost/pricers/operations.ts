import { numberOf } from '../template-facts';
import { invocationsPerMonth } from './messaging';
import { count, line, Pricer, Unpriceable, usageBasis, used } from './pricer';

/** A log group: what is written to it and, over its retention, what it holds (stored as ingested: compression not modelled). */
export const logGroup: Pricer = (id, group, context) => {
  const retention = numberOf(group.Properties?.RetentionInDays);
  const usage = context.usage(id);
  const gb = used(usage, 'ingestGb');
  // Without retention logs are kept for ever; a year of them stands in for the steady state.
  const monthsHeld = (retention ?? 365) / 30;
  return [
    line(context, 'Amazon CloudWatch', 'log ingestion (Standard class)', 'cw.logs.ingest', gb, usageBasis(usage, `${gb} GB written`)),
    line(context, 'Amazon CloudWatch', `log storage (${retention ?? 'no'} days retention)`, 'cw.logs.storage', gb * monthsHeld, `template: ${retention ?? 'unlimited (a year assumed)'} days; ${usageBasis(usage, `${gb} GB a month`)}`),
  ];
};

/** A CloudWatch alarm: one per metric it watches (standard resolution). */
export const alarm: Pricer = (_id, a, context) => {
  const metrics = (a.Properties?.Metrics as Array<{ MetricStat?: unknown }> | undefined)?.filter((m) => m.MetricStat).length || 1;
  return [line(context, 'Amazon CloudWatch', `alarm on ${metrics} metric${metrics > 1 ? 's' : ''}`, 'cw.alarm', metrics, `template: ${metrics} metric${metrics > 1 ? 's' : ''}`)];
};

/** A CloudWatch dashboard. */
export const dashboard: Pricer = (_id, _d, context) => [line(context, 'Amazon CloudWatch', 'dashboard', 'cw.dashboard', 1, 'template: one dashboard')];

/** A KMS key: the key each month, and the requests the load makes of it. */
export const kmsKey: Pricer = (id, key, context) => {
  const rotation = key.Properties?.EnableKeyRotation === true;
  const usage = context.usage(id);
  const requests = used(usage, 'requests');
  return [
    line(context, 'AWS KMS', 'customer managed key', 'kms.key', 1, `template: one key${rotation ? '; yearly rotation adds $1 a month for each of its first two rotations, not modelled' : ''}`),
    line(context, 'AWS KMS', 'requests', 'kms.requests', requests / 10_000, usageBasis(usage, `${count(requests)} requests`)),
  ];
};

/** A Secrets Manager secret: the secret each month and its API calls. */
export const secret: Pricer = (id, _s, context) => {
  const usage = context.usage(id);
  const calls = used(usage, 'apiCalls');
  return [
    line(context, 'AWS Secrets Manager', 'secret', 'secretsmanager.secret', 1, 'template: one secret'),
    line(context, 'AWS Secrets Manager', 'API calls', 'secretsmanager.api', calls / 10_000, usageBasis(usage, `${calls} calls`)),
  ];
};

/** A CloudWatch Synthetics canary: one run per schedule tick (its artifacts and logs are priced where they land). */
export const canary: Pricer = (_id, c, context) => {
  const expression = String((c.Properties?.Schedule as { Expression?: unknown } | undefined)?.Expression);
  const runs = invocationsPerMonth(expression, context.hours);
  if (runs === undefined) throw new Unpriceable(`canary schedule ${expression} is not modelled`);
  return [line(context, 'Amazon CloudWatch', 'Synthetics canary runs', 'synthetics.run', runs, `template: ${expression}, ${count(runs)} runs a month`)];
};

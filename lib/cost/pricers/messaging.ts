import { numberOf } from '../template-facts';
import { count, line, PricedLine, Pricer, Unpriceable, usageBasis, used } from './pricer';

/** An API Gateway v2 API: HTTP requests, or WebSocket messages and connection minutes. */
export const apiV2: Pricer = (id, api, context) => {
  const protocol = String(api.Properties?.ProtocolType);
  const usage = context.usage(id);
  if (protocol === 'HTTP') {
    const requests = used(usage, 'requests');
    return [line(context, 'Amazon API Gateway', 'HTTP API requests', 'apigw.http', requests / 1e6, usageBasis(usage, `${count(requests)} requests`))];
  }
  if (protocol === 'WEBSOCKET') {
    const messages = used(usage, 'messages');
    const minutes = used(usage, 'connectionMinutes');
    return [
      line(context, 'Amazon API Gateway', 'WebSocket messages', 'apigw.ws.messages', messages / 1e6, usageBasis(usage, `${count(messages)} messages`)),
      line(context, 'Amazon API Gateway', 'WebSocket connection minutes', 'apigw.ws.minutes', minutes / 1e6, usageBasis(usage, `${count(minutes)} connection-minutes`)),
    ];
  }
  throw new Unpriceable(`API protocol ${protocol} is not priced`);
};

/** An SQS queue: its requests. */
export const sqsQueue: Pricer = (id, _queue, context) => {
  const usage = context.usage(id);
  const requests = used(usage, 'requests');
  return [line(context, 'Amazon SQS', 'requests', 'sqs.requests', requests / 1e6, usageBasis(usage, `${count(requests)} requests`))];
};

/** Invocations a month of a schedule expression: `cron(m h * * ? *)` (daily) and `rate(n unit)`. */
export function invocationsPerMonth(expression: string, hours: number): number | undefined {
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
  if (rate) {
    const minutes = Number(rate[1]) * (rate[2].startsWith('minute') ? 1 : rate[2].startsWith('hour') ? 60 : 1440);
    return (hours * 60) / minutes;
  }
  if (/^cron\(\d+ \d+ \* \* \? \*\)$/.test(expression)) return hours / 24;
  return undefined;
}

/** An EventBridge Scheduler schedule: its invocations, from its expression. */
export const schedule: Pricer = (_id, s, context) => {
  const expression = String(s.Properties?.ScheduleExpression);
  const n = invocationsPerMonth(expression, context.hours);
  if (n === undefined) throw new Unpriceable(`schedule expression ${expression} is not modelled`);
  return [line(context, 'Amazon EventBridge', 'Scheduler invocations', 'scheduler.invocations', n / 1e6, `template: ${expression}, ${n.toFixed(1)} a month`)];
};

/**
 * An IoT Core topic rule: the messages devices publish to its topic (5 KB units, tiered), the rule
 * triggered for each, and each of its actions executed.
 */
export const iotTopicRule: Pricer = (id, rule, context) => {
  const payload = rule.Properties?.TopicRulePayload as { Actions?: unknown[] } | undefined;
  const actions = (payload?.Actions ?? []).length;
  const usage = context.usage(id);
  const messages = used(usage, 'messages');
  const triggered = usage.quantities.rulesTriggered ?? messages;
  const minutes = used(usage, 'connectionMinutes');
  const lines: PricedLine[] = [
    line(context, 'AWS IoT Core', "messages published to the rule's topic (5 KB units)", 'iot.messages', messages / 1e6, usageBasis(usage, `${count(messages)} messages`)),
    line(context, 'AWS IoT Core', 'rules triggered (5 KB units)', 'iot.rules', triggered / 1e6, usageBasis(usage, `${count(triggered)} rules triggered`)),
    line(context, 'AWS IoT Core', `actions executed (${actions} a rule)`, 'iot.actions', (triggered * actions) / 1e6, `template: ${actions} actions; ${usageBasis(usage, `${count(triggered)} rules triggered`)}`),
    line(context, 'AWS IoT Core', 'device connection minutes', 'iot.connectivity', minutes / 1e6, usageBasis(usage, `${count(minutes)} connection-minutes`)),
  ];
  return lines;
};

/** A Data Firehose stream with Direct PUT: ingestion (tiered), format conversion and dynamic partitioning. */
export const firehose: Pricer = (id, stream, context) => {
  const p = stream.Properties ?? {};
  if ((p.DeliveryStreamType ?? 'DirectPut') !== 'DirectPut') throw new Unpriceable(`${String(p.DeliveryStreamType)} sources are not priced`);
  const s3 = (p.ExtendedS3DestinationConfiguration ?? {}) as {
    DataFormatConversionConfiguration?: { Enabled?: boolean };
    DynamicPartitioningConfiguration?: { Enabled?: boolean };
    BufferingHints?: { SizeInMBs?: unknown };
  };
  const usage = context.usage(id);
  const gb = used(usage, 'ingestGb');
  const basis = usageBasis(usage, `${count(gb)} GB`);
  const lines: PricedLine[] = [line(context, 'Amazon Data Firehose', 'Direct PUT ingestion', 'firehose.ingest', gb, basis)];
  if (s3.DataFormatConversionConfiguration?.Enabled) lines.push(line(context, 'Amazon Data Firehose', 'format conversion to Parquet', 'firehose.format-conversion', gb, basis));
  if (s3.DynamicPartitioningConfiguration?.Enabled) {
    lines.push(line(context, 'Amazon Data Firehose', 'dynamic partitioning, data', 'firehose.dynamic-partitioning', gb, basis));
    // At least one object per full buffer: a lower bound on the objects it delivers.
    const bufferMb = numberOf(s3.BufferingHints?.SizeInMBs) ?? 128;
    const objects = Math.ceil((gb * 1024) / bufferMb);
    lines.push(line(context, 'Amazon Data Firehose', 'dynamic partitioning, objects delivered', 'firehose.dynamic-partitioning.objects', objects / 1000, `${basis}; one object per ${bufferMb} MB buffer`));
  }
  return lines;
};

/** An Athena workgroup: the TB its queries scan. */
export const athenaWorkGroup: Pricer = (id, _wg, context) => {
  const usage = context.usage(id);
  const tb = used(usage, 'scannedTb');
  return [line(context, 'Amazon Athena', 'data scanned by queries', 'athena.scanned', tb, usageBasis(usage, `${tb} TB scanned`))];
};

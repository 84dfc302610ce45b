import { count, line, PricedLine, Pricer, usageBasis, used } from './pricer';

/** Storage classes the load can put bytes in, with their price keys. */
const CLASSES: ReadonlyArray<[usageKey: string, priceKey: string, billed: string]> = [
  ['standardGb', 's3.standard', 'S3 Standard storage'],
  ['standardIaGb', 's3.standard-ia', 'S3 Standard-IA storage'],
  ['glacierIrGb', 's3.glacier-ir', 'S3 Glacier Instant Retrieval storage'],
  // Intelligent-Tiering's frequent tier is priced as Standard; its cheaper tiers are not modelled.
  ['intelligentTieringGb', 's3.standard', 'S3 Intelligent-Tiering storage (frequent access tier)'],
];

/** An S3 bucket: bytes stored per class, requests, and Intelligent-Tiering monitoring, as the load puts them there. */
export const s3Bucket: Pricer = (id, _bucket, context) => {
  const usage = context.usage(id);
  const lines: PricedLine[] = CLASSES.map(([key, priceKey, billed]) => {
    const gb = used(usage, key);
    return line(context, 'Amazon S3', billed, priceKey, gb, usageBasis(usage, `${count(gb)} GB`));
  }).filter((l) => l.quantity > 0);
  if (lines.length === 0) lines.push(line(context, 'Amazon S3', 'S3 Standard storage', 's3.standard', 0, usageBasis(usage, 'nothing stored')));
  const monitored = used(usage, 'monitoredObjects');
  if (monitored > 0) lines.push(line(context, 'Amazon S3', 'Intelligent-Tiering monitoring', 's3.intelligent-tiering.monitoring', monitored / 1000, usageBasis(usage, `${monitored} objects`)));
  const puts = used(usage, 'putRequests');
  const gets = used(usage, 'getRequests');
  if (puts > 0) lines.push(line(context, 'Amazon S3', 'PUT, COPY, POST, LIST requests', 's3.put', puts / 1000, usageBasis(usage, `${count(puts)} requests`)));
  if (gets > 0) lines.push(line(context, 'Amazon S3', 'GET requests', 's3.get', gets / 1000, usageBasis(usage, `${count(gets)} requests`)));
  return lines;
};

import { SYNC_RESPONSE_LIMIT_BYTES, TRANSFORM_WORST_EXPANSION } from '../../../lib/constructs/archive-delivery';
import { CfnTemplate } from '../../../lib/evolution/data-safety';
import { referencedIds, resourcesOf } from './template-resources';

/**
 * Response bytes per request byte of each Firehose transform this project has, measured through its
 * real handler (test/runtime/telemetry-lambda/archive-transform-limits.test.ts), by construct path.
 */
export const MEASURED_TRANSFORM_EXPANSION: Record<string, number> = {
  'ArchiveDelivery/Transform/Resource': TRANSFORM_WORST_EXPANSION,
};

/**
 * Firehose calls a Lambda processor synchronously with up to its buffer hint of records, and Lambda
 * returns at most 6 MB. Every processor of every delivery stream must be a transform whose worst
 * expansion was measured, and its buffer times that expansion must fit the limit.
 */
export function syncPayloadProblems(template: CfnTemplate): string[] {
  const problems: string[] = [];
  for (const [streamId, stream] of resourcesOf(template, 'AWS::KinesisFirehose::DeliveryStream')) {
    const destinations = Object.values(stream.Properties ?? {}).filter((v: any) => v?.ProcessingConfiguration);
    for (const destination of destinations as any[]) {
      for (const processor of destination.ProcessingConfiguration.Processors ?? []) {
        if (processor.Type !== 'Lambda') continue;
        const parameter = (name: string) => processor.Parameters.find((p: any) => p.ParameterName === name)?.ParameterValue;
        const [functionId] = referencedIds(parameter('LambdaArn'));
        const path = String((template.Resources?.[functionId] as any)?.Metadata?.['aws:cdk:path'] ?? functionId);
        const measured = Object.entries(MEASURED_TRANSFORM_EXPANSION).find(([suffix]) => path.endsWith(suffix))?.[1];
        if (measured === undefined) {
          problems.push(`${streamId}: transform ${path} has no measured worst-case expansion`);
          continue;
        }
        const bufferBytes = Number(parameter('BufferSizeInMBs') ?? 1) * 1024 ** 2; // Firehose's default hint is 1 MB
        if (bufferBytes * measured > SYNC_RESPONSE_LIMIT_BYTES) {
          problems.push(`${streamId}: a full ${bufferBytes / 1024 ** 2} MiB buffer returns up to ${((bufferBytes * measured) / 1e6).toFixed(1)} MB from ${path}, over Lambda's 6 MB`);
        }
      }
    }
  }
  return problems;
}

/**
 * Answering CloudFormation for a custom resource: a PUT of the outcome to the presigned URL in the
 * event. Without an answer the stack waits an hour, so a handler answers whatever happened.
 */
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';

export interface CfnOutcome {
  readonly status: 'SUCCESS' | 'FAILED';
  /** Shown in the stack's events: why it failed, or what was done. */
  readonly reason: string;
  readonly physicalResourceId: string;
  readonly data?: Record<string, string | number>;
}

export async function sendCfnResponse(event: CloudFormationCustomResourceEvent, outcome: CfnOutcome): Promise<void> {
  const body = JSON.stringify({
    Status: outcome.status,
    // CloudFormation keeps at most 4 KB of the whole response; the reason is what gets cut.
    Reason: outcome.reason.slice(0, 1000),
    PhysicalResourceId: outcome.physicalResourceId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
    Data: outcome.data,
  });
  // The URL is presigned for a PUT with no content type.
  const response = await fetch(event.ResponseURL, { method: 'PUT', body, headers: { 'content-type': '' }, signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`CloudFormation response was refused: HTTP ${response.status}`);
}

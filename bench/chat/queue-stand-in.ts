/**
 * A local stand-in for the fan-out queue and the Lambda event source mapping that drains it: the
 * SQS JSON protocol's SendMessageBatch on loopback (with the MD5 the SDK checks), and a poller that
 * hands up to `batchSize` visible messages to the worker, at most `maxConcurrency` batches at once,
 * as the deployed mapping does (batch size 10, maximum concurrency 20).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';

interface QueuedMessage {
  readonly id: string;
  readonly body: string;
  visibleAt: number;
}

export interface QueueStandIn {
  readonly endpoint: string;
  /** Starts handing messages to `invoke`; resolves `drained` when the queue stays empty with nothing in flight. */
  drainInto(invoke: (event: SQSEvent) => Promise<SQSBatchResponse>, options: { batchSize: number; maxConcurrency: number; pollLatencyMs: number }): { drained: Promise<{ invocations: number; peakConcurrency: number }> };
  close(): Promise<void>;
}

export async function startQueue(latencyMs: number): Promise<QueueStandIn> {
  const messages: QueuedMessage[] = [];
  let wake: (() => void) | undefined;

  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      const input = JSON.parse(text || '{}') as { Entries?: Array<{ Id: string; MessageBody: string; DelaySeconds?: number }> };
      setTimeout(() => {
        if (target !== 'AmazonSQS.SendMessageBatch') {
          res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify({ __type: 'com.amazonaws.sqs#InvalidAction', message: target }));
          return;
        }
        const successful = (input.Entries ?? []).map((entry) => {
          const id = randomUUID();
          messages.push({ id, body: entry.MessageBody, visibleAt: performance.now() + (entry.DelaySeconds ?? 0) * 1000 });
          return { Id: entry.Id, MessageId: id, MD5OfMessageBody: createHash('md5').update(entry.MessageBody).digest('hex') };
        });
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify({ Successful: successful, Failed: [] }));
        wake?.();
      }, latencyMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    drainInto: (invoke, { batchSize, maxConcurrency, pollLatencyMs }) => {
      let active = 0;
      let invocations = 0;
      let peakConcurrency = 0;
      const drained = (async () => {
        for (;;) {
          const now = performance.now();
          const visible = messages.filter((m) => m.visibleAt <= now);
          if (visible.length > 0 && active < maxConcurrency) {
            const batch = visible.slice(0, batchSize);
            for (const m of batch) messages.splice(messages.indexOf(m), 1);
            active += 1;
            invocations += 1;
            peakConcurrency = Math.max(peakConcurrency, active);
            void (async () => {
              await new Promise((resolve) => setTimeout(resolve, pollLatencyMs));
              const result = await invoke({ Records: batch.map((m) => ({ messageId: m.id, body: m.body }) as SQSEvent['Records'][number]) });
              // A failed message comes back after a (shortened) visibility timeout.
              const failed = new Set(result.batchItemFailures.map((f) => f.itemIdentifier));
              for (const m of batch.filter((b) => failed.has(b.id))) messages.push({ ...m, visibleAt: performance.now() + 1000 });
              active -= 1;
              wake?.();
            })();
            continue;
          }
          if (messages.length === 0 && active === 0) return { invocations, peakConcurrency };
          const nextVisible = messages.length > 0 ? Math.max(0, Math.min(...messages.map((m) => m.visibleAt)) - now) : 1000;
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, active < maxConcurrency ? nextVisible : 1000);
          });
          wake = undefined;
        }
      })();
      return { drained };
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

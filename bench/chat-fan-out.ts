#!/usr/bin/env node
/**
 * How long one chat message takes to reach 10,000 viewers, on loopback: the real `sendmessage` and
 * fan-out handlers (lib/runtime/chat) against dynalite for the two tables, a local stand-in for the
 * fan-out queue and its event source mapping (batch size 10, at most 20 concurrent invocations, each
 * with its own clients, as separate Lambda instances have), and a local stand-in for the API Gateway
 * Management API that answers each post after a realistic delay. For comparison, the same 10,000
 * posts from one invocation, as the serverless chat sample (and this project before) did.
 *
 *   npm run bench:chat     CONNECTIONS=10000  LATENCY_MS=30 (mean post latency)  SQS_LATENCY_MS=10
 */
import * as path from 'node:path';
import { BatchWriteItemCommand, CreateTableCommand } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyWebsocketEventV2, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { startLocalDynamoDb } from '../test/support/local-dynamodb';
import { startManagementApi } from './chat/management-api-stand-in';
import { startQueue } from './chat/queue-stand-in';

const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10_000);
const LATENCY_MS = Number(process.env.LATENCY_MS ?? 30);
const SQS_LATENCY_MS = Number(process.env.SQS_LATENCY_MS ?? 10);
/** API Gateway's integration timeout: what the route handler that posted to everyone had to finish within. */
const INTEGRATION_TIMEOUT_S = 29;
const RUNTIME = path.resolve(__dirname, '../lib/runtime');

/** A fresh copy of a handler module, with clients of its own: a new Lambda execution environment. */
function coldStart<T>(module: string): T {
  for (const cached of Object.keys(require.cache)) if (cached.startsWith(RUNTIME)) delete require.cache[cached];
  return require(path.join(RUNTIME, module)) as T;
}

async function main(): Promise<void> {
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench', AWS_REGION: 'us-east-1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
  const db = await startLocalDynamoDb();
  const api = await startManagementApi(LATENCY_MS);
  const queue = await startQueue(SQS_LATENCY_MS);
  const silence = { log: console.log, warn: console.warn, error: console.error };
  try {
    for (const [name, keys] of [['connections', [['connectionId', 'HASH']]], ['messages', [['room', 'HASH'], ['position', 'RANGE']]]] as const) {
      await db.client.send(
        new CreateTableCommand({
          TableName: name,
          KeySchema: keys.map(([AttributeName, KeyType]) => ({ AttributeName, KeyType })),
          AttributeDefinitions: keys.map(([AttributeName]) => ({ AttributeName, AttributeType: 'S' })),
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
    }
    const ids = Array.from({ length: CONNECTIONS }, (_, i) => `conn-${String(i).padStart(6, '0')}=`);
    for (let i = 0; i < ids.length; i += 25) {
      const rows = ids.slice(i, i + 25).map((id) => ({ PutRequest: { Item: { connectionId: { S: id }, connectedAt: { S: new Date().toISOString() }, ttl: { N: '2000000000' } } } }));
      await db.client.send(new BatchWriteItemCommand({ RequestItems: { connections: rows } }));
    }
    Object.assign(process.env, {
      TABLE_NAME: 'connections',
      MESSAGES_TABLE_NAME: 'messages',
      DYNAMODB_ENDPOINT: db.endpoint,
      FAN_OUT_QUEUE_URL: `${queue.endpoint}/000000000000/fan-out`,
      SQS_ENDPOINT: queue.endpoint,
      CALLBACK_URL: api.callbackUrl,
    });
    // The handlers log a JSON line per job; the figures are what this prints.
    console.log = console.warn = console.error = () => undefined;

    // Before: one invocation posts to every connection, 25 at a time.
    const sample = coldStart<typeof import('../lib/runtime/chat/broadcast')>('chat/broadcast');
    const management = coldStart<typeof import('../lib/runtime/chat/management-api')>('chat/management-api');
    const oneStart = performance.now();
    const one = await sample.broadcast(management.managementClient(api.callbackUrl), ids, '{"type":"message"}');
    const oneSeconds = (performance.now() - oneStart) / 1000;
    api.reset();

    // After: sendmessage queues, the fan-out worker splits and delivers in bounded batches.
    const send = coldStart<typeof import('../lib/runtime/chat/send-message')>('chat/send-message').handler;
    const idle: Array<(event: SQSEvent) => Promise<SQSBatchResponse>> = [];
    let instances = 0;
    const invoke = async (event: SQSEvent) => {
      const worker = idle.pop() ?? (instances++, coldStart<typeof import('../lib/runtime/chat/fan-out')>('chat/fan-out').handler);
      try {
        return await worker(event);
      } finally {
        idle.push(worker);
      }
    };
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    const reachedAll = api.reached(CONNECTIONS);
    const answer = await send(sendEvent());
    const sendMs = performance.now() - start;
    if (answer.statusCode !== 200) throw new Error(`sendmessage answered ${answer.statusCode}`);
    const { drained } = queue.drainInto(invoke, { batchSize: 10, maxConcurrency: 20, pollLatencyMs: SQS_LATENCY_MS });
    const everyoneAt = await reachedAll;
    const { invocations, peakConcurrency } = await drained;
    const seconds = (everyoneAt - start) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const counts = api.counts();

    Object.assign(console, silence);
    const row = (label: string, value: string) => console.log(`${label.padEnd(58)} ${value}`);
    console.log(`Chat fan-out to ${CONNECTIONS.toLocaleString('en')} connections on loopback; Management API stand-in answers in ${LATENCY_MS} ms on average (±50%)`);
    row('one invocation posting to all, 25 in flight (before)', `${oneSeconds.toFixed(2)} s (${one.delivered} delivered; the integration times out at ${INTEGRATION_TIMEOUT_S} s)`);
    row('sendmessage: store, queue, answer', `${sendMs.toFixed(0)} ms`);
    row('queued fan-out: message sent -> last connection reached', `${seconds.toFixed(2)} s (${Math.round(CONNECTIONS / seconds).toLocaleString('en')} posts/s)`);
    row('  connections reached, posts made', `${counts.connections.toLocaleString('en')}, ${counts.posts.toLocaleString('en')}`);
    row('  fan-out invocations, peak concurrent, instances', `${invocations}, ${peakConcurrency}, ${instances}`);
    row('  peak posts in flight at the Management API', `${counts.peakInFlight}`);
    // All instances share this one process here; on Lambda each has a CPU of its own.
    row('  CPU of this process (every instance, both stand-ins)', `${cpuSeconds.toFixed(2)} s in ${seconds.toFixed(2)} s`);
    if (counts.connections !== CONNECTIONS || counts.posts !== CONNECTIONS) process.exitCode = 1;
  } finally {
    Object.assign(console, silence);
    await Promise.all([api.close(), queue.close(), db.stop()]);
  }
}

function sendEvent(): APIGatewayProxyWebsocketEventV2 {
  const now = Date.now();
  return {
    requestContext: {
      routeKey: 'sendmessage', messageId: 'bench', eventType: 'MESSAGE', extendedRequestId: 'bench', requestTime: new Date(now).toUTCString(),
      messageDirection: 'IN', stage: 'live', connectedAt: now, requestTimeEpoch: now, requestId: 'bench', domainName: 'localhost',
      connectionId: 'conn-000000=', apiId: 'bench',
    },
    body: JSON.stringify({ action: 'sendmessage', data: 'The stream is back in two minutes' }),
    isBase64Encoded: false,
  };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

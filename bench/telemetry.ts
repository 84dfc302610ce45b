#!/usr/bin/env node
/**
 * The IoT data path at the talk's volume (100 million events a day: about 1,160 a second), measured on
 * this machine, on loopback, against the real local servers the tests use: PostgreSQL (a throwaway
 * server), dynalite for DynamoDB, s3rver for S3. Prints:
 *
 * - collector ingest, records/s: POST /telemetry in batches of 100 records (3 metrics each, so 300
 *   rows a request), CONCURRENCY requests in flight, with STORE postgres, dynamodb and the stage-4 pair;
 * - the archive export, rows/s moved from day partitions of `readings` to Parquet objects in S3;
 * - the archive objects a day of events produces: the export's (a million rows an object) and the
 *   stage-5 Firehose stream's, from its real buffering configuration and the real transform's output.
 *
 *   npm run bench:telemetry        (REQUESTS=2000 per store, CONCURRENCY=8, EXPORT_ROWS=600000)
 *
 * Every loop is bounded by count; the servers are started and stopped by the script.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FirehoseTransformationEvent } from 'aws-lambda';
import dynalite from 'dynalite';
import { Client } from 'pg';
import S3rver from 's3rver';
import { ARCHIVE_BUFFERING, archiveObjectsPerDay } from '../lib/constructs/archive-delivery';
import { silentLogger } from '../lib/runtime/shared/json-logger';
import { REALTIME_KEYS } from '../lib/runtime/telemetry/realtime-item';
import { CREATE_PARTITIONED_READINGS_SQL, ensureDayPartitions } from '../lib/runtime/telemetry/readings-partitions';
import { DynamoDbStore } from '../lib/runtime/telemetry-collector/dynamodb-store';
import { FanOutStore } from '../lib/runtime/telemetry-collector/fan-out-store';
import { openPostgresPool } from '../lib/runtime/telemetry-collector/postgres-pool';
import { PostgresStore } from '../lib/runtime/telemetry-collector/postgres-store';
import { createServer } from '../lib/runtime/telemetry-collector/server';
import type { TelemetryStore } from '../lib/runtime/telemetry-collector/telemetry-store';
import { handler as archiveTransform } from '../lib/runtime/telemetry-lambda/archive-transform';
import { DEFAULT_ROWS_PER_OBJECT } from '../lib/runtime/telemetry-jobs/export-config';
import { runExport } from '../lib/runtime/telemetry-jobs/export-archive-job';
import { startPostgres } from '../test/support/postgres-server';

process.env.AWS_ACCESS_KEY_ID ??= 'bench';
process.env.AWS_SECRET_ACCESS_KEY ??= 'bench';
process.env.AWS_REGION ??= 'us-east-1';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const REQUESTS = Number(process.env.REQUESTS ?? 2_000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);
const EXPORT_ROWS = Number(process.env.EXPORT_ROWS ?? 600_000);
const RECORDS_PER_BATCH = 100;
const EVENTS_PER_SECOND = 100_000_000 / 86_400;
/** The talk's 8 TB a day over 100 million events. */
const TALK_BYTES_PER_EVENT = 8e12 / 100_000_000;
const METRICS = { temperature: 21.5, pressure: 1013.25, battery: 87 };

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** One request body: 100 records of distinct devices at distinct moments, so every row is new. */
function batch(request: number, now: number): string {
  const records = Array.from({ length: RECORDS_PER_BATCH }, (_, i) => ({
    deviceId: `bench-${i}`,
    timestamp: now - (request * RECORDS_PER_BATCH + i) * 10,
    readings: METRICS,
  }));
  return JSON.stringify(records);
}

async function ingest(label: string, store: TelemetryStore): Promise<void> {
  await store.ensureSchema?.();
  const app = createServer({ store, storeKind: 'postgres', logger: silentLogger });
  const { port } = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/telemetry`;
  const now = Date.now() - 60_000;
  const bodies = Array.from({ length: REQUESTS }, (_, i) => batch(i, now));
  let next = 0;
  let rejected = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const receipt = (await response.json()) as { accepted?: number };
      if (response.status !== 200 || receipt.accepted !== RECORDS_PER_BATCH) rejected += 1;
    }
  };
  // A short warm-up (connections, JIT) outside the measurement.
  for (let i = 0; i < 20; i++) await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: batch(REQUESTS + i, now - 86_400_000) });
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - start) / 1000;
  await app.close();
  const records = REQUESTS * RECORDS_PER_BATCH;
  console.log(
    `collector ingest, ${label.padEnd(24)} ${fmt(records / seconds).padStart(8)} records/s  (${fmt(records * 3 / seconds).padStart(8)} rows/s; ${fmt(records)} records in ${fmt(seconds, 1)} s, ${rejected} requests not fully accepted)`,
  );
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-telemetry-'));
  const postgres = await startPostgres();
  const dynamo = dynalite({ createTableMs: 0 });
  await new Promise<void>((resolve) => dynamo.listen(0, '127.0.0.1', resolve));
  const dynamoEndpoint = `http://127.0.0.1:${(dynamo.address() as { port: number }).port}`;
  const s3server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: path.join(dir, 's3') });
  const { port: s3port } = await s3server.run();
  const s3 = new S3Client({ region: 'us-east-1', endpoint: `http://127.0.0.1:${s3port}`, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  const raw = new DynamoDBClient({ endpoint: dynamoEndpoint, region: 'us-east-1' });
  try {
    console.log(`IoT data path on ${os.cpus().length} cores, loopback; batches of ${RECORDS_PER_BATCH} records x 3 metrics, ${CONCURRENCY} requests in flight\n`);
    const admin = new Client({ connectionString: postgres.url });
    await admin.connect();
    for (const name of ['ingest_pg', 'ingest_pair', 'export']) await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = (name: string) => postgres.url.replace(/\/[^/]*$/, `/${name}`);
    const noCredentials = () => Promise.reject(new Error('the URL carries the credentials'));

    const { pool } = await openPostgresPool({ kind: 'url', url: url('ingest_pg') }, noCredentials, silentLogger);
    await ingest('STORE=postgres', new PostgresStore(pool));
    await pool.end();

    for (const table of ['realtime', 'realtime_pair']) {
      await raw.send(
        new CreateTableCommand({
          TableName: table,
          KeySchema: [{ AttributeName: REALTIME_KEYS.partition, KeyType: 'HASH' }, { AttributeName: REALTIME_KEYS.sort, KeyType: 'RANGE' }],
          AttributeDefinitions: [{ AttributeName: REALTIME_KEYS.partition, AttributeType: 'S' }, { AttributeName: REALTIME_KEYS.sort, AttributeType: 'N' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
    }
    const documents = DynamoDBDocumentClient.from(raw);
    await ingest('DynamoDB (dynalite)', new DynamoDbStore({ client: documents, tableName: 'realtime', hotWindowDays: 7 }));
    const { pool: pairPool } = await openPostgresPool({ kind: 'url', url: url('ingest_pair') }, noCredentials, silentLogger);
    await ingest('STORE=dynamodb+postgres', new FanOutStore(new DynamoDbStore({ client: documents, tableName: 'realtime_pair', hotWindowDays: 7 }), new PostgresStore(pairPool)));
    await pairPool.end();

    // The export: EXPORT_ROWS rows over two past days, moved by the real job to s3rver.
    const db = new Client({ connectionString: url('export') });
    await db.connect();
    await db.query(CREATE_PARTITIONED_READINGS_SQL);
    await ensureDayPartitions(db, ['2026-01-01', '2026-01-02']);
    const start = Date.UTC(2026, 0, 1);
    for (let first = 0; first < EXPORT_ROWS; first += 50_000) {
      const n = Math.min(50_000, EXPORT_ROWS - first);
      await db.query(
        `INSERT INTO readings SELECT 'device-' || (i % 5000), to_timestamp($2::float8 / 1000 + (i / 5000) * 86400.0 * 2 / ($3::float8 / 5000)), 'temperature', random() * 100
           FROM generate_series($1::int, $1::int + $4::int - 1) i`,
        [first, start, EXPORT_ROWS, n],
      );
    }
    await s3.send(new CreateBucketCommand({ Bucket: 'archive' }));
    const exportStart = performance.now();
    const summary = await runExport({ db, s3, bucket: 'archive', cutoff: new Date(Date.UTC(2026, 0, 10)), rowsPerObject: 250_000, log: { info: () => undefined, error: () => undefined }, lockWaitMs: 0 });
    const exportSeconds = (performance.now() - exportStart) / 1000;
    await db.end();
    console.log(
      `\narchive export (stage 3-4)   ${fmt(summary.exported / exportSeconds).padStart(8)} rows/s  (${fmt(summary.exported)} rows, ${summary.days} days, ${summary.objects} Parquet objects of 250,000 rows, in ${fmt(exportSeconds, 1)} s)`,
    );

    // Archive objects a day, from the real configuration.
    const rowsPerDay = 100_000_000 * Object.keys(METRICS).length;
    console.log(`\narchive objects for one day of 100 million events (1,160/s), ${Object.keys(METRICS).length} metrics each:`);
    console.log(`  export job (stages 3-4): ${fmt(Math.ceil(rowsPerDay / DEFAULT_ROWS_PER_OBJECT))} objects of ${fmt(DEFAULT_ROWS_PER_OBJECT)} rows (ROWS_PER_OBJECT default)`);
    const sample: FirehoseTransformationEvent = {
      invocationId: 'bench',
      deliveryStreamArn: 'arn:aws:firehose:us-east-1:111111111111:deliverystream/bench',
      region: 'us-east-1',
      records: [{ recordId: '1', approximateArrivalTimestamp: Date.now(), data: Buffer.from(JSON.stringify({ timestamp: Date.now() - 1000, readings: METRICS, topicDeviceId: 'pump-000123', receivedAt: Date.now() })).toString('base64') }],
    };
    const [out] = (await archiveTransform(sample)).records;
    const transformedBytes = Buffer.from(out.data ?? '', 'base64').length;
    const buffer = `${ARCHIVE_BUFFERING.size.toMebibytes()} MiB or ${ARCHIVE_BUFFERING.interval.toSeconds()} s`;
    for (const [label, bytes] of [
      [`this project's events (${transformedBytes} bytes of rows after the transform)`, transformedBytes],
      [`the talk's 8 TB a day (${fmt(TALK_BYTES_PER_EVENT)} bytes an event)`, TALK_BYTES_PER_EVENT],
    ] as const) {
      const perDay = archiveObjectsPerDay(EVENTS_PER_SECOND, bytes);
      console.log(
        `  Firehose (stage 5), ${label}: ${fmt(perDay.objects)} objects, one every ${fmt(perDay.secondsPerObject, 1)} s of ~${fmt(perDay.bytesPerObject / 2 ** 20, 1)} MiB of rows (buffer ${buffer}); ${fmt((EVENTS_PER_SECOND * bytes) / 2 ** 20, 2)} MiB/s into the stream`,
      );
    }
    console.log(`  before (stream archiver, one object per stream batch of up to 1,000 records): about ${fmt(Math.ceil(100_000_000 / 1000))} objects`);
  } finally {
    raw.destroy();
    s3.destroy();
    await s3server.close();
    await new Promise((resolve) => dynamo.close(resolve));
    postgres.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

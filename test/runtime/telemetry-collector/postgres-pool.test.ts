import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DatabaseCredentials } from '../../../lib/runtime/shared/database-secret';
import { silentLogger } from '../../../lib/runtime/shared/json-logger';
import { openPostgresPool } from '../../../lib/runtime/telemetry-collector/postgres-pool';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB (the RDS bundle)\n-----END CERTIFICATE-----\n';
const CREDENTIALS: DatabaseCredentials = { host: 'db.cluster-abc.us-east-1.rds.amazonaws.com', port: 5432, username: 'collector', password: 'first' };

describe('openPostgresPool', () => {
  let caFile: string;
  beforeAll(() => {
    caFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ca-')), 'global-bundle.pem');
    fs.writeFileSync(caFile, CA);
  });
  afterAll(() => fs.rmSync(path.dirname(caFile), { recursive: true, force: true }));

  test('from a secret: TLS with the RDS CA bundle and certificate verification, database from the secret', async () => {
    const { pool } = await openPostgresPool(
      { kind: 'secret', secretArn: 'arn', caFile, databaseName: undefined },
      async () => ({ ...CREDENTIALS, dbname: 'fleet' }),
      silentLogger,
    );
    expect(pool.options).toMatchObject({ host: CREDENTIALS.host, port: 5432, user: 'collector', database: 'fleet', ssl: { ca: CA, rejectUnauthorized: true } });
    await pool.end();
  });

  test('DATABASE_NAME wins over the secret; without either the database is "telemetry"', async () => {
    const named = await openPostgresPool({ kind: 'secret', secretArn: 'arn', caFile, databaseName: 'other' }, async () => ({ ...CREDENTIALS, dbname: 'fleet' }), silentLogger);
    const unnamed = await openPostgresPool({ kind: 'secret', secretArn: 'arn', caFile, databaseName: undefined }, async () => CREDENTIALS, silentLogger);
    expect([named.pool.options.database, unnamed.pool.options.database]).toEqual(['other', 'telemetry']);
    await Promise.all([named.pool.end(), unnamed.pool.end()]);
  });

  test('each new connection gets the cached password; after a rejection the secret is read again', async () => {
    const passwords = ['first', 'rotated'];
    let reads = 0;
    const { pool, forgetCredentials } = await openPostgresPool(
      { kind: 'secret', secretArn: 'arn', caFile, databaseName: undefined },
      async () => ({ ...CREDENTIALS, password: passwords[reads++] }),
      silentLogger,
    );
    const password = pool.options.password as () => Promise<string>;
    expect([await password(), await password(), reads]).toEqual(['first', 'first', 1]);
    forgetCredentials();
    expect([await password(), reads]).toEqual(['rotated', 2]);
    await pool.end();
  });

  test('a failed secret read is retried by the next connection, not cached', async () => {
    let reads = 0;
    const { pool, forgetCredentials } = await openPostgresPool(
      { kind: 'secret', secretArn: 'arn', caFile, databaseName: undefined },
      async () => {
        reads++;
        if (reads === 2) throw new Error('Secrets Manager unreachable');
        return { ...CREDENTIALS, password: `read ${reads}` };
      },
      silentLogger,
    );
    const password = pool.options.password as () => Promise<string>;
    forgetCredentials();
    await expect(password()).rejects.toThrow('Secrets Manager unreachable');
    expect([await password(), reads]).toEqual(['read 3', 3]);
    await pool.end();
  });

  test('from DATABASE_URL: the URL as given, no TLS settings added', async () => {
    const { pool } = await openPostgresPool({ kind: 'url', url: 'postgres://app@127.0.0.1:5432/telemetry' }, () => Promise.reject(new Error('unused')), silentLogger);
    expect(pool.options).toMatchObject({ connectionString: 'postgres://app@127.0.0.1:5432/telemetry' });
    expect(pool.options.ssl).toBeUndefined();
    await pool.end();
  });
});

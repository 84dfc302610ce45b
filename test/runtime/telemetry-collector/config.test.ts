import { ConfigError, DEFAULT_DB_CA_FILE, loadConfig } from '../../../lib/runtime/telemetry-collector/config';

const SECRET = 'arn:aws:secretsmanager:us-east-1:111111111111:secret:telemetry-db-abc';

describe('loadConfig', () => {
  test('nothing set: the in-memory store on 127.0.0.1:8080', () => {
    expect(loadConfig({})).toEqual({ port: 8080, host: '127.0.0.1', store: { kind: 'memory' }, region: undefined });
  });

  test('stage 1: oracle from the secret, listening on every interface', () => {
    expect(loadConfig({ STORE: 'oracle', DATABASE_SECRET_ARN: SECRET, DATABASE_NAME: 'TELEMDB', AWS_REGION: 'eu-west-1' })).toEqual({
      port: 8080,
      host: '0.0.0.0',
      store: { kind: 'oracle', database: { kind: 'secret', secretArn: SECRET, caFile: DEFAULT_DB_CA_FILE, databaseName: 'TELEMDB' } },
      region: 'eu-west-1',
    });
  });

  test('stages 2-3: postgres from the secret, with a CA file of its own', () => {
    expect(loadConfig({ STORE: 'postgres', DATABASE_SECRET_ARN: SECRET, DB_CA_FILE: '/etc/rds.pem', AWS_REGION: 'eu-west-1', PORT: '9000' })).toMatchObject({
      port: 9000,
      store: { kind: 'postgres', database: { kind: 'secret', secretArn: SECRET, caFile: '/etc/rds.pem', databaseName: undefined } },
    });
  });

  test('postgres from DATABASE_URL needs no region', () => {
    expect(loadConfig({ STORE: 'postgres', DATABASE_URL: 'postgres://app@127.0.0.1:5432/telemetry' }).store).toEqual({
      kind: 'postgres',
      database: { kind: 'url', url: 'postgres://app@127.0.0.1:5432/telemetry' },
    });
  });

  test('stage 4: DynamoDB plus PostgreSQL, the hot window defaulting to 7 days', () => {
    const env = { STORE: 'dynamodb+postgres', DATABASE_SECRET_ARN: SECRET, TABLE_NAME: 'realtime', AWS_REGION: 'eu-west-1' };
    expect(loadConfig(env).store).toMatchObject({ kind: 'dynamodb+postgres', tableName: 'realtime', hotWindowDays: 7 });
    expect(loadConfig({ ...env, HOT_WINDOW_DAYS: '3' }).store).toMatchObject({ hotWindowDays: 3 });
  });

  test('empty values count as unset', () => {
    expect(loadConfig({ STORE: '', PORT: ' ', HOST: '' })).toEqual(loadConfig({}));
  });

  test.each([
    [{ STORE: 'mysql' }, 'STORE must be one of memory, oracle, postgres, dynamodb+postgres (got "mysql")'],
    [{ PORT: '0' }, 'PORT must be an integer from 1 to 65535 (got "0")'],
    [{ PORT: '80a' }, 'PORT must be an integer from 1 to 65535 (got "80a")'],
    [{ STORE: 'postgres' }, 'DATABASE_SECRET_ARN (or, for PostgreSQL, DATABASE_URL) must be set when STORE is postgres'],
    [{ STORE: 'postgres', DATABASE_SECRET_ARN: SECRET }, 'AWS_REGION must be set when STORE is postgres'],
    [{ STORE: 'postgres', DATABASE_SECRET_ARN: SECRET, DATABASE_URL: 'postgres://x', AWS_REGION: 'r' }, 'set either DATABASE_SECRET_ARN or DATABASE_URL, not both'],
    [{ STORE: 'postgres', DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a postgres:// or postgresql:// URL'],
    [{ STORE: 'oracle', DATABASE_URL: 'postgres://x' }, 'DATABASE_URL is for PostgreSQL only; STORE=oracle needs DATABASE_SECRET_ARN'],
    [{ STORE: 'dynamodb+postgres', DATABASE_URL: 'postgres://x', AWS_REGION: 'r' }, 'TABLE_NAME (the DynamoDB real-time table) must be set when STORE is dynamodb+postgres'],
    [{ STORE: 'dynamodb+postgres', DATABASE_URL: 'postgres://x', TABLE_NAME: 't' }, 'AWS_REGION must be set when STORE is dynamodb+postgres'],
    [{ STORE: 'dynamodb+postgres', DATABASE_URL: 'postgres://x', TABLE_NAME: 't', AWS_REGION: 'r', HOT_WINDOW_DAYS: '0' }, 'HOT_WINDOW_DAYS must be an integer from 1 to 365 (got "0")'],
  ])('%j fails with one line naming what is valid', (env, message) => {
    let thrown: unknown;
    try {
      loadConfig(env);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as Error).message).toBe(message);
    expect(message).not.toContain('\n');
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { databaseClientConfig } from '../../../lib/runtime/telemetry-jobs/database-connection';

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:aurora-abc';
const secretsManager = mockClient(SecretsManagerClient);
let caFile: string;

beforeAll(() => {
  caFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rds-ca-')), 'global-bundle.pem');
  fs.writeFileSync(caFile, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
});
afterAll(() => fs.rmSync(path.dirname(caFile), { recursive: true, force: true }));
afterEach(() => secretsManager.reset());

function secret(fields: Record<string, unknown>): void {
  secretsManager.on(GetSecretValueCommand, { SecretId: SECRET_ARN }).resolves({ SecretString: JSON.stringify(fields) });
}

describe('databaseClientConfig', () => {
  test('Aurora from the secret CDK generates: TLS verified against the CA bundle', async () => {
    secret({ engine: 'postgres', host: 'telemetry.cluster-abc.eu-west-1.rds.amazonaws.com', port: 5432, username: 'collector', password: 'p@ss', dbname: 'telemetry' });

    await expect(databaseClientConfig({ kind: 'secret', secretArn: SECRET_ARN, caFile }, 'export-archive', new SecretsManagerClient({}))).resolves.toEqual({
      host: 'telemetry.cluster-abc.eu-west-1.rds.amazonaws.com',
      port: 5432,
      user: 'collector',
      password: 'p@ss',
      database: 'telemetry',
      ssl: { ca: fs.readFileSync(caFile, 'utf8'), rejectUnauthorized: true },
      application_name: 'export-archive',
    });
  });

  test('a secret without dbname and with the port as a string', async () => {
    secret({ host: 'h', port: '5432', username: 'u', password: 'p' });
    await expect(databaseClientConfig({ kind: 'secret', secretArn: SECRET_ARN, caFile }, 'x', new SecretsManagerClient({}))).resolves.toMatchObject({
      port: 5432,
      database: 'postgres',
    });
  });

  test.each([
    ['no password', { host: 'h', port: 5432, username: 'u' }, '"username", "password" and "host"'],
    ['a bad port', { host: 'h', port: 'x', username: 'u', password: 'hunter2' }, '"port" as an integer'],
  ])('refuses a secret with %s, without echoing it', async (_case, fields, message) => {
    secret(fields);
    const failure = databaseClientConfig({ kind: 'secret', secretArn: SECRET_ARN, caFile }, 'x', new SecretsManagerClient({}));
    await expect(failure).rejects.toThrow(message);
    await expect(failure).rejects.not.toThrow('hunter2');
  });

  test('fails on a missing CA bundle before asking for the secret', async () => {
    await expect(
      databaseClientConfig({ kind: 'secret', secretArn: SECRET_ARN, caFile: '/nonexistent/ca.pem' }, 'x', new SecretsManagerClient({})),
    ).rejects.toThrow('DB_CA_FILE /nonexistent/ca.pem cannot be read (ENOENT)');
    expect(secretsManager.calls()).toHaveLength(0);
  });

  test('a connection string is used as it is', async () => {
    await expect(databaseClientConfig({ kind: 'url', url: 'postgres://app@127.0.0.1/t' }, 'x', new SecretsManagerClient({}))).resolves.toEqual({
      connectionString: 'postgres://app@127.0.0.1/t',
      application_name: 'x',
    });
  });
});

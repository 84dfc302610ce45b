import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { readDatabaseCredentials } from '../../../lib/runtime/shared/database-secret';

const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:111111111111:secret:telemetry-db-abc';
const secretsManager = mockClient(SecretsManagerClient);

afterEach(() => secretsManager.reset());

describe('readDatabaseCredentials', () => {
  test('reads the secret CDK generates for an Aurora cluster, with its dbname', async () => {
    secretsManager.on(GetSecretValueCommand, { SecretId: SECRET_ARN }).resolves({
      SecretString: JSON.stringify({
        dbClusterIdentifier: 'telemetry',
        engine: 'postgres',
        host: 'telemetry.cluster-abc.us-east-1.rds.amazonaws.com',
        port: 5432,
        username: 'collector',
        password: 'p@ss:w/rd?',
        dbname: 'telemetry',
      }),
    });
    await expect(readDatabaseCredentials(SECRET_ARN, new SecretsManagerClient({}))).resolves.toEqual({
      host: 'telemetry.cluster-abc.us-east-1.rds.amazonaws.com',
      port: 5432,
      username: 'collector',
      password: 'p@ss:w/rd?',
      dbname: 'telemetry',
    });
  });

  test('an RDS for Oracle secret has no dbname; a string port is accepted', async () => {
    secretsManager.on(GetSecretValueCommand).resolves({
      SecretString: JSON.stringify({ engine: 'oracle-se2', host: 'h', port: '1521', username: 'u', password: 'p' }),
    });
    await expect(readDatabaseCredentials(SECRET_ARN, new SecretsManagerClient({}))).resolves.toEqual({ host: 'h', port: 1521, username: 'u', password: 'p' });
  });

  test.each([
    ['no SecretString', undefined, 'has no SecretString'],
    ['not JSON', 'not json', 'is not JSON'],
    ['no password', JSON.stringify({ host: 'h', port: 5432, username: 'u' }), '"username", "password" and "host"'],
    ['bad port', JSON.stringify({ host: 'h', port: 'x', username: 'u', password: 'secret-value' }), '"port" as an integer'],
  ])('rejects a secret with %s, without echoing its value', async (_case, SecretString, message) => {
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString });
    const failure = readDatabaseCredentials(SECRET_ARN, new SecretsManagerClient({}));
    await expect(failure).rejects.toThrow(message);
    await expect(failure).rejects.not.toThrow('secret-value');
  });
});

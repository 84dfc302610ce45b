import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { docDbConnectionUri, loadDocDbCredentials } from '../../../lib/runtime/video-app/docdb-secret';

const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:111111111111:secret:docdb-abc';
const secretsManager = mockClient(SecretsManagerClient);

afterEach(() => secretsManager.reset());

describe('loadDocDbCredentials', () => {
  test('reads the secret CDK generates for a DocumentDB cluster', async () => {
    secretsManager.on(GetSecretValueCommand, { SecretId: SECRET_ARN }).resolves({
      SecretString: JSON.stringify({
        dbClusterIdentifier: 'videodb',
        engine: 'mongo',
        host: 'videodb.cluster-abc.us-east-1.docdb.amazonaws.com',
        port: 27017,
        username: 'videoadmin',
        password: 'p@ss:w/rd?',
      }),
    });
    await expect(loadDocDbCredentials(SECRET_ARN, new SecretsManagerClient({}))).resolves.toEqual({
      host: 'videodb.cluster-abc.us-east-1.docdb.amazonaws.com',
      port: 27017,
      username: 'videoadmin',
      password: 'p@ss:w/rd?',
    });
  });

  test('accepts the port as a string', async () => {
    secretsManager.on(GetSecretValueCommand).resolves({
      SecretString: JSON.stringify({ host: 'h', port: '27017', username: 'u', password: 'p' }),
    });
    await expect(loadDocDbCredentials(SECRET_ARN, new SecretsManagerClient({}))).resolves.toMatchObject({ port: 27017 });
  });

  test.each([
    ['not JSON', 'not json', 'is not JSON'],
    ['no password', JSON.stringify({ host: 'h', port: 27017, username: 'u' }), '"username", "password" and "host"'],
    ['bad port', JSON.stringify({ host: 'h', port: 'x', username: 'u', password: 'p' }), '"port" as an integer'],
  ])('rejects a secret with %s, without echoing its value', async (_case, SecretString, message) => {
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString });
    const failure = loadDocDbCredentials(SECRET_ARN, new SecretsManagerClient({}));
    await expect(failure).rejects.toThrow(message);
    await expect(failure).rejects.not.toThrow('"p"');
  });
});

describe('docDbConnectionUri', () => {
  test('percent-encodes the credentials and sets the options DocumentDB needs', () => {
    const uri = docDbConnectionUri({ host: 'db.example.com', port: 27017, username: 'video admin', password: 'p@ss:w/rd?' });
    expect(uri).toBe(
      'mongodb://video%20admin:p%40ss%3Aw%2Frd%3F@db.example.com:27017/' +
        '?tls=true&replicaSet=rs0&readPreference=secondaryPreferred&retryWrites=false',
    );
  });
});

import * as path from 'node:path';
import { DEFAULT_DOCDB_CA_FILE, loadConfig } from '../../../lib/runtime/video-app/config';

describe('loadConfig', () => {
  test('with no settings runs locally: role all, loopback:8080, memory store, ./media', () => {
    expect(loadConfig({})).toEqual({
      role: 'all',
      port: 8080,
      host: '127.0.0.1',
      media: { kind: 'local', dir: path.resolve('media') },
      storage: { kind: 'memory' },
      region: undefined,
      chatHistoryLimit: 50,
      maxMessageBytes: 2048,
      chatPollMs: 1000,
    });
  });

  test('deployed settings: S3 media, DocumentDB, all interfaces', () => {
    const config = loadConfig({
      APP_ROLE: 'video',
      PORT: '80',
      MEDIA_BUCKET: 'media-bucket',
      DOCDB_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:docdb',
      AWS_REGION: 'eu-west-1',
      CHAT_HISTORY_LIMIT: '20',
      MAX_MESSAGE_BYTES: '512',
      CHAT_POLL_MS: '250',
    });
    expect(config).toEqual({
      role: 'video',
      port: 80,
      host: '0.0.0.0',
      media: { kind: 's3', bucket: 'media-bucket' },
      storage: {
        kind: 'documentdb',
        secretArn: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:docdb',
        caFile: DEFAULT_DOCDB_CA_FILE,
        database: 'videoapp',
      },
      region: 'eu-west-1',
      chatHistoryLimit: 20,
      maxMessageBytes: 512,
      chatPollMs: 250,
    });
  });

  test('a chat pool with DocumentDB but no bucket still listens on all interfaces', () => {
    const config = loadConfig({ APP_ROLE: 'chat', DOCDB_SECRET_ARN: 'arn:secret', AWS_REGION: 'us-east-1' });
    expect(config.host).toBe('0.0.0.0');
  });

  test('HOST, MEDIA_DIR and DOCDB_CA_FILE override the defaults', () => {
    const config = loadConfig({
      HOST: '0.0.0.0',
      MEDIA_DIR: '/srv/media',
      DOCDB_SECRET_ARN: 'arn:secret',
      DOCDB_CA_FILE: '/tmp/ca.pem',
      AWS_REGION: 'us-east-1',
    });
    expect(config.host).toBe('0.0.0.0');
    expect(config.media).toEqual({ kind: 'local', dir: '/srv/media' });
    expect(config.storage).toMatchObject({ caFile: '/tmp/ca.pem' });
  });

  test('empty values count as unset', () => {
    expect(loadConfig({ APP_ROLE: '', PORT: ' ', MEDIA_BUCKET: '' })).toMatchObject({ role: 'all', port: 8080, media: { kind: 'local' } });
  });

  test('a bad APP_ROLE names the valid roles', () => {
    expect(() => loadConfig({ APP_ROLE: 'web' })).toThrow('APP_ROLE must be one of all, video, chat (got "web")');
  });

  test.each([
    ['PORT', 'http', 'PORT must be an integer from 1 to 65535 (got "http")'],
    ['PORT', '70000', 'PORT must be an integer from 1 to 65535'],
    ['PORT', '80.5', 'PORT must be an integer from 1 to 65535'],
    ['CHAT_HISTORY_LIMIT', '0', 'CHAT_HISTORY_LIMIT must be an integer from 1 to 1000'],
    ['MAX_MESSAGE_BYTES', '-1', 'MAX_MESSAGE_BYTES must be an integer from 1 to 65536'],
    ['CHAT_POLL_MS', '50', 'CHAT_POLL_MS must be an integer from 100 to 60000'],
    ['CHAT_POLL_MS', '1s', 'CHAT_POLL_MS must be an integer from 100 to 60000 (got "1s")'],
  ])('%s=%s is rejected', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  test('AWS_REGION is required once an AWS service is configured', () => {
    expect(() => loadConfig({ MEDIA_BUCKET: 'media-bucket' })).toThrow('AWS_REGION must be set when MEDIA_BUCKET or DOCDB_SECRET_ARN is set');
  });
});

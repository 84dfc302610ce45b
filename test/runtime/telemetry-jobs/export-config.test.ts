import { exportCutoff, loadExportConfig } from '../../../lib/runtime/telemetry-jobs/export-config';

const MINIMAL = { DATABASE_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:aurora', ARCHIVE_BUCKET: 'archive', AWS_REGION: 'eu-west-1' };

describe('loadExportConfig', () => {
  test('defaults: 90 days, objects of a million rows, Aurora over TLS with the bundled RDS CA', () => {
    expect(loadExportConfig(MINIMAL)).toEqual({
      database: { kind: 'secret', secretArn: MINIMAL.DATABASE_SECRET_ARN, caFile: '/app/global-bundle.pem' },
      archiveBucket: 'archive',
      olderThanDays: 90,
      rowsPerObject: 1_000_000,
      region: 'eu-west-1',
      s3Endpoint: undefined,
    });
  });

  test('reads every setting; DATABASE_URL and S3_ENDPOINT for local runs', () => {
    const { DATABASE_SECRET_ARN: _secret, ...withoutSecret } = MINIMAL;
    expect(
      loadExportConfig({
        ...withoutSecret,
        DATABASE_URL: 'postgres://app@127.0.0.1:5432/telemetry',
        EXPORT_OLDER_THAN_DAYS: '0',
        ROWS_PER_OBJECT: '1000',
        S3_ENDPOINT: 'http://127.0.0.1:4568',
      }),
    ).toMatchObject({
      database: { kind: 'url', url: 'postgres://app@127.0.0.1:5432/telemetry' },
      olderThanDays: 0,
      rowsPerObject: 1000,
      s3Endpoint: 'http://127.0.0.1:4568',
    });
    expect(loadExportConfig({ ...MINIMAL, DB_CA_FILE: '/tmp/ca.pem' }).database).toMatchObject({ caFile: '/tmp/ca.pem' });
  });

  test.each([
    ['no database', { ...MINIMAL, DATABASE_SECRET_ARN: '' }, 'DATABASE_SECRET_ARN (or DATABASE_URL for local runs) must be set'],
    ['two databases', { ...MINIMAL, DATABASE_URL: 'postgres://x' }, 'set DATABASE_SECRET_ARN or DATABASE_URL, not both'],
    ['no bucket', { ...MINIMAL, ARCHIVE_BUCKET: ' ' }, 'ARCHIVE_BUCKET must be set'],
    ['no region', { ...MINIMAL, AWS_REGION: undefined }, 'AWS_REGION must be set'],
    ['a negative age', { ...MINIMAL, EXPORT_OLDER_THAN_DAYS: '-1' }, 'EXPORT_OLDER_THAN_DAYS must be an integer from 0 to 36500 (got "-1")'],
    ['a fractional age', { ...MINIMAL, EXPORT_OLDER_THAN_DAYS: '1.5' }, 'EXPORT_OLDER_THAN_DAYS must be an integer'],
    ['no rows per object', { ...MINIMAL, ROWS_PER_OBJECT: '0' }, 'ROWS_PER_OBJECT must be an integer from 1 to 10000000 (got "0")'],
  ])('refuses %s with a one-line message', (_case, env, message) => {
    expect(() => loadExportConfig(env)).toThrow(message);
  });
});

describe('exportCutoff', () => {
  test('is the given number of days before now, or none at all for 0', () => {
    expect(exportCutoff(new Date('2026-06-01T12:00:00.123Z'), 90)).toEqual(new Date('2026-03-03T12:00:00.123Z'));
    expect(exportCutoff(new Date('2026-06-01T12:00:00Z'), 0)).toBeUndefined();
  });
});

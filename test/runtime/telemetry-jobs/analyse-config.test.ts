import { loadAnalyseConfig } from '../../../lib/runtime/telemetry-jobs/analyse-config';

const MINIMAL = { ARCHIVE_BUCKET: 'archive', JOBS_BUCKET: 'jobs', AWS_REGION: 'eu-west-1' };

test('without JOB_KEY it is the nightly run', () => {
  expect(loadAnalyseConfig(MINIMAL)).toEqual({ archiveBucket: 'archive', jobsBucket: 'jobs', region: 'eu-west-1', s3Endpoint: undefined });
});

test('reads JOB_KEY and S3_ENDPOINT', () => {
  expect(loadAnalyseConfig({ ...MINIMAL, JOB_KEY: 'jobs/q1.json', S3_ENDPOINT: 'http://127.0.0.1:4568' })).toMatchObject({
    jobKey: 'jobs/q1.json',
    s3Endpoint: 'http://127.0.0.1:4568',
  });
});

test.each([
  ['no archive bucket', { ...MINIMAL, ARCHIVE_BUCKET: '' }, 'ARCHIVE_BUCKET must be set'],
  ['no jobs bucket', { ...MINIMAL, JOBS_BUCKET: undefined }, 'JOBS_BUCKET must be set'],
  ['a job outside jobs/', { ...MINIMAL, JOB_KEY: 'results/q1.json' }, 'JOB_KEY must be jobs/<name>.json'],
])('refuses %s', (_case, env, message) => {
  expect(() => loadAnalyseConfig(env)).toThrow(message);
});

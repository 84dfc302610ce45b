import { daysOf, InvalidJobError, jobNameOf, nightlyJob, parseAnalysisJob } from '../../../lib/runtime/telemetry-jobs/analysis-job';

describe('parseAnalysisJob', () => {
  test('a range of days, optionally narrowed to devices and metrics', () => {
    expect(parseAnalysisJob('q1', JSON.stringify({ from: '2026-01-01', to: '2026-03-31' }))).toEqual({ name: 'q1', from: '2026-01-01', to: '2026-03-31' });
    expect(
      parseAnalysisJob('pumps', JSON.stringify({ from: '2026-02-28', to: '2026-02-28', deviceIds: ['pump-1', 'pump-2', 'pump-1'], metrics: ['temperature'] })),
    ).toEqual({ name: 'pumps', from: '2026-02-28', to: '2026-02-28', deviceIds: ['pump-1', 'pump-2'], metrics: ['temperature'] });
  });

  test('at most 366 days', () => {
    expect(parseAnalysisJob('leap', JSON.stringify({ from: '2028-01-01', to: '2028-12-31' })).to).toBe('2028-12-31');
    expect(() => parseAnalysisJob('x', JSON.stringify({ from: '2026-01-01', to: '2027-01-02' }))).toThrow('a job covers at most 366 days (got 367)');
  });

  test.each([
    ['not JSON', '{from:', 'the job file is not valid JSON'],
    ['not an object', '["2026-01-01"]', 'the job file must hold a JSON object'],
    ['a misspelt field', '{"from":"2026-01-01","to":"2026-01-02","device_ids":["a"]}', 'unknown field(s) "device_ids": a job has from, to, deviceIds, metrics'],
    ['no from', '{"to":"2026-01-02"}', '"from" must be a date YYYY-MM-DD (got nothing)'],
    ['a day that does not exist', '{"from":"2026-02-30","to":"2026-03-02"}', '"from" must be a date YYYY-MM-DD (got "2026-02-30")'],
    ['a timestamp for a day', '{"from":"2026-01-01T00:00:00Z","to":"2026-01-02"}', '"from" must be a date'],
    ['from after to', '{"from":"2026-01-03","to":"2026-01-02"}', '"from" (2026-01-03) must not be after "to" (2026-01-02)'],
    ['an empty device list', '{"from":"2026-01-01","to":"2026-01-02","deviceIds":[]}', '"deviceIds" must be a list of 1 to 10000 non-empty strings'],
    ['a metric that is not a string', '{"from":"2026-01-01","to":"2026-01-02","metrics":[1]}', '"metrics" must be a list'],
  ])('refuses %s, saying why', (_case, text, reason) => {
    const parse = () => parseAnalysisJob('x', text);
    expect(parse).toThrow(InvalidJobError);
    expect(parse).toThrow(reason);
  });
});

describe('jobNameOf', () => {
  test('is the job file\'s base name', () => {
    expect(jobNameOf('jobs/weekly-2026-48.json')).toBe('weekly-2026-48');
    expect(jobNameOf('jobs/team-a/q1.json')).toBe('q1');
  });

  test.each(['results/q1.json', 'jobs/', 'jobs/my job.json', '../jobs/q1.json'])('refuses %s', (key) => {
    expect(() => jobNameOf(key)).toThrow(/^JOB_KEY must be jobs\/<name>\.json/);
  });
});

describe('nightlyJob and daysOf', () => {
  test('the nightly job is yesterday in UTC', () => {
    expect(nightlyJob(new Date('2026-03-01T00:30:00Z'))).toEqual({ name: 'nightly-2026-02-28', from: '2026-02-28', to: '2026-02-28' });
  });

  test('lists every day of a range, across months and years', () => {
    expect(daysOf({ from: '2027-12-30', to: '2028-01-02' })).toEqual(['2027-12-30', '2027-12-31', '2028-01-01', '2028-01-02']);
    expect(daysOf({ from: '2028-02-28', to: '2028-03-01' })).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
  });
});

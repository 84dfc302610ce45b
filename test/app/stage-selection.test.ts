import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../lib/app/make-app';
import { selectStage, UnknownStageError } from '../../stages/stage-info';
import { IOT_PLATFORM } from '../../stages/iot/registry';
import { VIDEO_PLATFORM } from '../../stages/video/registry';

describe('selectStage', () => {
  test.each([[1, 1], ['3', 3], [' 5 ', 5]])('accepts %p as stage %i', (value, id) => {
    expect(selectStage(VIDEO_PLATFORM, value).id).toBe(id);
  });

  test.each([0, 6, 'abc', '2.5', '', undefined, null, '1e0', -1])('rejects %p with one line naming the valid stages', (value) => {
    expect(() => selectStage(VIDEO_PLATFORM, value)).toThrow(UnknownStageError);
    try {
      selectStage(VIDEO_PLATFORM, value);
    } catch (error) {
      const message = (error as Error).message;
      expect(message).not.toContain('\n');
      expect(message).toContain('Valid stages: 1 (monolith), 2 (split-pools), 3 (cloudfront), 4 (serverless-chat), 5 (ivs)');
    }
  });
});

describe('registry', () => {
  test.each([VIDEO_PLATFORM, IOT_PLATFORM])('every $stackName stage says why, what it adds and what it retires', (study) => {
    expect(study.stages.map((s) => s.id)).toEqual([1, 2, 3, 4, 5]);
    for (const stage of study.stages) {
      expect(stage.reason.length).toBeGreaterThan(100);
      expect(stage.adds.length).toBeGreaterThan(0);
      expect(Array.isArray(stage.retires)).toBe(true);
    }
  });
});

/** Runs bin/app.ts with a context and no assembly directory of its own; resolves with its exit and stderr. */
function runApp(context: object): Promise<{ status: number | null; stderr: string; outdir: string }> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bad-stage-'));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'bin', 'app.ts')], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CDK_OUTDIR: outdir, CDK_CONTEXT_JSON: JSON.stringify(context) },
      timeout: 60_000,
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr, outdir }));
  });
}

describe('bin/app.ts with bad context', () => {
  const cases: [object, string][] = [
    [{ video: 'abc' }, "Unknown video stage 'abc'. Valid stages: 1 (monolith), 2 (split-pools), 3 (cloudfront), 4 (serverless-chat), 5 (ivs). Example: -c video=1"],
    [{ iot: 6 }, "Unknown iot stage '6'. Valid stages: 1 (forklift), 2 (aurora), 3 (tiering), 4 (dynamodb), 5 (serverless). Example: -c iot=1"],
    [{ oracleStorageGiB: 'lots' }, "Context 'oracleStorageGiB' must be a whole number from 20 to 65536, got: lots"],
    [{ archiveAfterDays: -1 }, "Context 'archiveAfterDays' must be a whole number from 0 to 36500, got: -1"],
  ];
  // The four processes start together: each spends its time loading TypeScript and aws-cdk-lib.
  let results: Awaited<ReturnType<typeof runApp>>[];
  beforeAll(async () => {
    results = await Promise.all(cases.map(([context]) => runApp(context)));
  }, 90_000);

  test.each(cases.map((c, i) => [...c, i] as const))('%j exits non-zero with one line and writes no assembly', (_context, message, i) => {
    const result = results[i];
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([message]);
    expect(fs.readdirSync(result.outdir)).toEqual([]);
  });
});

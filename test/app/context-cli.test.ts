import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../lib/app/make-app';

/** Runs bin/app.ts as the CLI would, with the given -c values, into a fresh output folder. */
function synthWith(context: Record<string, unknown>) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'context-cli-'));
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'bin', 'app.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, CDK_OUTDIR: outdir, CDK_CONTEXT_JSON: JSON.stringify(context) },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, lines: result.stderr.trim().split('\n'), written: fs.readdirSync(outdir) };
}

// End to end for the two mistakes a deployed stack would regret most; test/app/context-table.test.ts
// covers every key in process. Before the table, both synthesized without a word.
describe('bin/app.ts refuses context a deploy would regret: one line, exit 1, nothing written', () => {
  test.each([
    [{ vidoe: 3 }, /^Unknown context key 'vidoe' \(did you mean 'video'\?\)\. Valid keys: video, iot, region,/],
    [{ video: 4, liveEvents: '[{"name":"finals","startsAt":"2099-03-14T19:00:00Z","durationMinutes":120,"videoInstances":10,"chatInstances":4}]' }, /^Context 'liveEvents' is used by video 2-3 only; video is at stage 4\./],
  ])('%j', (context, message) => {
    const { status, lines, written } = synthWith(context);
    expect(status).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(written).toEqual([]);
  }, 60_000);
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CommandIo } from '../../lib/workshop/cli/commands';
import { runCli } from '../../lib/workshop/cli/main';
import { BaselineProvider, gitBaseline } from '../../lib/workshop/synth/baseline';
import { WORKSHOP_DEPLOYMENT } from '../../lib/workshop/synth/deployment';
import { UsageError } from '../../lib/workshop/usage-error';
import { VIDEO_PLATFORM } from '../../stages/video/registry';
import { sharedStore } from './cli-io';

/** Runs wa-stages in process with a baseline provider standing in for git HEAD. */
async function run(argv: string[], baseline: BaselineProvider) {
  let stdout = '';
  let stderr = '';
  const io: CommandIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), terminal: { width: 100, colour: false }, store: sharedStore, baseline };
  return { code: await runCli(argv, io), stdout, stderr };
}

describe('diff <study> <stage> --baseline: the working copy against the stage as committed (issue 17 R3)', () => {
  // The committed stage 2 stands in as stage 1's snapshot relabelled: an edit that undid stage 2's split.
  const asCommitted: BaselineProvider = (study, stage) => ({ ...sharedStore.get(study, stage === 2 ? 1 : stage), stage });

  test('pillars, data verdict and resources of the edit, story omitted, sides named HEAD and edited', async () => {
    const result = await run(['diff', 'video', '2', '--baseline'], asCommitted);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toContain('video 2 split-pools, as committed (HEAD) -> as in the working copy');
    expect(result.stdout).not.toContain('Why (the story of this step)');
    const order = ['Pillars, workshop deployment', '  score       HEAD', '              edited', 'Data safety:', 'Resources:'].map((h) => lines.findIndex((l) => l.startsWith(h)));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The same numbers stageDiff computes from the two snapshots.
    const json = JSON.parse((await run(['diff', 'video', '2', '--baseline', '--json'], asCommitted)).stdout);
    expect(json.baseline).toBe('HEAD');
    expect(json.story).toEqual([]);
    expect(json.summary.added + json.summary.removed).toBeGreaterThan(0);
  });

  test('an unchanged stage diffs to nothing', async () => {
    const json = JSON.parse((await run(['diff', 'video', '3', '--baseline', '--json'], (study, stage) => sharedStore.get(study, stage))).stdout);
    expect(json.summary).toMatchObject({ added: 0, removed: 0, replaced: 0, changed: 0 });
    expect(json.scorecard.flipped).toEqual([]);
  });

  test('one stage only: two stages with --baseline is a one-line usage error', async () => {
    const result = await run(['diff', 'video', '1', '2', '--baseline'], asCommitted);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--baseline takes one stage: wa-stages diff video <stage> --baseline');
  });

  test('outside a git checkout: a one-line error saying why', () => {
    const notGit = fs.mkdtempSync(path.join(os.tmpdir(), 'not-git-'));
    try {
      expect(() => gitBaseline(notGit, notGit)(VIDEO_PLATFORM, 1, WORKSHOP_DEPLOYMENT)).toThrow(UsageError);
      expect(() => gitBaseline(notGit, notGit)(VIDEO_PLATFORM, 1, WORKSHOP_DEPLOYMENT)).toThrow(/needs a git checkout; .* is not one/);
    } finally {
      fs.rmSync(notGit, { recursive: true, force: true });
    }
  });
});

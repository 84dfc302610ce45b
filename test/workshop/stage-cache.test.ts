import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sourceKey } from '../../lib/workshop/synth/input-key';
import { StageStore } from '../../lib/workshop/synth/stage-store';
import { VIDEO_PLATFORM } from '../../stages/video/registry';

/** A throwaway project tree with the files the key reads. */
function fixture(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-key-'));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  write('bin/app.ts', 'app');
  write('lib/constructs/network.ts', 'network');
  write('lib/runtime/video-app/main.ts', 'main');
  write('stages/video/stage-1-monolith.ts', 'stage');
  write('cdk.json', '{"context":{}}');
  write('package-lock.json', '{}');
  return root;
}

describe('sourceKey: a hash of every input of a synth', () => {
  let root: string;
  beforeEach(() => (root = fixture()));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  test.each(['bin/app.ts', 'lib/constructs/network.ts', 'lib/runtime/video-app/main.ts', 'stages/video/stage-1-monolith.ts', 'cdk.json', 'package-lock.json'])(
    'changes when %s changes',
    (file) => {
      const before = sourceKey(root);
      fs.appendFileSync(path.join(root, file), ' ');
      expect(sourceKey(root)).not.toBe(before);
    },
  );

  test('changes when a source file is added or renamed', () => {
    const before = sourceKey(root);
    fs.writeFileSync(path.join(root, 'lib', 'constructs', 'new-part.ts'), '');
    const added = sourceKey(root);
    expect(added).not.toBe(before);
    fs.renameSync(path.join(root, 'lib', 'constructs', 'new-part.ts'), path.join(root, 'lib', 'constructs', 'other-part.ts'));
    expect(sourceKey(root)).not.toBe(added);
  });

  test('changes with the environment aws-cdk-lib reads', () => {
    const before = sourceKey(root);
    process.env.CDK_CONTEXT_JSON = '{"video":2}';
    try {
      expect(sourceKey(root)).not.toBe(before);
    } finally {
      delete process.env.CDK_CONTEXT_JSON;
    }
  });

  test('does not change when only timestamps do', () => {
    const before = sourceKey(root);
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(root, 'lib', 'constructs', 'network.ts'), later, later);
    expect(sourceKey(root)).toBe(before);
  });
});

describe('StageStore: a cache that never serves a stale stage', () => {
  let cacheDir: string;
  beforeEach(() => (cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-cache-'))));
  afterEach(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

  test('synthesizes on a miss, reads the cache on a hit, and synthesizes again once the sources change', () => {
    const synths: string[] = [];
    const onSynth = (_s: unknown, stage: number, variant: string) => synths.push(`${stage}-${variant}`);
    const first = new StageStore({ cacheDir, onSynth, sources: () => 'sources-a' });
    const synthesized = first.get(VIDEO_PLATFORM, 1);
    expect(synths).toEqual(['1-workshop']);

    const again = new StageStore({ cacheDir, onSynth, sources: () => 'sources-a' }).get(VIDEO_PLATFORM, 1);
    expect(synths).toEqual(['1-workshop']);
    expect(again).toEqual(synthesized);

    new StageStore({ cacheDir, onSynth, sources: () => 'sources-b' }).get(VIDEO_PLATFORM, 1);
    expect(synths).toEqual(['1-workshop', '1-workshop']);
  }, 60_000);

  test('a deployment variant is a different entry, and a torn cache file is synthesized again', () => {
    const synths: string[] = [];
    const store = () => new StageStore({ cacheDir, sources: () => 'sources-a', onSynth: (_s, stage, variant) => synths.push(`${stage}-${variant}`) });
    store().get(VIDEO_PLATFORM, 1);
    const talk = store().get(VIDEO_PLATFORM, 1, 'talk');
    expect(talk.variant).toBe('talk');
    expect(synths).toEqual(['1-workshop', '1-talk']);
    fs.writeFileSync(path.join(cacheDir, 'video-1-workshop.json'), '{"key":');
    store().get(VIDEO_PLATFORM, 1);
    expect(synths).toEqual(['1-workshop', '1-talk', '1-workshop']);
  }, 60_000);
});

describe('StageStore: extra context (-c key=value) is part of the key (issue 17 item 2)', () => {
  let cacheDir: string;
  beforeEach(() => (cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-cache-'))));
  afterEach(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

  test('a cached workshop synth is never served for a request with extra context, and the two never overwrite each other', () => {
    const synths: string[] = [];
    const store = () => new StageStore({ cacheDir, sources: () => 'sources-a', onSynth: (_s, stage, variant) => synths.push(`${stage}-${variant}`) });
    const plain = store().get(VIDEO_PLATFORM, 2);
    const email = { alertEmail: 'ops@example.com' };
    const withEmail = store().get(VIDEO_PLATFORM, 2, 'workshop', email);
    expect(synths).toEqual(['2-workshop', '2-workshop']);
    expect(withEmail.context).toEqual(email);
    expect(plain.context).toBeUndefined();
    // The e-mail subscription is in the template synthesized with it, and only there.
    const subscriptions = (s: typeof plain) => Object.values(s.template.Resources ?? {}).filter((r) => r.Type === 'AWS::SNS::Subscription');
    expect(subscriptions(withEmail).length).toBeGreaterThan(subscriptions(plain).length);
    // Both stay cached: asking again synthesizes nothing, and each request gets its own.
    expect(store().get(VIDEO_PLATFORM, 2)).toEqual(plain);
    expect(store().get(VIDEO_PLATFORM, 2, 'workshop', email)).toEqual(withEmail);
    expect(synths).toHaveLength(2);
    // Another value is another entry.
    store().get(VIDEO_PLATFORM, 2, 'workshop', { alertEmail: 'other@example.com' });
    expect(synths).toHaveLength(3);
    expect(fs.readdirSync(cacheDir).filter((f) => f.startsWith('video-2-workshop'))).toHaveLength(3);
  }, 60_000);
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CloudFormationValidatePlugin } from 'aws-cdk-lib';
import { makeApp } from '../../lib/app/make-app';
import { addPlatforms } from '../../lib/app/platforms';
import { DeployableStage, synthDeployableStages } from '../../lib/workshop/synth/deployable-stages';
import { VIDEO_PLATFORM } from '../../stages/video/registry';
import { quietSynth } from '../support/quiet-synth';

/**
 * `npm run check`'s fast path must produce what `cdk synth` produces: the same template (same asset
 * hashes, so the same bundles), every asset the assembly names, the template validated; and reuse an
 * assembly only while its recorded key matches.
 */
const stage = [{ study: VIDEO_PLATFORM, stage: 1 }];
let outRoot: string;
let referenceDir: string;
let first: DeployableStage;
let validated: string[];

beforeAll(() => {
  outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-deployable-'));
  referenceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-reference-'));
  const spy = jest.spyOn(CloudFormationValidatePlugin.prototype, 'validate');
  const error = console.error;
  console.error = () => undefined;
  try {
    [first] = synthDeployableStages(stage, outRoot);
  } finally {
    console.error = error;
  }
  validated = spy.mock.calls.flatMap(([context]) => context.stackTemplates.map((s) => path.basename(s.templatePath)));
  spy.mockRestore();
  // At the same depth as the stage's folder: bundles' source maps hold relative paths, and the asset
  // hashes cover them.
  // As `cdk synth VideoPlatform` runs it: both stacks built, only the selected one's assets bundled.
  const app = makeApp({ outdir: path.join(referenceDir, 'video-1'), context: { video: 1, 'aws:cdk:bundling-stacks': ['VideoPlatform'] } });
  addPlatforms(app);
  quietSynth(app);
}, 120_000);

afterAll(() => {
  for (const dir of [outRoot, referenceDir]) fs.rmSync(dir, { recursive: true, force: true });
});

const read = (dir: string, file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));

test('the template is the one a plain synth of the stage writes, asset hashes included', () => {
  expect(first.reused).toBe(false);
  expect(read(first.assemblyDir, 'VideoPlatform.template.json')).toEqual(read(path.join(referenceDir, 'video-1'), 'VideoPlatform.template.json'));
});

test('the assembly holds the stack, its scorecard and report, and every asset its manifest names', () => {
  const manifest = read(first.assemblyDir, 'manifest.json');
  expect(Object.keys(manifest.artifacts).filter((a) => manifest.artifacts[a].type === 'aws:cloudformation:stack')).toEqual(['VideoPlatform']);
  for (const file of ['VideoPlatform.scorecard.json', 'validation-report.json', 'tree.json']) expect(fs.existsSync(path.join(first.assemblyDir, file))).toBe(true);
  const assets = read(first.assemblyDir, 'VideoPlatform.assets.json');
  const folders = Object.values<{ source: { path: string } }>(assets.files).map((f) => f.source.path).filter((p) => p.startsWith('asset.'));
  expect(folders.length).toBeGreaterThan(0);
  for (const folder of folders) expect(fs.readdirSync(path.join(first.assemblyDir, folder)).length).toBeGreaterThan(0);
});

test("aws-cdk-lib's template validation ran on the stack's template", () => {
  expect(validated).toContain('VideoPlatform.template.json');
});

test('an unchanged stage is reused; one whose recorded key does not match is synthesized again', () => {
  expect(synthDeployableStages(stage, outRoot)[0].reused).toBe(true);
  fs.writeFileSync(`${first.assemblyDir}.key`, 'synthesized-from-other-sources');
  const error = console.error;
  console.error = () => undefined;
  try {
    expect(synthDeployableStages(stage, outRoot)[0].reused).toBe(false);
  } finally {
    console.error = error;
  }
  expect(fs.readFileSync(`${first.assemblyDir}.key`, 'utf8')).not.toBe('synthesized-from-other-sources');
}, 120_000);

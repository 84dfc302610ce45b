import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BrowserContext, chromium } from 'playwright-core';
import { PROJECT_ROOT } from '../../lib/app/make-app';
import { writeReport } from '../../lib/workshop/report/write-report';
import { sharedStore } from './cli-io';

/**
 * The report as an attendee opens it: from the file system, in a real headless Chromium (Debian's
 * `chromium`; .ci/run installs it), with every request that is not a local file refused and counted.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where the test leaves its screenshot of a stage page (git-ignored, under cdk.out). */
const SCREENSHOT = path.join(PROJECT_ROOT, 'cdk.out', 'report-test', 'video-3.png');

let out: string;
let profile: string;
let browser: BrowserContext;
let pages: string[];

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-report-'));
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-chromium-'));
  await writeReport(out, sharedStore, () => undefined);
  pages = fs.readdirSync(out).filter((f) => f.endsWith('.html')).sort();
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    viewport: { width: 1200, height: 900 },
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  for (const dir of [out, profile]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('the report has an index and a page per stage of both studies', () => {
  expect(pages).toEqual(['index.html', ...['iot', 'video'].flatMap((s) => [1, 2, 3, 4, 5].map((n) => `${s}-${n}.html`))].sort());
});

test('every page loads from the file system with no console error and no request leaving the machine', async () => {
  for (const name of pages) {
    const page = await browser.newPage();
    const errors: string[] = [];
    const external: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(`${name}: ${message.text()}`));
    page.on('pageerror', (error) => errors.push(`${name}: ${error.message}`));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file://') || url.startsWith('data:')) return route.continue();
      external.push(`${name}: ${url}`);
      return route.abort();
    });
    await page.goto(`file://${path.join(out, name)}`, { waitUntil: 'load' });
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  }
}, 120_000);

test('every stage page draws its architecture diagram and pillar chart at a non-zero size', async () => {
  const page = await browser.newPage();
  for (const name of pages.filter((p) => p !== 'index.html')) {
    await page.goto(`file://${path.join(out, name)}`);
    for (const selector of ['svg.architecture', 'svg.pillar-chart']) {
      const boxes = await page.locator(selector).evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect()).map((r) => [r.width, r.height]));
      expect({ name, selector, count: boxes.length }).toEqual({ name, selector, count: 1 });
      for (const [width, height] of boxes) expect(width * height).toBeGreaterThan(10_000);
    }
    // The icons are data URIs inside the diagram: each one decodes to an image of its own.
    const icons = await page.locator('svg.architecture image').evaluateAll((images) => images.map((i) => i.getAttribute('href') ?? ''));
    expect(icons.length).toBeGreaterThan(2);
    for (const href of icons) expect(href).toMatch(/^data:image\/svg\+xml;base64,/);
  }
  await page.close();
}, 120_000);

test('every link between pages resolves to a page of the report', async () => {
  const page = await browser.newPage();
  for (const name of pages) {
    await page.goto(`file://${path.join(out, name)}`);
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    const local = hrefs.filter((h) => !/^https?:/.test(h));
    expect(local.length).toBeGreaterThan(0);
    for (const href of local) expect({ from: name, href, exists: fs.existsSync(path.join(out, href.split('#')[0])) }).toEqual({ from: name, href, exists: true });
    for (const href of hrefs.filter((h) => /^https?:/.test(h))) expect(href).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/wellarchitected\//);
  }
  await page.close();
}, 60_000);

test('a screenshot of a stage page', async () => {
  const page = await browser.newPage();
  await page.goto(`file://${path.join(out, 'video-3.html')}`);
  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  await page.close();
  expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(50_000);
}, 60_000);

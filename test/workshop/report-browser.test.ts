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
 * Each page is opened once; the tests below read what that visit saw.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where the test leaves its screenshot of a stage page (git-ignored, under cdk.out). */
const SCREENSHOT = path.join(PROJECT_ROOT, 'cdk.out', 'report-test', 'video-3.png');
const DRAWINGS = ['svg.architecture', 'svg.pillar-chart', 'svg.cost-chart'];

/** What one visit of a page saw. */
interface Visit {
  readonly errors: string[];
  readonly external: string[];
  /** Rendered width and height of each element matching each drawing's selector. */
  readonly drawings: Record<string, number[][]>;
  /** The href of each image inside the architecture diagram. */
  readonly icons: string[];
  readonly hrefs: string[];
  /** Each architecture label the browser drew wider than its box, or outside it: `part: text`. */
  readonly overflowing: string[];
}

/** An SVG element as the browser measures it (the project compiles without the DOM library). */
interface BoxedElement {
  getBBox(): { x: number; y: number; width: number; height: number };
}

let out: string;
let profile: string;
let browser: BrowserContext;
let pages: string[];
const visits = new Map<string, Visit>();

async function visit(name: string): Promise<Visit> {
  const page = await browser.newPage();
  const errors: string[] = [];
  const external: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file://') || url.startsWith('data:')) return route.continue();
    external.push(url);
    return route.abort();
  });
  await page.goto(`file://${path.join(out, name)}`, { waitUntil: 'load' });
  const drawings: Record<string, number[][]> = {};
  for (const selector of DRAWINGS) {
    drawings[selector] = await page.locator(selector).evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect()).map((r) => [r.width, r.height]));
  }
  const icons = await page.locator('svg.architecture image').evaluateAll((images) => images.map((i) => i.getAttribute('href') ?? ''));
  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  // The rendered extent of every label in every box, against the box's own rectangle, in the SVG's units.
  const overflowing = await page.locator('svg.architecture g.node').evaluateAll((nodes) =>
    nodes.flatMap((node) => {
      const box = (node.querySelector(':scope > rect') as unknown as BoxedElement).getBBox();
      return [...node.querySelectorAll('text')].flatMap((text) => {
        const t = (text as unknown as BoxedElement).getBBox();
        const inside = t.x >= box.x && t.x + t.width <= box.x + box.width && t.y >= box.y && t.y + t.height <= box.y + box.height;
        return inside ? [] : [`${node.querySelector('text')?.textContent}: ${text.textContent} (${t.width.toFixed(0)} wide, box ${box.width.toFixed(0)})`];
      });
    }),
  );
  if (name === 'video-3.html') {
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  }
  await page.close();
  return { errors, external, drawings, icons, hrefs, overflowing };
}

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-report-'));
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-chromium-'));
  fs.rmSync(SCREENSHOT, { force: true });
  await writeReport(out, sharedStore, () => undefined);
  pages = fs.readdirSync(out).filter((f) => f.endsWith('.html')).sort();
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    viewport: { width: 1200, height: 900 },
  });
  for (const name of pages) visits.set(name, await visit(name));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  for (const dir of [out, profile]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const stagePages = () => pages.filter((p) => p !== 'index.html');

test('the report has an index and a page per stage of both studies', () => {
  expect(pages).toEqual(['index.html', ...['iot', 'video'].flatMap((s) => [1, 2, 3, 4, 5].map((n) => `${s}-${n}.html`))].sort());
});

test('every page loads from the file system with no console error and no request leaving the machine', () => {
  expect(pages.flatMap((name) => visits.get(name)!.errors.map((e) => `${name}: ${e}`))).toEqual([]);
  expect(pages.flatMap((name) => visits.get(name)!.external.map((u) => `${name}: ${u}`))).toEqual([]);
});

test('every stage page draws its architecture diagram, pillar chart and cost chart at a non-zero size', () => {
  for (const name of stagePages()) {
    const { drawings, icons } = visits.get(name)!;
    for (const selector of DRAWINGS) {
      const boxes = drawings[selector];
      expect({ name, selector, count: boxes.length }).toEqual({ name, selector, count: 1 });
      for (const [width, height] of boxes) expect(width * height).toBeGreaterThan(10_000);
    }
    // The icons are data URIs inside the diagram: each one decodes to an image of its own.
    expect(icons.length).toBeGreaterThan(2);
    for (const href of icons) expect(href).toMatch(/^data:image\/svg\+xml;base64,/);
  }
});

test('every label of every architecture diagram fits inside its box as the browser draws it', () => {
  expect(stagePages().flatMap((name) => visits.get(name)!.overflowing.map((o) => `${name}: ${o}`))).toEqual([]);
});

test('every link between pages resolves to a page of the report', () => {
  for (const name of pages) {
    const { hrefs } = visits.get(name)!;
    const local = hrefs.filter((h) => !/^https?:/.test(h));
    expect(local.length).toBeGreaterThan(0);
    for (const href of local) expect({ from: name, href, exists: fs.existsSync(path.join(out, href.split('#')[0])) }).toEqual({ from: name, href, exists: true });
    for (const href of hrefs.filter((h) => /^https?:/.test(h))) expect(href).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/wellarchitected\//);
  }
});

test('a screenshot of a stage page', () => {
  expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(50_000);
});

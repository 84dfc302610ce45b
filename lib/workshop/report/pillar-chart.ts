import { PILLAR_LABEL, PILLARS, Pillar } from '../../checks/framework/pillars';
import { PillarCoverage } from '../../checks/scorecard';

/** Scores per pillar, null where nothing was evaluated. */
export type Scores = Record<Pillar, number | null>;

/** What the chart compares. */
export interface PillarChartData {
  /** This stage under the talk's deployment: the numbers the talk's claims are checked against. */
  readonly talk: Scores;
  /** This stage as a workshop deploy gets it (cdk.json's defaults). */
  readonly workshop: Scores;
  /** The previous stage under the talk's deployment, drawn as an outline over this stage's bars. */
  readonly previous?: Scores;
  readonly previousLabel?: string;
  /** Best practices evaluated under the talk's deployment, written under each pillar's name. */
  readonly coverage?: Record<Pillar, PillarCoverage>;
}

const W = 640;
const H = 280;
const TOP = 24;
const BOTTOM = 70;
const LEFT = 36;
const GROUP = (W - LEFT - 12) / PILLARS.length;
const BAR = 26;

const yOf = (score: number) => TOP + (H - TOP - BOTTOM) * (1 - score / 100);

/** A bar chart of the six pillars: talk deployment and workshop deployment side by side, the previous stage overlaid. */
export function renderPillarChart(data: PillarChartData, title: string): string {
  const parts: string[] = [];
  for (const v of [0, 25, 50, 75, 100]) {
    parts.push(`<line class="grid" x1="${LEFT}" x2="${W - 8}" y1="${yOf(v)}" y2="${yOf(v)}"/><text class="axis" x="${LEFT - 6}" y="${yOf(v) + 4}" text-anchor="end">${v}</text>`);
  }
  PILLARS.forEach((pillar, i) => {
    const x0 = LEFT + i * GROUP + (GROUP - 2 * BAR - 4) / 2;
    const bar = (cls: string, x: number, score: number | null) =>
      score === null
        ? `<text class="value" x="${x + BAR / 2}" y="${yOf(0) - 4}" text-anchor="middle">-</text>`
        : `<rect class="${cls}" x="${x}" y="${yOf(score)}" width="${BAR}" height="${yOf(0) - yOf(score)}"/>` +
          `<text class="value" x="${x + BAR / 2}" y="${yOf(score) - 4}" text-anchor="middle">${score}</text>`;
    parts.push(bar('talk', x0, data.talk[pillar]), bar('workshop', x0 + BAR + 4, data.workshop[pillar]));
    const prev = data.previous?.[pillar];
    if (prev !== null && prev !== undefined) {
      parts.push(`<rect class="previous" x="${x0 - 3}" y="${yOf(prev)}" width="${BAR + 6}" height="${yOf(0) - yOf(prev)}"><title>previous stage: ${prev}</title></rect>`);
    }
    parts.push(`<text class="pillar" x="${x0 + BAR + 2}" y="${H - BOTTOM + 18}" text-anchor="middle">${PILLAR_LABEL[pillar]}</text>`);
    const covered = data.coverage?.[pillar];
    if (covered) {
      parts.push(`<text class="axis" x="${x0 + BAR + 2}" y="${H - BOTTOM + 32}" text-anchor="middle">${covered.evaluated} of ${covered.framework} evaluated</text>`);
    }
  });
  const legendY = H - 24;
  parts.push(
    `<rect class="talk" x="${LEFT}" y="${legendY - 10}" width="12" height="12"/><text class="legend" x="${LEFT + 18}" y="${legendY}">talk's deployment</text>`,
    `<rect class="workshop" x="${LEFT + 150}" y="${legendY - 10}" width="12" height="12"/><text class="legend" x="${LEFT + 168}" y="${legendY}">workshop deploy</text>`,
    ...(data.previous
      ? [`<rect class="previous" x="${LEFT + 300}" y="${legendY - 10}" width="12" height="12"/><text class="legend" x="${LEFT + 318}" y="${legendY}">${data.previousLabel ?? 'previous stage'} (talk's deployment)</text>`]
      : []),
  );
  const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return `<svg class="pillar-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escaped}"><title>${escaped}</title>${parts.join('')}</svg>`;
}

import { readableNames } from '../../lib/workshop/diff/readable-names';
import { dollars, stageCost } from '../../lib/cost';
import { logPosition } from '../../lib/workshop/report/cost-chart';
import { renderIndexPage } from '../../lib/workshop/report/index-page';
import { renderStagePage } from '../../lib/workshop/report/stage-page';
import { VIDEO_PLATFORM } from '../../stages/video/registry';
import { sharedStore } from './cli-io';

/**
 * The report's score tables, read as HTML (the browser test draws them): every score stands with its
 * compliance and coverage, and a rule that could not decide is marked and listed.
 */
const CELL = /<td class="num" title="score [^"]*">(\d+\??|-)<br><span class="muted sub">(\d+%|-) &middot; (\d+)\/(\d+)<\/span><\/td>/g;

describe('the report', () => {
  const workshop = sharedStore.get(VIDEO_PLATFORM, 1, 'workshop');
  const talk = sharedStore.get(VIDEO_PLATFORM, 1, 'talk');
  const cost = { workshop: stageCost(workshop, 'workshop'), talk: stageCost(talk, 'talk') };
  const html = renderStagePage({ study: VIDEO_PLATFORM, stage: VIDEO_PLATFORM.stages[0], workshop, talk, claims: [], cost });

  test("a stage page's pillar table gives every score its compliance and coverage, then what the packs can evaluate", () => {
    const table = html.slice(html.indexOf('<h2>Pillars</h2>'), html.indexOf('<h2>Scorecard</h2>'));
    const cells = [...table.matchAll(CELL)];
    expect(cells).toHaveLength(12); // six pillars, talk's deployment and workshop deploy
    const reliability = workshop.scorecard.pillars.reliability;
    expect(cells[6 + 2].slice(1)).toEqual([String(reliability.score), `${reliability.compliance}%`, String(reliability.coverage.evaluated), '67']);
    expect(table).toContain(`<td class="num muted">${reliability.coverage.evaluable}/67</td>`);
    expect(table).toContain(`${workshop.scorecard.pillars.reliability.coverage.evaluated} of 67 evaluated`); // under the chart's bars
  });

  test('a rule that could not decide marks the score it sits behind and is listed under the scorecard', () => {
    const { undecided, pillars } = workshop.scorecard;
    expect(html.includes('<h3>Undecided</h3>')).toBe(undecided.length > 0);
    if (pillars.security.undecided > 0) expect(html).toMatch(new RegExp(`>${pillars.security.score}\\?<br>`));
    // Named by construct path as the stage's code names it, CDK's hashed ids read (issue 17).
    const names = readableNames('VideoPlatform', workshop.resources);
    for (const u of undecided) expect(html).toContain(`<code>${u.rule}</code> on <code>${names(u.resource.replace(/^VideoPlatform\//, '').replace(/\/Resource$/, '')).replace(/</g, '&lt;').replace(/>/g, '&gt;')}</code>`);
  });

  test("the index's cells carry compliance and coverage too", () => {
    const index = renderIndexPage(() => workshop);
    const cells = [...index.matchAll(CELL)];
    expect(cells.length).toBe(2 * 10 * 6); // two deployments, ten stages, six pillars
    expect(index).toContain('the packs can evaluate');
  });

  test('a stage page has a cost bar per load on a log dollar axis, labelled with its total, and the largest lines of each', () => {
    const section = html.slice(html.indexOf('<h2>Cost</h2>'), html.indexOf('<h2>Scorecard</h2>'));
    expect(section.length).toBeGreaterThan(0);
    const bars = [...section.matchAll(/<rect class="(workshop|talk)" x="150" y="\d+" width="([\d.]+)" height="20">/g)];
    expect(bars.map((b) => b[1])).toEqual(['workshop', 'talk']);
    for (const [, load, width] of bars) expect(Number(width)).toBeCloseTo(400 * logPosition(cost[load as 'workshop' | 'talk'].total), 0);
    expect([...section.matchAll(/<text class="value cost-total"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1])).toEqual([
      dollars(cost.workshop.total),
      dollars(cost.talk.total),
    ]);
    for (const tick of ['$1', '$1k', '$1M']) expect(section).toContain(`>${tick}</text>`);
    // Each load's five largest lines, largest first, with its amount.
    const tables = [...section.matchAll(/<table class="cost-lines">([\s\S]*?)<\/table>/g)].map((m) => m[1]);
    expect(tables).toHaveLength(2);
    (['workshop', 'talk'] as const).forEach((load, i) => {
      const amounts = [...tables[i].matchAll(/<tr><td class="num">([^<]+)<\/td>/g)].map((m) => m[1]);
      expect(amounts).toEqual(cost[load].lines.slice(0, 5).map((l) => dollars(l.amount)));
    });
  });

  test('the log axis puts $1 at the start, $1M at the end and each decade a sixth apart', () => {
    expect(logPosition(0)).toBe(0);
    expect(logPosition(1)).toBe(0);
    expect(logPosition(1000)).toBeCloseTo(0.5);
    expect(logPosition(250_000)).toBeCloseTo(Math.log10(250_000) / 6);
    expect(logPosition(5e6)).toBe(1);
  });

  test("the index gives each stage's $/month under both loads", () => {
    const index = renderIndexPage((_study, _stage, variant) => (variant === 'talk' ? talk : workshop));
    expect(index).toContain('<th class="num">$/month</th>');
    const cells = [...index.matchAll(/<td class="num cost" title="[^"]*, (workshop|talk) load">([^<]+)<br>/g)].map((m) => [m[1], m[2]]);
    expect(cells).toHaveLength(2 * 10);
    expect(cells.slice(0, 2)).toEqual([
      ['talk', dollars(cost.talk.total)],
      ['workshop', dollars(cost.workshop.total)],
    ]);
  });

  test('a stage page lists per pillar, collapsible, the practices left to the team, each linked to the framework', () => {
    const section = html.slice(html.indexOf('<h3>What the template answers, and what is left for the team</h3>'), html.indexOf('<h2>What changed'));
    const lists = [...section.matchAll(/<details class="review-list"><summary><strong>(\w+)<\/strong>: the template answers (\d+) of (\d+);\nfor the team to review: (\d+) practices[\s\S]*?<\/summary>\n<ul>([\s\S]*?)<\/ul><\/details>/g)];
    expect(lists.map((l) => l[1])).toEqual(['OPS', 'SEC', 'REL', 'PERF', 'COST', 'SUS']);
    const reliability = workshop.scorecard.pillars.reliability.coverage;
    expect(lists[2].slice(2, 4)).toEqual([String(reliability.evaluated), String(reliability.framework)]);
    for (const l of lists) {
      const links = [...l[5].matchAll(/<li><a href="(https:\/\/docs\.aws\.amazon\.com\/wellarchitected\/[^"]+)">([A-Z]+\d+-BP\d+)<\/a> /g)];
      expect(links.length).toBe(Number(l[4]));
      expect(links.length).toBeGreaterThan(0);
    }
    expect(section).toContain('>OPS01-BP01</a> Evaluate external customer needs</li>');
  });
});

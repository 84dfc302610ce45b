import { PILLAR_LABEL, PILLARS, Pillar } from '../../checks/framework/pillars';
import { PillarCoverage } from '../../checks/scorecard';
import { CaseStudyInfo, StageInfo } from '../../../stages/stage-info';
import { DATA_VERDICT_WORDS, removalNote, ResourceChange, StageDiff } from '../diff/stage-diff';
import { shortType } from '../diff/services';
import { stageCommands, stageView } from '../show/stage-view';
import { StageSnapshot } from '../synth/stage-snapshot';
import { ClaimResult } from '../talk-claims';
import { architectureOf } from './diagram/architecture';
import { renderArchitecture } from './diagram/render-svg';
import { costSection, StageCosts } from './cost-chart';
import { esc, page } from './html';
import { renderPillarChart, Scores } from './pillar-chart';
import { evaluableRow, PILLAR_CELL_LEGEND, pillarCell } from './pillar-cell';

/** Everything one stage page shows. */
export interface StagePageData {
  readonly study: CaseStudyInfo;
  readonly stage: StageInfo;
  /** The stage as `cdk deploy` gets it with cdk.json's defaults. */
  readonly workshop: StageSnapshot;
  /** The stage under the deployment the talk describes. */
  readonly talk: StageSnapshot;
  /** The previous stage under the talk's deployment, for the chart's overlay. */
  readonly previousTalk?: StageSnapshot;
  /** The step from the previous stage (workshop deployment). */
  readonly diff?: StageDiff;
  /** The talk's claims about this stage, checked against the talk-deployment scores. */
  readonly claims: readonly ClaimResult[];
  /** The estimated monthly bill under both loads (each on the deployment it implies). */
  readonly cost: StageCosts;
}

/** The file name of a stage's page. */
export function stagePageName(study: string, stage: number): string {
  return `${study}-${stage}.html`;
}

const scoresOf = (s: StageSnapshot): Scores => Object.fromEntries(PILLARS.map((p) => [p, s.scorecard.pillars[p].score])) as Scores;
const OUTCOME = { met: 'met', notMet: 'not met', acceptedRisk: 'accepted risk', notEvaluated: 'not evaluated' } as const;

function nav(data: StagePageData): string {
  const { study, stage } = data;
  const prev = study.stages.find((s) => s.id === stage.id - 1);
  const next = study.stages.find((s) => s.id === stage.id + 1);
  return [
    '<a href="index.html">All stages</a>',
    prev ? `<a href="${stagePageName(study.contextKey, prev.id)}">&larr; Stage ${prev.id}: ${esc(prev.slug)}</a>` : '',
    next ? `<a href="${stagePageName(study.contextKey, next.id)}">Stage ${next.id}: ${esc(next.slug)} &rarr;</a>` : '',
  ].join('');
}

function storySection(data: StagePageData): string {
  const { stage } = data;
  return `<h2>Why this stage exists</h2>
<p>${esc(stage.reason)}</p>
${stage.talk ? `<p><strong>The talk:</strong> &ldquo;${esc(stage.talk.says)}&rdquo;</p>` : ''}
<h3>What it adds</h3><ul>${stage.adds.map((a) => `<li>${esc(a)}</li>`).join('')}</ul>
${stage.retires.length ? `<h3>What it retires</h3><ul>${stage.retires.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>` : ''}`;
}

function pillarsSection(data: StagePageData): string {
  const talk = scoresOf(data.talk);
  const workshop = scoresOf(data.workshop);
  const previous = data.previousTalk ? scoresOf(data.previousTalk) : undefined;
  const chart = renderPillarChart(
    {
      talk,
      workshop,
      previous,
      previousLabel: data.previousTalk ? `stage ${data.previousTalk.stage}` : undefined,
      coverage: Object.fromEntries(PILLARS.map((p) => [p, data.talk.scorecard.pillars[p].coverage])) as Record<Pillar, PillarCoverage>,
    },
    `Pillar scores of ${data.study.contextKey} stage ${data.stage.id}`,
  );
  const row = (label: string, snapshot: StageSnapshot | undefined) =>
    snapshot ? `<tr><th>${esc(label)}</th>${PILLARS.map((p) => pillarCell(snapshot.scorecard.pillars[p])).join('')}</tr>` : '';
  const claims = data.claims.length
    ? `<h3>The talk's claims about this stage, checked</h3>
<p class="muted">Against the scores under the talk's deployment (the dark bars).</p>
<table><tr><th>claim</th><th>holds</th><th>scores</th></tr>${data.claims
        .map((c) => `<tr><td>${esc(c.statement)}</td><td class="${c.holds ? 'met' : 'notMet'}">${c.holds ? 'yes' : 'no'}</td><td>${esc(c.evidence)}</td></tr>`)
        .join('')}</table>`
    : '<p class="muted">The talk gives no framework view of this stage.</p>';
  return `<h2>Pillars</h2>
<p>Scores are 0-100 per Well-Architected pillar: the risk-weighted share of the evaluated best practices that are met.
<strong>Two deployments</strong> are scored: the <em>talk's deployment</em> (HTTPS with the platform's own certificates, a known live event
scheduled, as the talk's teams ran it; the talk's claims are checked against these numbers) and the <em>workshop deploy</em>
(<code>${esc(stageCommands(data.study, data.stage.id).deploy)}</code> with cdk.json's defaults: no certificate, so plain HTTP, which scores lower on security).</p>
<div class="figure">${chart}</div>
<table><tr><th></th>${PILLARS.map((p) => `<th class="num">${PILLAR_LABEL[p]}</th>`).join('')}</tr>
${row(`stage ${data.stage.id}, talk's deployment`, data.talk)}${row(`stage ${data.stage.id}, workshop deploy`, data.workshop)}${row(data.previousTalk ? `stage ${data.previousTalk.stage}, talk's deployment` : '', data.previousTalk)}${evaluableRow(data.workshop, 1)}</table>
<p class="muted">${PILLAR_CELL_LEGEND}</p>
${claims}`;
}

function scorecardSection(data: StagePageData): string {
  const view = stageView(data.study, data.workshop);
  const rows = view.scorecard.bestPractices
    .map((bp) => {
      const findings = bp.findings.length
        ? `<details><summary>${bp.findings.length} finding(s)</summary><ul>${bp.findings
            .map((f) => `<li><code>${esc(f.rule)}${f.finding ? `[${esc(f.finding)}]` : ''}</code> on <code>${esc(f.resource)}</code>${f.outcome === 'acknowledged' ? ` (accepted: ${esc(f.reason ?? '')})` : ''}</li>`)
            .join('')}</ul></details>`
        : '';
      return `<tr><td><a href="${esc(bp.url)}">${esc(bp.id)}</a></td><td>${esc(PILLAR_LABEL[bp.pillar])}</td><td>${esc(bp.title)}${findings}</td><td>${esc(bp.risk)}</td><td class="${bp.outcome}">${OUTCOME[bp.outcome]}</td></tr>`;
    })
    .join('');
  const undecided = view.scorecard.undecided.length
    ? `<h3>Undecided</h3><p>Rules that could not decide on a resource (they threw, usually on a value known only at deploy time). They give no evidence either way,
so the scores they sit behind are marked <strong>?</strong>; their findings must still be fixed or acknowledged.</p>
<ul>${view.scorecard.undecided.map((u) => `<li><code>${esc(u.rule)}</code> on <code>${esc(u.resource)}</code>: <span class="muted">${esc(u.error)}</span></li>`).join('')}</ul>`
    : '';
  const answers = view.scorecard.templateAnswers
    .map(
      (a) => `<details class="review-list"><summary><strong>${esc(PILLAR_LABEL[a.pillar])}</strong>: the template answers ${a.evaluated} of ${a.framework};
for the team to review: ${a.forReview.length} practices${a.notEvaluated ? ` <span class="muted">(${a.notEvaluated} more a template could show are not evaluated here)</span>` : ''}</summary>
<ul>${a.forReview.map((bp) => `<li><a href="${esc(bp.url)}">${esc(bp.id)}</a> ${esc(bp.title)}</li>`).join('')}</ul></details>`,
    )
    .join('\n');
  return `<h2>Scorecard</h2>
<p>Every best practice the rule packs evaluated on this stage as a workshop deploy gets it, linked to its page in the framework.
A finding is <em>accepted</em> when the stage acknowledges it with a reason: the teaching stages keep their flaws on purpose.</p>
<table><tr><th>best practice</th><th>pillar</th><th>title</th><th>risk</th><th>outcome</th></tr>${rows}</table>
${undecided}
<h3>What the template answers, and what is left for the team</h3>
<p>A Well-Architected review asks more than any template can show. Per pillar: how many of its best practices this stage's template answered
(the table above), and the ones only a review of people and process can answer (classified <em>review</em> in
<code>lib/checks/framework/bp-classification.json</code>), each linked to its page in the framework: the half of the review that remains for the team.</p>
${answers}`;
}

/** `DATA LOSS: x` → `Data loss: x.` */
const sentence = (words: string) => `${words.charAt(0).toUpperCase()}${words.slice(1).toLowerCase()}.`;

function diffSection(data: StagePageData): string {
  const d = data.diff;
  if (!d) return '<h2>What changed</h2><p>The first stage: nothing comes before it.</p>';
  const services = d.services
    .map((s) => {
      const names = (list: readonly ResourceChange[], sign: string) =>
        list
          .map((r) => {
            const note = r.change === 'removed' ? removalNote(r) : undefined;
            return `<li><code>${sign} ${esc(r.path)}</code> <span class="muted">${esc(shortType(r.type))}${note ? `, ${note}` : ''}</span></li>`;
          })
          .join('');
      return `<tr><td>${esc(s.service)}</td><td class="num">${s.added.length || ''}</td><td class="num">${s.removed.length || ''}</td><td class="num">${s.replaced.length || ''}</td><td class="num">${s.changed.length || ''}</td>
<td><details><summary>resources</summary><ul>${names(s.added, '+')}${names(s.removed, '-')}${names(s.replaced, '!')}${names(s.changed, '~')}</ul></details></td></tr>`;
    })
    .join('');
  const flipped = d.scorecard.flipped
    .map((f) => `<li><a href="${esc(f.url)}">${esc(f.id)}</a> ${esc(f.title)}: <span class="${f.before}">${OUTCOME[f.before]}</span> &rarr; <span class="${f.after}">${OUTCOME[f.after]}</span></li>`)
    .join('');
  return `<h2>What changed since stage ${d.from.stage}</h2>
<p>${d.summary.added} resources added, ${d.summary.removed} removed, ${d.summary.replaced} replaced, ${d.summary.changed} changed
(${d.summary.noiseOnly} more changed only tags or asset hashes). IAM: ${d.iam.changes.filter((c) => c.change === 'added').length} permission(s) added,
${d.iam.changes.filter((c) => c.change === 'removed').length} removed${d.iam.broadened ? ' (permissions broadened)' : ''}.
Network: ${d.network.resources.length} network resource(s) changed, ${d.network.securityGroupRules.length} security-group rule change(s).</p>
<table><tr><th>service</th><th class="num">added</th><th class="num">removed</th><th class="num">replaced</th><th class="num">changed</th><th></th></tr>${services}</table>
<h3>Data safety</h3><p class="verdict-${d.dataSafety.verdict}">${esc(sentence(DATA_VERDICT_WORDS[d.dataSafety.verdict]))}</p>
${d.dataSafety.items.length ? `<ul>${d.dataSafety.items.map((i) => `<li><code>${esc(i.path)}</code> (${esc(shortType(i.type))}) ${esc(i.explanation)}</li>`).join('')}</ul>` : ''}
<h3>Best practices that flipped</h3>${flipped ? `<ul>${flipped}</ul>` : '<p>None.</p>'}
<p class="muted">The same diff in a terminal: <code>npx wa-stages diff ${esc(d.study)} ${d.from.stage} ${d.to.stage}</code></p>`;
}

function commandsSection(data: StagePageData): string {
  const c = stageCommands(data.study, data.stage.id);
  return `<h2>Deploy and destroy</h2>
<p>Needs an AWS account and credentials (<code>npx cdk bootstrap</code> once per account and region). Deployed stages cost money while they run.</p>
<pre>${esc(c.diff)}     # what this stage changes in the deployed stack
${esc(c.deploy)}
${esc(c.destroy)}    # resources that hold data are retained: delete them by hand when sure</pre>`;
}

/** A stage's page: story, diagram, pillars, cost, scorecard, diff, commands. */
export function renderStagePage(data: StagePageData): string {
  const { study, stage } = data;
  const title = `${study.title}, stage ${stage.id}: ${stage.title}`;
  const diagram = renderArchitecture(architectureOf(data.workshop), `Architecture of ${study.contextKey} stage ${stage.id}`);
  const body = `<h1>${esc(title)}</h1>
<p class="muted">Stack <code>${esc(study.stackName)}</code> with <code>-c ${esc(study.contextKey)}=${stage.id}</code> &middot; ${Object.keys(data.workshop.resources).length} resources</p>
${storySection(data)}
<h2>Architecture</h2>
<p class="muted">Drawn from the synthesized template: one box per part of the stack, placed by the subnets it uses; arrows are what the template wires together (target groups, origins, event sources, integrations, references).</p>
<div class="figure">${diagram}</div>
${pillarsSection(data)}
${costSection(data.cost, study.stackName, study.contextKey, stage.id)}
${scorecardSection(data)}
${diffSection(data)}
${commandsSection(data)}`;
  return page(title, nav(data), body);
}

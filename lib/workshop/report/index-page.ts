import { PILLAR_LABEL, PILLARS } from '../../checks/framework/pillars';
import { dollars, stageCost } from '../../cost';
import { STUDIES } from '../studies';
import { StageSnapshot } from '../synth/stage-snapshot';
import { logPosition } from './cost-chart';
import { esc, page } from './html';
import { evaluableRow, PILLAR_CELL_LEGEND, pillarCell } from './pillar-cell';
import { stagePageName } from './stage-page';

/**
 * A stage's monthly bill under the load of a deployment's name (each load is priced on the deployment
 * it implies), with a small bar on the report's logarithmic dollar axis so rows compare at a glance.
 */
function costCell(snapshot: StageSnapshot, load: 'workshop' | 'talk'): string {
  const total = stageCost(snapshot, load).total;
  const width = Math.max(1, Math.round(80 * logPosition(total)));
  return `<td class="num cost" title="${esc(`${dollars(total)} a month, ${load} load`)}">${esc(dollars(total))}<br><span class="costbar ${load}" style="width:${width}px"></span></td>`;
}

/** The index: both studies, a row per stage with its scores under both deployments. */
export function renderIndexPage(snapshots: (study: string, stage: number, variant: 'workshop' | 'talk') => StageSnapshot): string {
  const sections = STUDIES.map((study) => {
    const rows = study.stages
      .map((stage) => {
        const cells = (s: StageSnapshot) => PILLARS.map((p) => pillarCell(s.scorecard.pillars[p])).join('');
        const talk = snapshots(study.contextKey, stage.id, 'talk');
        const workshop = snapshots(study.contextKey, stage.id, 'workshop');
        return `<tr><td rowspan="2"><a href="${stagePageName(study.contextKey, stage.id)}">Stage ${stage.id}: ${esc(stage.title)}</a><br><span class="muted">${esc(stage.slug)}</span></td>` +
          `<td>talk</td>${cells(talk)}${costCell(talk, 'talk')}</tr><tr><td>workshop</td>${cells(workshop)}${costCell(workshop, 'workshop')}</tr>`;
      })
      .join('');
    return `<h2>${esc(study.title)}</h2><p class="muted">Stack <code>${esc(study.stackName)}</code>, context <code>-c ${esc(study.contextKey)}=&lt;stage&gt;</code></p>
<table><tr><th>stage</th><th>deployment</th>${PILLARS.map((p) => `<th class="num">${PILLAR_LABEL[p]}</th>`).join('')}<th class="num">$/month</th></tr>${rows}${evaluableRow(snapshots(study.contextKey, study.stages[0].id, 'workshop'), 2)}</table>`;
  }).join('');
  const body = `<h1>Mistakes Were Made. Lessons Were Learned: the stages</h1>
<p>Every evolution stage of the talk's two case studies, synthesized from this repository: why each stage exists, its architecture,
what it did to each Well-Architected pillar, and what changed from the stage before.</p>
<p>Scores are 0-100 per pillar. <strong>talk</strong>: under the deployment the talk describes (HTTPS with its own certificates, a known live event), the numbers
its claims are checked against. <strong>workshop</strong>: what <code>npx cdk deploy</code> gets with cdk.json's defaults (plain HTTP without a certificate, so security scores lower).</p>
<p><strong>$/month</strong> is the estimated bill in US dollars (us-east-1 on-demand list prices): on the talk row under the talk's stated load, on the workshop row
deployed and left idle. Its bar is on a logarithmic axis from $1 to $1M, since the totals run from a few dollars to hundreds of thousands.</p>
<p class="muted">${PILLAR_CELL_LEGEND}</p>
${sections}`;
  return page('Well-Architected stages', '<a href="index.html">All stages</a>', body);
}

import { PILLAR_LABEL } from '../../checks/framework/pillars';
import { dollars, formatCostChange } from '../../cost';
import { fit, painter, Terminal, wrap } from '../cli/terminal';
import { shortPath, shortType } from './services';
import { DATA_VERDICT_WORDS, removalNote, ResourceChange, StageDiff } from './stage-diff';

/** How many resources of one kind and service are named before the rest are counted. */
const NAMED_PER_GROUP = 4;

const OUTCOME_WORDS: Record<string, string> = { met: 'met', notMet: 'not met', acceptedRisk: 'accepted risk', notEvaluated: 'not evaluated' };

const signed = (n: number | null) => (n === null ? '-' : n > 0 ? `+${n}` : String(n));

/** How many resources whose bill moves most are named under the cost change. */
const COST_LINES = 3;

const signedDollars = (usd: number) => `${usd > 0 ? '+' : usd < 0 ? '-' : ''}${dollars(Math.abs(usd))}`;

/** The diff as text for a terminal: a few screens, every line within the width. */
export function formatStageDiff(diff: StageDiff, terminal: Terminal): string {
  const paint = painter(terminal);
  const width = terminal.width;
  const out: string[] = [];
  const line = (text: string, style?: Parameters<typeof paint>[0]) => {
    const cut = fit(text, width);
    out.push(style ? paint(style, cut) : cut);
  };
  const arrow = diff.direction === 'forward' ? '->' : '<- back to';
  line(`${diff.stackName}: ${diff.study} ${diff.from.stage} ${diff.from.slug} ${arrow} ${diff.to.stage} ${diff.to.slug}`, 'bold');

  out.push('');
  line(diff.direction === 'forward' ? 'Why (the story of this step)' : 'What going back undoes', 'bold');
  for (const s of diff.story) {
    line(`  Stage ${s.stage}: ${s.title}`, 'cyan');
    out.push(...wrap(s.reason, width, '    '));
    for (const a of s.adds) out.push(...wrap(`${diff.direction === 'forward' ? '+' : '-'} ${a}`, width, '    '));
    for (const r of s.retires) out.push(...wrap(`${diff.direction === 'forward' ? '-' : '+'} ${r}`, width, '    '));
  }

  const { summary } = diff;
  const retained = diff.services.flatMap((s) => s.removed).filter((r) => r.retained).length;
  out.push('');
  line(
    `Resources: +${summary.added} added, -${summary.removed} removed (${retained} retained), ` +
      `${summary.replaced} replaced, ${summary.changed} changed`,
    'bold',
  );
  if (summary.noiseOnly > 0) line(`  (${summary.noiseOnly} more resources changed only tags or asset hashes: folded away)`, 'dim');
  const item = (sign: string, r: ResourceChange, style: Parameters<typeof paint>[0]) => {
    const note = r.change === 'removed' ? removalNote(r) : undefined;
    const detail = note ? ` (${note})` : r.properties && r.properties.length > 0 ? ` (${r.properties.join(', ')})` : '';
    const cause = r.replacementCauses && r.replacementCauses.length > 0 ? ` replaced by a change of ${r.replacementCauses.join(', ')}` : '';
    line(`      ${sign} ${r.path}  ${shortType(r.type)}${detail}${cause}`, style);
  };
  for (const service of diff.services) {
    const counts = [
      service.added.length ? `+${service.added.length}` : '',
      service.removed.length ? `-${service.removed.length}` : '',
      service.replaced.length ? `${service.replaced.length} replaced` : '',
      service.changed.length ? `~${service.changed.length}` : '',
    ].filter(Boolean);
    line(`  ${service.service.padEnd(24)} ${counts.join('  ')}`);
    for (const [list, sign, style] of [
      [service.added, '+', 'green'],
      [service.removed, '-', 'red'],
      [service.replaced, '!', 'yellow'],
      [service.changed, '~', 'yellow'],
    ] as const) {
      for (const r of list.slice(0, NAMED_PER_GROUP)) item(sign, r, style);
      if (list.length > NAMED_PER_GROUP) line(`      ${sign} ... ${list.length - NAMED_PER_GROUP} more`, 'dim');
    }
  }
  if (diff.outputs.added.length + diff.outputs.removed.length > 0) {
    line(`  Outputs: ${[...diff.outputs.added.map((o) => `+${o}`), ...diff.outputs.removed.map((o) => `-${o}`)].join(' ')}`);
  }

  out.push('');
  const iamAdded = diff.iam.changes.filter((c) => c.change === 'added');
  const iamRemoved = diff.iam.changes.filter((c) => c.change === 'removed');
  line(`IAM: ${iamAdded.length} permission(s) added, ${iamRemoved.length} removed; permissions broadened: ${diff.iam.broadened ? 'yes' : 'no'}`, 'bold');
  for (const c of [...iamAdded.slice(0, 6)]) {
    const what = c.kind === 'statement' ? `${c.effect} ${(c.actions ?? []).join(' ')} on ${c.resource} for ${c.principal}` : `managed policy ${c.managedPolicyArn} on ${c.resource}`;
    line(`  + ${what.replace(/\s+/g, ' ')}`, 'green');
  }
  if (iamAdded.length > 6) line(`  + ... ${iamAdded.length - 6} more`, 'dim');
  const rules = diff.network.securityGroupRules;
  line(
    `Network: ${diff.network.resources.length} network resource(s) changed, ${rules.filter((r) => r.change === 'added').length} security-group rule(s) added, ` +
      `${rules.filter((r) => r.change === 'removed').length} removed`,
    'bold',
  );
  for (const r of rules.filter((rule) => rule.change === 'added').slice(0, 6)) {
    line(`  + ${r.direction} ${r.protocol} ${r.direction === 'ingress' ? 'from' : 'to'} ${r.peer} on ${r.group}`.replace(/\s+/g, ' '), 'green');
  }

  out.push('');
  line('Scorecard (0-100 per pillar, workshop deployment)', 'bold');
  // Score and compliance before, after and their change, then coverage: a score never stands alone.
  const pillars = diff.scorecard.pillars;
  const cells = (values: string[]) => values.map((v) => v.padStart(7)).join('');
  const row = (label: string, values: string[]) => line(`  ${label.padEnd(21)}${cells(values)}`);
  const percent = (n: number | null) => (n === null ? '-' : `${n}%`);
  row('', pillars.map((p) => PILLAR_LABEL[p.pillar]));
  row(`score       stage ${diff.from.stage}`, pillars.map((p) => `${p.before ?? '-'}${p.undecided.before > 0 ? '?' : ''}`));
  row(`            stage ${diff.to.stage}`, pillars.map((p) => `${p.after ?? '-'}${p.undecided.after > 0 ? '?' : ''}`));
  row('            change', pillars.map((p) => signed(p.delta)));
  row(`compliance  stage ${diff.from.stage}`, pillars.map((p) => percent(p.compliance.before)));
  row(`            stage ${diff.to.stage}`, pillars.map((p) => percent(p.compliance.after)));
  row('            change', pillars.map((p) => signed(p.compliance.delta)));
  row(`evaluated   stage ${diff.from.stage}`, pillars.map((p) => `${p.coverage.before.evaluated}/${p.coverage.before.framework}`));
  row(`            stage ${diff.to.stage}`, pillars.map((p) => `${p.coverage.after.evaluated}/${p.coverage.after.framework}`));
  line(`  (score: best practices met; compliance: compliant rule-resource evaluations; ? = undecided)`, 'dim');
  // The cost pillar in dollars, beside its score: what the step does to the monthly bill, and the
  // resources that move it most.
  line(`  Cost: ${formatCostChange(diff.cost)}`, diff.cost.change > 0.005 ? 'red' : diff.cost.change < -0.005 ? 'green' : undefined);
  for (const r of diff.cost.resources.slice(0, COST_LINES)) {
    const moved = r.before === 0 ? 'new' : r.after === 0 ? 'gone' : `${dollars(r.before)} -> ${dollars(r.after)}`;
    line(`    ${signedDollars(r.change).padStart(11)}  ${r.path ? shortPath(r.path, diff.stackName) : r.logicalId}  ${shortType(r.resourceType)} (${moved})`);
  }
  if (diff.cost.resources.length > COST_LINES) line(`    ... ${diff.cost.resources.length - COST_LINES} more resource(s) change cost (--json lists them)`, 'dim');
  // Outcomes that changed are the lesson; practices that merely (stop being) evaluated because their
  // resources left or arrived are summed up by id, to keep the diff to a few screens.
  const decided = diff.scorecard.flipped.filter((f) => f.before !== 'notEvaluated' && f.after !== 'notEvaluated');
  const arrived = diff.scorecard.flipped.filter((f) => f.before === 'notEvaluated');
  const left = diff.scorecard.flipped.filter((f) => f.after === 'notEvaluated');
  if (decided.length > 0) {
    line(`  Best practices whose outcome flipped (${decided.length}):`);
    for (const f of decided) {
      const better = f.after === 'met' || (f.before === 'notMet' && f.after === 'acceptedRisk');
      line(`    ${f.id.padEnd(11)} ${OUTCOME_WORDS[f.before]} -> ${OUTCOME_WORDS[f.after]}: ${f.title}`, better ? 'green' : 'red');
    }
  }
  if (arrived.length > 0) out.push(...wrap(`Newly evaluated (${arrived.length}): ${arrived.map((f) => `${f.id} ${OUTCOME_WORDS[f.after]}`).join(', ')}`, width, '  '));
  if (left.length > 0) out.push(...wrap(`No longer evaluated, their resources left (${left.length}): ${left.map((f) => f.id).join(', ')}`, width, '  '));

  out.push('');
  const { dataSafety } = diff;
  const colour = { unchanged: 'green', retained: 'yellow', 'comes-back-empty': 'yellow', 'data-loss': 'red' } as const;
  line(`Data safety: ${DATA_VERDICT_WORDS[dataSafety.verdict]}`, colour[dataSafety.verdict]);
  // One sentence per fate, naming every resource it applies to, keeps the verdict to a few lines.
  const groups = new Map<string, string[]>();
  for (const i of dataSafety.items) {
    const note = i.announced === false ? ', not announced as retired' : '';
    groups.set(i.explanation, [...(groups.get(i.explanation) ?? []), `${i.path} (${shortType(i.type)}${note})`]);
  }
  for (const [explanation, names] of groups) {
    out.push(...wrap(`${names.join(', ')}: ${explanation}.`, width, '  '));
  }
  return out.join('\n');
}

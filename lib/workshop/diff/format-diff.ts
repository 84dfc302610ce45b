import { PILLAR_LABEL } from '../../checks/framework/pillars';
import { dollars, formatCostChange } from '../../cost';
import { painter, Style, Terminal, wrap, wrapAfter, wrapList } from '../cli/terminal';
import { deploymentLabel, VARIANT_WORDS } from '../synth/deployment';
import { shortPath, shortType } from './services';
import { DATA_VERDICT_WORDS, removalNote, ResourceChange, StageDiff } from './stage-diff';

/** How many resources of one kind and service `--resources` names before the rest are counted. */
const NAMED_PER_GROUP = 4;

/** How many services a brief diff names (those with the most changes). */
const BRIEF_SERVICES = 8;

/** How many IAM statements and security-group rules `--resources` names. */
const NAMED_PERMISSIONS = 6;

const OUTCOME_WORDS: Record<string, string> = { met: 'met', notMet: 'not met', acceptedRisk: 'accepted risk', notEvaluated: 'not evaluated' };

const signed = (n: number | null) => (n === null ? '-' : n > 0 ? `+${n}` : String(n));

/** How many resources whose bill moves most are named under the cost change. */
const COST_LINES = 3;

const signedDollars = (usd: number) => `${usd > 0 ? '+' : usd < 0 ? '-' : ''}${dollars(Math.abs(usd))}`;

/** Options of {@link formatStageDiff}. */
export interface FormatDiffOptions {
  /**
   * One projector screen (40 lines at most): the story's reasons, the pillar change, the data verdict
   * and one line each for resources and permissions.
   * @default false
   */
  readonly brief?: boolean;
  /**
   * Name every resource, IAM statement and security-group rule by construct path, service by service
   * (otherwise resources are counted per service).
   * @default false
   */
  readonly resources?: boolean;
  /**
   * Heading of the diff.
   * @default - `<stack>: <study> <from> <slug> -> <to> <slug> (<deployment>)`
   */
  readonly title?: string;
  /**
   * Print the story of the step (omitted when both sides are the same stage, as with --baseline).
   * @default true
   */
  readonly story?: boolean;
  /**
   * The command that prints the whole diff, named at the end of a brief one.
   * @default - none
   */
  readonly fullCommand?: string;
  /**
   * How the pillar table names the two sides (at most 9 characters each).
   * @default - `stage <from>` and `stage <to>`
   */
  readonly sides?: { readonly before: string; readonly after: string };
}

/**
 * The diff as text for a terminal, the lesson first: the story of the step, the pillar change with its
 * coverage, the data verdict; then resources folded per service, permissions and network. Every line
 * fits the width (prose wraps; a link too long for the width stands whole on its own line).
 */
export function formatStageDiff(diff: StageDiff, terminal: Terminal, options: FormatDiffOptions = {}): string {
  const paint = painter(terminal);
  const width = terminal.width;
  const out: string[] = [];
  const push = (lines: string[], style?: Style) => out.push(...lines.map((l) => (style ? paint(style, l) : l)));
  const para = (text: string, indent: string, style?: Style) => push(wrap(text, width, indent), style);
  const hanging = (prefix: string, text: string, style?: Style, indent = ' '.repeat(prefix.length)) => push(wrapAfter(prefix, text, width, indent), style);
  const brief = options.brief ?? false;
  const deployment = { variant: diff.deployment.variant, context: diff.deployment.context ?? {} };

  const arrow = diff.direction === 'forward' ? '->' : '<- back to';
  para(options.title ?? `${diff.stackName}: ${diff.study} ${diff.from.stage} ${diff.from.slug} ${arrow} ${diff.to.stage} ${diff.to.slug} (${deploymentLabel(deployment)})`, '', 'bold');

  if (options.story ?? true) {
    out.push('');
    para(diff.direction === 'forward' ? 'Why (the story of this step)' : 'What going back undoes', '', 'bold');
    for (const s of diff.story) {
      para(`Stage ${s.stage}: ${s.title}`, '  ', 'cyan');
      para(s.reason, '    ');
      if (brief) continue;
      for (const a of s.adds) hanging(`    ${diff.direction === 'forward' ? '+' : '-'} `, a);
      for (const r of s.retires) hanging(`    ${diff.direction === 'forward' ? '-' : '+'} `, r);
    }
  }

  out.push('');
  pillars(diff, brief, deployment.variant);
  out.push('');
  dataSafety(diff, brief);
  out.push('');
  resources(diff, brief || !options.resources);
  if (brief && options.fullCommand) push([`(the whole diff: ${options.fullCommand})`], 'dim');
  return out.join('\n');

  function pillars(d: StageDiff, short: boolean, variant: typeof deployment.variant): void {
    para(`Pillars, ${deploymentLabel(deployment)} (0-100${short ? '' : `; ${VARIANT_WORDS[variant]}`})`, '', 'bold');
    // Score and compliance before, after and their change, then coverage: a score never stands alone.
    const ps = d.scorecard.pillars;
    const cells = (values: string[]) => values.map((v) => v.padStart(7)).join('');
    const row = (label: string, values: string[]) => out.push(`  ${label.padEnd(21)}${cells(values)}`);
    const percent = (n: number | null) => (n === null ? '-' : `${n}%`);
    const before = options.sides?.before ?? `stage ${d.from.stage}`;
    const after = options.sides?.after ?? `stage ${d.to.stage}`;
    row('', ps.map((p) => PILLAR_LABEL[p.pillar]));
    row(`score       ${before}`, ps.map((p) => `${p.before ?? '-'}${p.undecided.before > 0 ? '?' : ''}`));
    row(`            ${after}`, ps.map((p) => `${p.after ?? '-'}${p.undecided.after > 0 ? '?' : ''}`));
    row('            change', ps.map((p) => signed(p.delta)));
    if (!short) {
      row(`compliance  ${before}`, ps.map((p) => percent(p.compliance.before)));
      row(`            ${after}`, ps.map((p) => percent(p.compliance.after)));
      row('            change', ps.map((p) => signed(p.compliance.delta)));
    }
    row(`evaluated   ${before}`, ps.map((p) => `${p.coverage.before.evaluated}/${p.coverage.before.framework}`));
    row(`            ${after}`, ps.map((p) => `${p.coverage.after.evaluated}/${p.coverage.after.framework}`));
    if (!short) para('(score: best practices met; compliance: compliant rule-resource evaluations; ? = undecided)', '  ', 'dim');
    // The cost pillar in dollars, beside its score: what the step does to the monthly bill.
    const costStyle = d.cost.change > 0.005 ? 'red' : d.cost.change < -0.005 ? 'green' : undefined;
    hanging('  Cost: ', formatCostChange(d.cost), costStyle);
    if (!short) {
      for (const r of d.cost.resources.slice(0, COST_LINES)) {
        const moved = r.before === 0 ? 'new' : r.after === 0 ? 'gone' : `${dollars(r.before)} -> ${dollars(r.after)}`;
        hanging(`    ${signedDollars(r.change).padStart(11)}  `, `${r.path ? shortPath(r.path, d.stackName) : r.logicalId}  ${shortType(r.resourceType)} (${moved})`);
      }
      if (d.cost.resources.length > COST_LINES) para(`... ${d.cost.resources.length - COST_LINES} more resource(s) change cost (--json lists them)`, '    ', 'dim');
    }
    // Outcomes that changed are the lesson; practices that merely (stop being) evaluated because their
    // resources left or arrived are summed up by id.
    const decided = d.scorecard.flipped.filter((f) => f.before !== 'notEvaluated' && f.after !== 'notEvaluated');
    const better = (f: (typeof decided)[number]) => f.after === 'met' || (f.before === 'notMet' && f.after === 'acceptedRisk');
    const arrived = d.scorecard.flipped.filter((f) => f.before === 'notEvaluated');
    const left = d.scorecard.flipped.filter((f) => f.after === 'notEvaluated');
    if (short) {
      const improved = decided.filter(better);
      const worse = decided.filter((f) => !better(f));
      const list = (label: string, flips: typeof decided, style: Style) =>
        push(wrapList(`  ${label} (${flips.length}): `, flips.map((f) => `${f.id} ${OUTCOME_WORDS[f.after]}`), width, '    '), style);
      if (improved.length > 0) list('Better', improved, 'green');
      if (worse.length > 0) list('Worse', worse, 'red');
      if (arrived.length + left.length > 0) para(`Newly evaluated: ${arrived.length}; no longer evaluated (their resources left): ${left.length}`, '  ', 'dim');
      return;
    }
    if (decided.length > 0) {
      out.push(`  Best practices whose outcome flipped (${decided.length}):`);
      for (const f of decided) {
        hanging(`    ${f.id.padEnd(11)} `, `${OUTCOME_WORDS[f.before]} -> ${OUTCOME_WORDS[f.after]}: ${f.title}`, better(f) ? 'green' : 'red', '                ');
        // A cut link is useless: indented where it fits whole, else whole on a line of its own.
        push([f.url.length + 6 <= width ? `      ${f.url}` : f.url], 'dim');
      }
    }
    if (arrived.length > 0) para(`Newly evaluated (${arrived.length}): ${arrived.map((f) => `${f.id} ${OUTCOME_WORDS[f.after]}`).join(', ')}`, '  ');
    if (left.length > 0) para(`No longer evaluated, their resources left (${left.length}): ${left.map((f) => f.id).join(', ')}`, '  ');
  }

  function dataSafety(d: StageDiff, short: boolean): void {
    const colour = { unchanged: 'green', retained: 'yellow', 'comes-back-empty': 'yellow', 'data-loss': 'red' } as const;
    para(`Data safety: ${DATA_VERDICT_WORDS[d.dataSafety.verdict]}`, '', colour[d.dataSafety.verdict]);
    // One sentence per fate, naming every resource it applies to, keeps the verdict to a few lines.
    const groups = new Map<string, string[]>();
    for (const i of d.dataSafety.items) {
      const note = i.announced === false ? ', not announced as retired' : '';
      groups.set(i.explanation, [...(groups.get(i.explanation) ?? []), short ? i.path : `${i.path} (${shortType(i.type)}${note})`]);
    }
    for (const [explanation, names] of groups) para(short ? `${names.join(', ')}: ${explanation.split(/[;(]/)[0].trim()}.` : `${names.join(', ')}: ${explanation}.`, '  ');
  }

  function resources(d: StageDiff, folded: boolean): void {
    const { summary } = d;
    const retained = d.services.flatMap((s) => s.removed).filter((r) => r.retained).length;
    para(
      `Resources: +${summary.added} added, -${summary.removed} removed (${retained} retained), ${summary.replaced} replaced, ${summary.changed} changed` +
        (folded ? ', by service:' : ''),
      '',
      'bold',
    );
    const counts = (s: StageDiff['services'][number]) =>
      [
        s.added.length ? `+${s.added.length}` : '',
        s.removed.length ? `-${s.removed.length}` : '',
        s.replaced.length ? `${s.replaced.length} replaced` : '',
        s.changed.length ? `~${s.changed.length}` : '',
      ].filter(Boolean);
    if (folded && d.services.length > 0) {
      // One screen names the services that change most; the rest are counted.
      const size = (s: StageDiff['services'][number]) => s.added.length + s.removed.length + s.replaced.length + s.changed.length;
      const shown = brief ? [...d.services].sort((a, b) => size(b) - size(a)).slice(0, BRIEF_SERVICES) : d.services;
      const rest = d.services.length - shown.length;
      push(wrapList('  ', [...shown.map((s) => `${s.service} ${counts(s).join(' ')}`), ...(rest > 0 ? [`${rest} more services`] : [])], width, '  '));
    } else if (!folded) {
      if (summary.noiseOnly > 0) para(`(${summary.noiseOnly} more resources changed only tags or asset hashes: folded away)`, '  ', 'dim');
      const item = (sign: string, r: ResourceChange, style: Style) => {
        const note = r.change === 'removed' ? removalNote(r) : undefined;
        const detail = note ? ` (${note})` : r.properties && r.properties.length > 0 ? ` (${r.properties.join(', ')})` : '';
        const cause = r.replacementCauses && r.replacementCauses.length > 0 ? ` replaced by a change of ${r.replacementCauses.join(', ')}` : '';
        hanging(`      ${sign} `, `${r.path}  ${shortType(r.type)}${detail}${cause}`, style, '          ');
      };
      for (const service of d.services) {
        out.push(`  ${service.service.padEnd(24)} ${counts(service).join('  ')}`);
        for (const [list, sign, style] of [
          [service.added, '+', 'green'],
          [service.removed, '-', 'red'],
          [service.replaced, '!', 'yellow'],
          [service.changed, '~', 'yellow'],
        ] as const) {
          for (const r of list.slice(0, NAMED_PER_GROUP)) item(sign, r, style);
          if (list.length > NAMED_PER_GROUP) push([`      ${sign} ... ${list.length - NAMED_PER_GROUP} more`], 'dim');
        }
      }
    }
    if (!brief && d.outputs.added.length + d.outputs.removed.length > 0) {
      para(`Outputs: ${[...d.outputs.added.map((o) => `+${o}`), ...d.outputs.removed.map((o) => `-${o}`)].join(' ')}`, '  ');
    }
    const { iam } = d;
    const existing = iam.grantsAdded > 0 ? ` (${iam.grantsToExistingPrincipals} to roles that existed before)` : '';
    para(
      `IAM: permissions broadened: ${iam.broadened ? 'yes' : 'no'}, ${iam.grantsAdded} grant(s) added${existing}` +
        `${iam.denialsRemoved > 0 ? `, ${iam.denialsRemoved} Deny removed` : ''}; narrowed: ${iam.narrowed ? 'yes' : 'no'}, ` +
        `${iam.grantsRemoved} grant(s) removed${iam.denialsAdded > 0 ? `, ${iam.denialsAdded} Deny added` : ''}`,
      '',
      'bold',
    );
    if (!folded) {
      const added = iam.changes.filter((c) => c.change === 'added');
      for (const c of added.slice(0, NAMED_PERMISSIONS)) {
        const what = c.kind === 'statement' ? `${c.effect} ${(c.actions ?? []).join(' ')} on ${c.resource} for ${c.principal}` : `managed policy ${c.managedPolicyArn} on ${c.resource}`;
        hanging('  + ', what.replace(/\s+/g, ' '), c.effect === 'Deny' ? 'yellow' : 'green');
      }
      if (added.length > NAMED_PERMISSIONS) push([`  + ... ${added.length - NAMED_PERMISSIONS} more (--json lists them)`], 'dim');
    }
    const rules = d.network.securityGroupRules;
    para(
      `Network: ${d.network.resources.length} network resource(s) changed, ${rules.filter((r) => r.change === 'added').length} security-group rule(s) added, ` +
        `${rules.filter((r) => r.change === 'removed').length} removed`,
      '',
      'bold',
    );
    if (!folded) {
      for (const r of rules.filter((rule) => rule.change === 'added').slice(0, NAMED_PERMISSIONS)) {
        hanging('  + ', `${r.direction} ${r.protocol} ${r.direction === 'ingress' ? 'from' : 'to'} ${r.peer} on ${r.group}`.replace(/\s+/g, ' '), 'green');
      }
    }
    if (folded && !brief) push(['  (--resources names every resource, permission and rule by construct path)'], 'dim');
  }
}

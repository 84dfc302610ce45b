import { FRAMEWORK_VERSION } from './best-practices';
import { frameworkCoverage, PillarCoverage } from './coverage';
import { PILLAR_LABEL } from './pillars';

const percent = (part: number, whole: number) => (whole === 0 ? '-' : `${Math.round((100 * part) / whole)}%`);

/**
 * Per pillar: classified counts, how many checkable practices have a rule, then the open backlog
 * (every practice a template can show, wholly or in part, that no rule is mapped to yet).
 */
export function formatFrameworkCoverage(coverage: readonly PillarCoverage[] = frameworkCoverage()): string {
  const rows = [['pillar', 'total', 'template', 'partial', 'review', 'template with rule', 'partial with rule', 'backlog']];
  for (const c of coverage) {
    rows.push([
      PILLAR_LABEL[c.pillar], String(c.total), String(c.classified.template), String(c.classified.partial), String(c.classified.review),
      `${c.templateWithRule} (${percent(c.templateWithRule, c.classified.template)})`,
      `${c.partialWithRule} (${percent(c.partialWithRule, c.classified.partial)})`, String(c.backlog.length),
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = [`Well-Architected Framework ${FRAMEWORK_VERSION}: what the packs can evaluate (lib/checks/framework/bp-classification.json)`, ''];
  for (const r of rows) lines.push(r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
  lines.push('', 'Open backlog: practices a template can show, with no rule mapped yet');
  for (const c of coverage) {
    if (c.backlog.length === 0) continue;
    lines.push('', PILLAR_LABEL[c.pillar]);
    for (const bp of c.backlog) {
      const what = bp.classification.class === 'partial' ? `partial: ${bp.classification.part}` : 'template';
      lines.push(`  ${bp.id}  ${bp.title}  [${what}]`);
    }
  }
  return `${lines.join('\n')}\n`;
}

import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { Evaluation } from './ledger';

/** An acknowledgement that no finding used: the flaw it accepted is gone, or it never matched. */
export interface StaleAcknowledgement {
  /** Construct path the acknowledgement was made on. */
  readonly scope: string;
  /** The acknowledged id as stored, e.g. `AwsSolutions::AwsSolutions-S1`. */
  readonly id: string;
  readonly reason: string;
}

/** The rule (with its finding, if any) an acknowledgement id names for one of the packs, or undefined. */
function ruleOf(id: string, packs: readonly string[]): string | undefined {
  for (const pack of packs) {
    const namespace = `${pack.replace(/ /g, '-')}::`;
    if (id.startsWith(namespace)) return id.slice(namespace.length);
  }
  const plain = id.replace(/^annotation::/i, '');
  return plain !== id && packs.some((pack) => plain.startsWith(`${pack}-`)) ? plain : undefined;
}

/**
 * Acknowledgements of the packs' rules under `root` that matched no finding of the last check. After
 * a team fixes a flaw, its acknowledgement lingers and would silently accept the flaw if it came back;
 * listing it tells them to remove it.
 */
export function staleAcknowledgements(root: IConstruct, evaluations: readonly Evaluation[], packs: readonly string[]): StaleAcknowledgement[] {
  const used = new Set(
    evaluations
      .filter((e) => e.outcome === 'acknowledged' && e.acknowledgedAt !== undefined)
      .map((e) => `${e.acknowledgedAt}|${e.ruleId}${e.finding !== undefined ? `[${e.finding}]` : ''}`),
  );
  const stale: StaleAcknowledgement[] = [];
  for (const construct of root.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
        const rule = ruleOf(id, packs);
        if (rule !== undefined && !used.has(`${construct.node.path}|${rule}`)) stale.push({ scope: construct.node.path, id, reason });
      }
    }
  }
  return stale;
}

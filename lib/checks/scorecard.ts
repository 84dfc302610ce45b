import { allBestPractices, bestPractice, BestPractice, FRAMEWORK_VERSION } from './framework/best-practices';
import { PILLARS, Pillar, RISK_WEIGHT } from './framework/pillars';
import { allRuleMappings, bestPracticesOfRule, mappingOfRule } from './framework/rule-mapping';
import { Evaluation, Outcome } from './ledger';
import { StaleAcknowledgement } from './stale-acknowledgements';

/** How much of a pillar was looked at: the context that keeps a score of 100 from overclaiming. */
export interface PillarCoverage {
  /** Best practices of the pillar evaluated on this stack (at least one rule mapped to it applied). */
  readonly evaluated: number;
  /** Best practices of the pillar that any rule of the two packs is mapped to: the most `evaluated` can reach. */
  readonly evaluable: number;
  /** Best practices of the pillar in the pinned framework version. */
  readonly framework: number;
}

/** How one pillar of one stack scores. */
export interface PillarScore {
  /**
   * Risk-weighted share of the evaluated best practices that are met, 0-100 (rounded); null when no
   * best practice of the pillar was evaluated. Counts practices, as the Well-Architected Tool does.
   */
  readonly score: number | null;
  /**
   * Risk-weighted share of the rule-resource evaluations behind the pillar that are compliant, 0-100
   * (rounded), as AWS Config scores a conformance pack; acknowledged ones count as not compliant.
   * Null when nothing was evaluated. Counts resources, so a second flaw behind an already failing
   * practice still moves it.
   */
  readonly compliance: number | null;
  readonly coverage: PillarCoverage;
  readonly bestPracticesMet: number;
  readonly bestPracticesEvaluated: number;
  /** Findings (rule × resource) behind the pillar that are neither fixed nor acknowledged. */
  readonly openFindings: number;
  /** Findings acknowledged with a reason: deliberate or accepted trade-offs. They never count as met. */
  readonly acceptedRisks: number;
  /** Rule-resource evaluations behind the pillar whose rule threw: no evidence either way (see `undecided`). */
  readonly undecided: number;
}

/** One rule's verdict on one resource, as evidence for a best practice. */
export interface EvidenceItem {
  readonly rule: string;
  readonly finding?: string;
  readonly pack: string;
  readonly resource: string;
  readonly resourceType: string;
  readonly outcome: Outcome;
  readonly reason?: string;
}

/** `met` when all its evidence is compliant; `acceptedRisk` when the only gaps are acknowledged. */
export type BestPracticeOutcome = 'met' | 'notMet' | 'acceptedRisk';

/** An evaluated best practice with its outcome and the evidence behind it. */
export interface BestPracticeResult extends BestPractice {
  readonly outcome: BestPracticeOutcome;
  readonly evidence: readonly EvidenceItem[];
}

/** Labels a scorecard carries when its stack is one of this project's case studies. */
export interface ScorecardLabels {
  readonly study: string;
  readonly stage: number;
  readonly stageSlug: string;
}

/** The Well-Architected scorecard of one stack. The schema is documented in docs/scorecard.md. */
export interface Scorecard extends Partial<ScorecardLabels> {
  readonly schemaVersion: 1;
  readonly stack: string;
  readonly frameworkVersion: string;
  readonly pillars: Record<Pillar, PillarScore>;
  /** Every evaluated best practice, in framework order. */
  readonly bestPractices: readonly BestPracticeResult[];
  /**
   * Rules that could not decide on a resource (they threw, usually on a value known only at deploy
   * time). They give no evidence either way; their findings are still reported and must be fixed or
   * acknowledged like any other.
   */
  readonly undecided: readonly (EvidenceItem & { readonly error: string })[];
  /** Rule ids that produced results but have no row in the mapping (a test keeps this empty). */
  readonly unmappedRules: readonly string[];
  /**
   * Every finding of the packs on this stack, one per rule, finding and resource, whether or not its
   * rule gives evidence for a best practice: the same findings `validation-report.json` lists.
   */
  readonly findings: FindingCounts;
  /**
   * Acknowledgements of the packs' rules in this stack that no finding used: the flaw they accepted is
   * gone (or they never matched), and they would silently accept it if it came back. Remove them.
   */
  readonly staleAcknowledgements: readonly StaleAcknowledgement[];
}

/** How many findings are open (neither fixed nor acknowledged) and how many are accepted. */
export interface FindingCounts {
  readonly open: number;
  readonly accepted: number;
}

function findingCounts(evaluations: readonly Evaluation[]): FindingCounts {
  const open = new Set<string>();
  const accepted = new Set<string>();
  for (const e of evaluations) {
    const key = `${e.pack}|${e.ruleId}|${e.finding ?? ''}|${e.resourcePath}`;
    if (e.outcome === 'nonCompliant') open.add(key);
    if (e.outcome === 'acknowledged') accepted.add(key);
  }
  return { open: open.size, accepted: accepted.size };
}

function outcomeOf(evidence: readonly EvidenceItem[]): BestPracticeOutcome {
  if (evidence.some((e) => e.outcome === 'nonCompliant')) return 'notMet';
  if (evidence.some((e) => e.outcome === 'acknowledged')) return 'acceptedRisk';
  return 'met';
}

/** Best practices per pillar: those any mapped rule evidences, and all of the pinned framework. */
let totals: { readonly evaluable: Map<Pillar, number>; readonly framework: Map<Pillar, number> } | undefined;

/** Counted on first use from rule-mapping.json and the catalog, never hard-coded. */
function pillarTotals(): NonNullable<typeof totals> {
  if (totals) return totals;
  const mapped = new Set(Object.values(allRuleMappings()).flatMap((row) => row.bestPractices.map((m) => m.bp)));
  const evaluable = new Map<Pillar, number>();
  const framework = new Map<Pillar, number>();
  for (const bp of allBestPractices()) {
    framework.set(bp.pillar, (framework.get(bp.pillar) ?? 0) + 1);
    if (mapped.has(bp.id)) evaluable.set(bp.pillar, (evaluable.get(bp.pillar) ?? 0) + 1);
  }
  return (totals = { evaluable, framework });
}

/** A pillar's coverage: best practices evaluated, those the packs can evaluate at all, and the framework's total. */
export function pillarCoverage(pillar: Pillar, evaluated: number): PillarCoverage {
  const { evaluable, framework } = pillarTotals();
  return { evaluated, evaluable: evaluable.get(pillar) ?? 0, framework: framework.get(pillar) ?? 0 };
}

/**
 * Risk-weighted compliance of a pillar's best practices: one rule-resource combination per rule and
 * resource (a rule's several findings on one resource count once, non-compliant if any is), counted
 * once for each best practice it evidences with that practice's weight. Acknowledged counts as not
 * compliant: an accepted risk is still a risk, and acknowledging must not raise the number.
 */
function compliance(results: readonly BestPracticeResult[]): number | null {
  let compliant = 0;
  let total = 0;
  for (const r of results) {
    const allCompliant = new Map<string, boolean>();
    for (const e of r.evidence) {
      const key = `${e.pack}|${e.rule}|${e.resource}`;
      allCompliant.set(key, (allCompliant.get(key) ?? true) && e.outcome === 'compliant');
    }
    const weight = RISK_WEIGHT[r.risk];
    for (const ok of allCompliant.values()) {
      total += weight;
      if (ok) compliant += weight;
    }
  }
  return total === 0 ? null : Math.round((100 * compliant) / total);
}

function pillarScore(pillar: Pillar, results: readonly BestPracticeResult[], evaluations: readonly Evaluation[], undecided: readonly EvidenceItem[]): PillarScore {
  const evaluated = results.filter((r) => r.pillar === pillar);
  const met = evaluated.filter((r) => r.outcome === 'met');
  const weight = (list: readonly BestPracticeResult[]) => list.reduce((sum, r) => sum + RISK_WEIGHT[r.risk], 0);
  const inPillar = evaluations.filter((e) => bestPracticesOfRule(e.ruleId).some((m) => bestPractice(m.bp).pillar === pillar));
  return {
    score: evaluated.length === 0 ? null : Math.round((100 * weight(met)) / weight(evaluated)),
    compliance: compliance(evaluated),
    coverage: pillarCoverage(pillar, evaluated.length),
    bestPracticesMet: met.length,
    bestPracticesEvaluated: evaluated.length,
    openFindings: inPillar.filter((e) => e.outcome === 'nonCompliant').length,
    acceptedRisks: inPillar.filter((e) => e.outcome === 'acknowledged').length,
    undecided: undecided.filter((e) => bestPracticesOfRule(e.rule).some((m) => bestPractice(m.bp).pillar === pillar)).length,
  };
}

/**
 * Scores one stack from the evaluations of its resources. A best practice is met when every
 * evaluation mapped to it is compliant; not-applicable results never reach here, and a rule that
 * could not decide gives no evidence; an acknowledged finding is an accepted risk and never counts
 * as met. A pillar's score is the risk-weighted share (high 3, medium 2, low 1) of its evaluated best
 * practices that are met; its compliance the risk-weighted share of compliant rule-resource
 * evaluations. What adding a resource can do to each is stated in docs/scorecard.md.
 */
export function scoreStack(
  stack: string,
  evaluations: readonly Evaluation[],
  labels?: ScorecardLabels,
  staleAcknowledgements: readonly StaleAcknowledgement[] = [],
): Scorecard {
  const evidence = new Map<string, EvidenceItem[]>();
  const unmapped = new Set<string>();
  const undecided: Scorecard['undecided'][number][] = [];
  for (const e of evaluations) {
    if (!mappingOfRule(e.ruleId)) {
      unmapped.add(e.ruleId);
      continue;
    }
    const mapped = bestPracticesOfRule(e.ruleId);
    const item: EvidenceItem = {
      rule: e.ruleId,
      ...(e.finding ? { finding: e.finding } : {}),
      pack: e.pack,
      resource: e.resourcePath,
      resourceType: e.resourceType,
      outcome: e.outcome,
      ...(e.reason ? { reason: e.reason } : {}),
    };
    if (e.error !== undefined) {
      undecided.push({ ...item, error: e.error });
      continue;
    }
    for (const { bp } of mapped) evidence.set(bp, [...(evidence.get(bp) ?? []), item]);
  }
  const order = (bp: BestPractice) => `${PILLARS.indexOf(bp.pillar)}:${bp.id}`;
  const results: BestPracticeResult[] = [...evidence.entries()]
    .map(([id, items]) => ({ ...bestPractice(id), outcome: outcomeOf(items), evidence: items }))
    .sort((a, b) => order(a).localeCompare(order(b)));
  const decided = evaluations.filter((e) => e.error === undefined);
  const pillars = Object.fromEntries(PILLARS.map((p) => [p, pillarScore(p, results, decided, undecided)])) as Record<Pillar, PillarScore>;
  return {
    schemaVersion: 1,
    stack,
    ...(labels ?? {}),
    frameworkVersion: FRAMEWORK_VERSION,
    pillars,
    bestPractices: results,
    undecided,
    unmappedRules: [...unmapped].sort(),
    findings: findingCounts(evaluations),
    staleAcknowledgements,
  };
}

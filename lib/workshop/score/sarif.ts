import { createHash } from 'node:crypto';
import { bestPractice } from '../../checks/framework/best-practices';

import { bestPracticesOfRule } from '../../checks/framework/rule-mapping';
import { WELL_ARCHITECTED_RULES } from '../../checks/packs/well-architected';
import { EvidenceItem } from '../../checks/scorecard';
import { shortPath } from '../diff/services';
import { SourceLocation, StageSnapshot } from '../synth/stage-snapshot';

/** SARIF 2.1.0, as far as this writer fills it in (the OASIS standard's names). */
export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly SarifRun[];
}
type SarifLevel = 'error' | 'warning' | 'note';
interface SarifRun {
  tool: { driver: { name: string; informationUri?: string; semanticVersion: string; rules: SarifRule[] } };
  automationDetails: { id: string; description: { text: string } };
  results: SarifResult[];
}
interface SarifRule {
  id: string;
  shortDescription: { text: string };
  helpUri: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[] };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: Array<{ physicalLocation?: object; logicalLocations: Array<{ fullyQualifiedName: string; kind: string }> }>;
  relatedLocations?: Array<{ id: number; physicalLocation: object; message: { text: string } }>;
  partialFingerprints: Record<string, string>;
  suppressions?: Array<{ kind: 'inSource'; status: 'accepted'; justification: string }>;
}

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const LEVEL = { HIGH: 'error', MEDIUM: 'warning', LOW: 'note' } as const;
const RISK_ORDER = ['HIGH', 'MEDIUM', 'LOW'] as const;

/** What the project's own rules say a finding means; AWS Solutions findings are named by their rule id. */
const RULE_INFO = new Map(WELL_ARCHITECTED_RULES.map((r) => [`WellArchitected-${r.rule.name}`, r]));

function physical(location: SourceLocation) {
  return { artifactLocation: { uri: location.file, uriBaseId: '%SRCROOT%' }, region: { startLine: location.line, startColumn: location.column } };
}

function ruleOf(ruleId: string): SarifRule {
  const practices = bestPracticesOfRule(ruleId).map((m) => bestPractice(m.bp));
  const worst = RISK_ORDER.find((risk) => practices.some((p) => p.risk === risk)) ?? 'LOW';
  const info = RULE_INFO.get(ruleId);
  const summary = info ? info.info : `${ruleId} found a resource that does not follow the best practices below.`;
  const list = practices.map((p) => `${p.id} ${p.title} (${p.risk} risk): ${p.url}`);
  return {
    id: ruleId,
    shortDescription: { text: summary },
    helpUri: practices[0]?.url ?? 'https://docs.aws.amazon.com/wellarchitected/latest/framework/welcome.html',
    help: {
      text: [info?.explanation, ...list].filter(Boolean).join('\n'),
      markdown: [info?.explanation, ...practices.map((p) => `- [${p.id} ${p.title}](${p.url}) (${p.risk} risk)`)].filter(Boolean).join('\n'),
    },
    defaultConfiguration: { level: LEVEL[worst] },
    properties: { tags: ['well-architected', ...new Set(practices.map((p) => p.pillar))] },
  };
}

/** Every finding of a stage (rule × resource × finding), once, however many best practices it evidences. */
function findingsOf(snapshot: StageSnapshot): EvidenceItem[] {
  const seen = new Map<string, EvidenceItem>();
  for (const bp of snapshot.scorecard.bestPractices) {
    for (const e of bp.evidence) {
      if (e.outcome === 'compliant') continue;
      seen.set(`${e.rule}|${e.finding ?? ''}|${e.resource}`, e);
    }
  }
  return [...seen.values()].sort((a, b) => a.rule.localeCompare(b.rule) || a.resource.localeCompare(b.resource));
}

function runOf(snapshot: StageSnapshot, version: string): SarifRun {
  const findings = findingsOf(snapshot);
  const ruleIds = [...new Set(findings.map((f) => f.rule))].sort();
  const rules = ruleIds.map(ruleOf);
  const byPath = new Map(Object.values(snapshot.resources).map((r) => [r.path, r]));
  const results = findings.map((f): SarifResult => {
    const resource = byPath.get(f.resource);
    const practices = bestPracticesOfRule(f.rule).map((m) => bestPractice(m.bp));
    const worst = RISK_ORDER.find((risk) => practices.some((p) => p.risk === risk)) ?? 'LOW';
    const where = shortPath(f.resource, snapshot.stackName);
    const against = practices.map((p) => `${p.id} ${p.title}`).join('; ');
    return {
      ruleId: f.rule,
      ruleIndex: ruleIds.indexOf(f.rule),
      level: LEVEL[worst],
      message: {
        text: `${snapshot.study} stage ${snapshot.stage} (${snapshot.slug}): ${where} (${f.resourceType})${f.finding ? ` [${f.finding}]` : ''}` +
          `${RULE_INFO.get(f.rule) ? `: ${RULE_INFO.get(f.rule)!.info}` : ''}${against ? ` Best practice: ${against}.` : ''}`,
      },
      locations: [
        {
          ...(resource?.createdAt ? { physicalLocation: physical(resource.createdAt) } : {}),
          logicalLocations: [{ fullyQualifiedName: f.resource, kind: 'resource' }],
        },
      ],
      ...(resource?.composedAt
        ? { relatedLocations: [{ id: 1, physicalLocation: physical(resource.composedAt), message: { text: `where stage ${snapshot.stage} composes it` } }] }
        : {}),
      partialFingerprints: {
        'waFinding/v1': createHash('sha256').update(`${snapshot.study}|${snapshot.stage}|${f.rule}|${f.finding ?? ''}|${f.resource}`).digest('hex'),
      },
      ...(f.outcome === 'acknowledged' ? { suppressions: [{ kind: 'inSource' as const, status: 'accepted' as const, justification: f.reason ?? '' }] } : {}),
    };
  });
  return {
    tool: { driver: { name: 'wa-stages', semanticVersion: version, rules } },
    automationDetails: {
      id: `wa-stages/${snapshot.study}/${snapshot.stage}/${snapshot.variant}/`,
      description: { text: `${snapshot.stackName} at ${snapshot.study} stage ${snapshot.stage} (${snapshot.slug}), ${snapshot.variant} deployment` },
    },
    results,
  };
}

/**
 * The findings of one or more stages as SARIF 2.1.0 for code-scanning tools: one run per stage,
 * rules linking to their best-practice pages, each result at the line that created the construct
 * (and the stage line that composed it), acknowledged findings as accepted suppressions.
 */
export function toSarif(snapshots: readonly StageSnapshot[], version: string): SarifLog {
  return { $schema: SCHEMA, version: '2.1.0', runs: snapshots.map((s) => runOf(s, version)) };
}


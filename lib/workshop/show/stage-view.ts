import { Pillar } from '../../checks/framework/pillars';
import { BestPracticeOutcome, EvidenceItem, PillarScore } from '../../checks/scorecard';
import { FindingTally, findingTally } from '../../checks/scorecard-table';
import { CaseStudyInfo } from '../../../stages/stage-info';
import { CostLine, stageCost, UnpricedResource } from '../../cost';
import { readableNames } from '../diff/readable-names';
import { serviceOf, shortPath } from '../diff/services';
import { DeploymentVariant, StageSnapshot } from '../synth/stage-snapshot';
import { TalkClaimView } from './talk-claim-view';
import { PillarAnswers, templateAnswers } from './template-answers';

/** Resources of one service in a stage. */
export interface ServiceResources {
  readonly service: string;
  readonly count: number;
  readonly types: ReadonlyArray<{ readonly type: string; readonly count: number }>;
}

/** A best practice as a stage's scorecard shows it, with the findings that decide it. */
export interface BestPracticeView {
  readonly id: string;
  readonly pillar: Pillar;
  readonly title: string;
  readonly risk: string;
  readonly url: string;
  readonly outcome: BestPracticeOutcome;
  /** The evidence that is not compliant (open or acknowledged), resource paths shortened. */
  readonly findings: ReadonlyArray<Pick<EvidenceItem, 'rule' | 'outcome'> & { readonly resource: string; readonly finding?: string; readonly reason?: string }>;
}

/** What a stage costs a month, in short: the full estimate is `wa-stages cost <study> <stage>`. */
export interface StageCostView {
  /** The load profile: the one of the snapshot's deployment (`workshop`: deployed, nobody using it). */
  readonly load: string;
  readonly region: string;
  /** USD a month; unpriced resources are not in it. */
  readonly total: number;
  /** The largest lines, largest first, construct paths shortened. */
  readonly topLines: readonly CostLine[];
  /** How many lines the estimate has in all. */
  readonly lineCount: number;
  /** Resources the model cannot price: never counted as free. */
  readonly unpriced: readonly UnpricedResource[];
}

/** How many of a stage's largest cost lines `show` names. */
export const SHOW_COST_LINES = 5;

/** The commands that deploy, diff and destroy a stage. */
export interface StageCommands {
  readonly deploy: string;
  readonly diff: string;
  readonly destroy: string;
}

/** What `wa-stages show` prints about one stage. */
export interface StageView {
  readonly study: string;
  readonly stackName: string;
  readonly stage: number;
  readonly slug: string;
  readonly title: string;
  readonly reason: string;
  readonly adds: readonly string[];
  readonly retires: readonly string[];
  /** The talk's own words about this stage's pillars, where it gives a framework view. */
  readonly talkSays?: string;
  /** The talk's claims about this stage, checked on the talk's deployment (whatever deployment the scorecard is of). */
  readonly talk?: TalkClaimView;
  readonly resources: { readonly total: number; readonly byService: readonly ServiceResources[] };
  readonly scorecard: {
    readonly deployment: DeploymentVariant;
    /** Context given on top of the deployment's (`-c key=value`); absent when none was. */
    readonly context?: Readonly<Record<string, string>>;
    readonly pillars: Record<Pillar, PillarScore>;
    /** Every finding of both packs, as the scorecard, `score` and `npm run check` count them. */
    readonly findings: FindingTally;
    readonly bestPractices: readonly BestPracticeView[];
    /** Rules that could not decide on a resource (they threw): no evidence either way, resource paths shortened. */
    readonly undecided: ReadonlyArray<{ readonly rule: string; readonly resource: string; readonly error: string }>;
    /** Acknowledgements that no finding uses any more (a fixed flaw's), scope paths shortened: remove them. */
    readonly staleAcknowledgements: ReadonlyArray<{ readonly id: string; readonly scope: string }>;
    /** Per pillar: how many practices the template answered, and the `review` practices left to the team. */
    readonly templateAnswers: readonly PillarAnswers[];
  };
  /** The estimated monthly bill under the load of the snapshot's deployment. */
  readonly cost: StageCostView;
  readonly commands: StageCommands;
}

/** The short cost view of a snapshot (the load of its deployment's name). */
export function stageCostView(snapshot: StageSnapshot, stackName: string): StageCostView {
  const estimate = stageCost(snapshot, snapshot.variant);
  const short = <T extends { path?: string }>(item: T): T => (item.path ? { ...item, path: shortPath(item.path, stackName) } : item);
  return {
    load: estimate.load,
    region: estimate.region,
    total: estimate.total,
    topLines: estimate.lines.slice(0, SHOW_COST_LINES).map(short),
    lineCount: estimate.lines.length,
    unpriced: estimate.unpriced.map(short),
  };
}

/** The commands for a stage, as the README runs them. */
export function stageCommands(study: CaseStudyInfo, stage: number): StageCommands {
  const context = `-c ${study.contextKey}=${stage}`;
  return {
    deploy: `npx cdk deploy ${study.stackName} ${context}`,
    diff: `npx cdk diff ${study.stackName} ${context}`,
    destroy: `npx cdk destroy ${study.stackName} ${context}`,
  };
}

/** Resources of a template counted by service and type, largest service first. */
export function resourcesByService(snapshot: StageSnapshot): ServiceResources[] {
  const byService = new Map<string, Map<string, number>>();
  for (const { type } of Object.values(snapshot.resources)) {
    const types = byService.get(serviceOf(type)) ?? new Map<string, number>();
    types.set(type, (types.get(type) ?? 0) + 1);
    byService.set(serviceOf(type), types);
  }
  return [...byService.entries()]
    .map(([service, types]) => ({
      service,
      count: [...types.values()].reduce((a, b) => a + b, 0),
      types: [...types.entries()].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
    }))
    .sort((a, b) => b.count - a.count || a.service.localeCompare(b.service));
}

/**
 * A stage's story, resources and scorecard as `show` presents them; `talk`, the talk's claims checked
 * on its own deployment, for a stage the talk gives a framework view of.
 */
export function stageView(study: CaseStudyInfo, snapshot: StageSnapshot, talk?: TalkClaimView): StageView {
  const info = study.stages.find((s) => s.id === snapshot.stage)!;
  // Construct paths as the stage's code names them, never CDK's hashed or generated ids.
  const names = readableNames(study.stackName, snapshot.resources);
  const readable = (resource: string) => names(shortPath(resource, study.stackName));
  return {
    study: study.contextKey,
    stackName: study.stackName,
    stage: info.id,
    slug: info.slug,
    title: info.title,
    reason: info.reason,
    adds: info.adds,
    retires: info.retires,
    ...(info.talk ? { talkSays: info.talk.says } : {}),
    ...(talk ? { talk } : {}),
    resources: { total: Object.keys(snapshot.resources).length, byService: resourcesByService(snapshot) },
    scorecard: {
      deployment: snapshot.variant,
      ...(snapshot.context ? { context: snapshot.context } : {}),
      pillars: snapshot.scorecard.pillars,
      findings: findingTally(snapshot.scorecard),
      bestPractices: snapshot.scorecard.bestPractices.map((bp) => ({
        id: bp.id,
        pillar: bp.pillar,
        title: bp.title,
        risk: bp.risk,
        url: bp.url,
        outcome: bp.outcome,
        findings: bp.evidence
          .filter((e) => e.outcome !== 'compliant')
          .map((e) => ({
            rule: e.rule,
            ...(e.finding ? { finding: e.finding } : {}),
            resource: readable(e.resource),
            outcome: e.outcome,
            ...(e.reason ? { reason: e.reason } : {}),
          })),
      })),
      undecided: snapshot.scorecard.undecided.map((u) => ({ rule: u.rule, resource: readable(u.resource), error: u.error })),
      staleAcknowledgements: (snapshot.scorecard.staleAcknowledgements ?? []).map((a) => ({ id: a.id, scope: readable(a.scope) })),
      templateAnswers: templateAnswers(snapshot.scorecard),
    },
    cost: stageCostView(snapshot, study.stackName),
    commands: stageCommands(study, info.id),
  };
}


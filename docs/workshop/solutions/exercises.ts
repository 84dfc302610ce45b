import { Stack } from 'aws-cdk-lib';
import { PILLAR_LABEL, PILLARS, Pillar } from '../../../lib/checks/framework/pillars';
import { putWafInFront } from './alb-web-acl';
import { addComponentDashboard } from './component-dashboard';
import { giveMonolithHeadroom } from './monolith-headroom';

/** How a pillar's score moves when an exercise's solution is applied. */
export type Direction = 'up' | 'down';

/** A stage an exercise is done on. */
export interface ExerciseTarget {
  readonly study: 'video' | 'iot';
  readonly stage: number;
}

/**
 * One workshop exercise: where it is done, how its solution is applied, and what it does to the
 * scorecard. test/workshop/exercises.test.ts applies every solution and checks the change; the same
 * test checks that the exercise's page (docs/workshop/exercises/<id>.md) and the facilitator guide
 * state it in the words of {@link expectedChangeText}, so the documents cannot drift from the scores.
 */
export interface Exercise {
  /** The exercise's page: docs/workshop/exercises/<id>.md. */
  readonly id: string;
  readonly title: string;
  /** Stages the solution is checked on; the first is the one the page leads with. */
  readonly targets: readonly ExerciseTarget[];
  /** Context the solution passes to synth (`-c key=value`), when the stage supports the change already. */
  readonly context?: () => Record<string, unknown>;
  /** Code the solution adds to the stage's stack, when the stage has no setting for it. */
  readonly apply?: (stack: Stack) => void;
  /** Pillars whose score moves; every other pillar's score stays the same. */
  readonly change: Partial<Record<Pillar, Direction>>;
  /**
   * Pillars whose compliance rises while their score stays: the solution makes more resources
   * compliant with a practice that was already met (docs/scorecard.md: why there are two numbers).
   */
  readonly complianceUp?: readonly Pillar[];
  /** The solution's module, shown whole on the exercise's page. */
  readonly solutionFile?: string;
  /** An acknowledgement the solution leaves behind with nothing left to accept (the scorecard lists it). */
  readonly staleAcknowledgement?: string;
}

/** A start time a week ahead: Auto Scaling refuses scheduled actions in the past, so a fixed date would rot. */
function nextWeekAt19Utc(now = new Date()): string {
  const day = new Date(now.getTime() + 7 * 24 * 3600_000);
  return `${day.toISOString().slice(0, 10)}T19:00:00Z`;
}

/** An ACM certificate ARN of the right shape; synth checks the shape, only a deployment needs a real one. */
export const EXAMPLE_CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';

export const EXERCISES: readonly Exercise[] = [
  {
    id: '1-monolith-headroom',
    title: 'Give the monolith headroom',
    targets: [{ study: 'video', stage: 1 }],
    apply: (stack) => giveMonolithHeadroom(stack),
    solutionFile: 'monolith-headroom.ts',
    change: { reliability: 'up', performanceEfficiency: 'up', sustainability: 'up' },
    staleAcknowledgement: 'WellArchitected-FleetScalingHeadroom[MaxBelowTwiceMin]',
  },
  {
    id: '2-live-event',
    title: 'Schedule a live event',
    targets: [{ study: 'video', stage: 2 }],
    context: () => ({
      liveEvents: JSON.stringify([{ name: 'finals', startsAt: nextWeekAt19Utc(), durationMinutes: 120, videoInstances: 10, chatInstances: 4 }]),
    }),
    change: {},
    complianceUp: ['costOptimization'],
  },
  {
    id: '3-https',
    title: 'Add HTTPS',
    targets: [{ study: 'video', stage: 1 }],
    context: () => ({ certificateArn: EXAMPLE_CERTIFICATE_ARN }),
    change: { security: 'up' },
  },
  {
    id: '4-waf',
    title: 'Put WAF in front',
    targets: [
      { study: 'video', stage: 1 },
      { study: 'iot', stage: 1 },
    ],
    apply: (stack) => putWafInFront(stack),
    solutionFile: 'alb-web-acl.ts',
    change: { security: 'up', reliability: 'up', costOptimization: 'up', sustainability: 'up' },
  },
  {
    id: '5-dashboard',
    title: 'Add a dashboard',
    targets: [
      { study: 'video', stage: 2 },
      { study: 'video', stage: 4 },
      { study: 'iot', stage: 1 },
      { study: 'iot', stage: 5 },
    ],
    apply: (stack) => addComponentDashboard(stack),
    solutionFile: 'component-dashboard.ts',
    change: { operationalExcellence: 'up' },
  },
];

/** A list as a reader says it: `A`, `A and B`, `A, B and C`. */
function spoken(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The expected change in words, as the exercise's page and the facilitator guide print it. */
export function expectedChangeText(exercise: Exercise): string {
  const moving = (direction: Direction) => PILLARS.filter((p) => exercise.change[p] === direction).map((p) => PILLAR_LABEL[p]);
  const still = PILLARS.filter((p) => exercise.change[p] === undefined).map((p) => PILLAR_LABEL[p]);
  const verb = (n: number, one: string, many: string) => (n === 1 ? one : many);
  const parts = [
    moving('up').length ? `${spoken(moving('up'))} ${verb(moving('up').length, 'goes', 'go')} up` : '',
    moving('down').length ? `${spoken(moving('down'))} ${verb(moving('down').length, 'goes', 'go')} down` : '',
    still.length ? `${spoken(still)} ${verb(still.length, 'stays', 'stay')} the same` : '',
    (exercise.complianceUp ?? []).length
      ? `${spoken(exercise.complianceUp!.map((p) => PILLAR_LABEL[p]))} compliance ${verb(exercise.complianceUp!.length, 'goes', 'go')} up`
      : '',
  ].filter(Boolean);
  return `${parts.join('; ')}.`;
}

import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import { Construct } from 'constructs';

/** A known live event: the pools are scaled up before it starts and released after it ends. */
export interface LiveEvent {
  /** Letters, digits and dashes; names the scheduled actions. */
  readonly name: string;
  /** Start of the event, ISO 8601 with a time zone, e.g. `2027-03-14T19:00:00Z`. */
  readonly startsAt: string;
  /** How long the event runs. */
  readonly durationMinutes: number;
  /** Instances the video pool needs for the expected audience (from a load test at that scale). */
  readonly videoInstances: number;
  /** Instances the chat pool needs for the expected audience. */
  readonly chatInstances: number;
}

/** How far ahead of the start the capacity is raised: instances need boot time and warm-up. */
const LEAD_MINUTES = 30;

/** Checks events from context or props, so a typo fails synth with a clear message instead of at deploy. */
export function validateLiveEvents(events: readonly LiveEvent[], now: Date = new Date()): void {
  for (const event of events) {
    const where = `live event '${event.name}'`;
    if (!/^[A-Za-z0-9-]{1,64}$/.test(event.name ?? '')) {
      throw new Error(`Invalid ${where}: name must be 1-64 letters, digits or dashes`);
    }
    const start = Date.parse(event.startsAt);
    if (Number.isNaN(start) || !/(Z|[+-]\d\d:\d\d)$/.test(event.startsAt)) {
      throw new Error(`Invalid ${where}: startsAt must be ISO 8601 with a time zone, e.g. 2027-03-14T19:00:00Z`);
    }
    if (start - LEAD_MINUTES * 60_000 <= now.getTime()) {
      throw new Error(`Invalid ${where}: it starts within ${LEAD_MINUTES} minutes or is over; Auto Scaling rejects past schedules`);
    }
    for (const field of ['durationMinutes', 'videoInstances', 'chatInstances'] as const) {
      if (!Number.isInteger(event[field]) || event[field] < 1) {
        throw new Error(`Invalid ${where}: ${field} must be a positive integer`);
      }
    }
  }
}

/**
 * One-off scheduled actions that raise a pool's minimum before an event and restore it afterwards: the
 * talk's "easy" fix of pre-scaling instead of hoping reactive scaling keeps up with a ticketed crowd.
 */
export function preScaleForLiveEvents(
  scope: Construct,
  group: autoscaling.AutoScalingGroup,
  events: readonly LiveEvent[],
  capacity: { baseMin: number; max: number; during: (event: LiveEvent) => number },
): void {
  for (const event of events) {
    const start = new Date(Date.parse(event.startsAt) - LEAD_MINUTES * 60_000);
    const end = new Date(Date.parse(event.startsAt) + event.durationMinutes * 60_000);
    const needed = capacity.during(event);
    new autoscaling.CfnScheduledAction(scope, `PreScale-${event.name}`, {
      autoScalingGroupName: group.autoScalingGroupName,
      startTime: start.toISOString(),
      minSize: needed,
      maxSize: Math.max(capacity.max, needed),
      desiredCapacity: needed,
    });
    new autoscaling.CfnScheduledAction(scope, `Release-${event.name}`, {
      autoScalingGroupName: group.autoScalingGroupName,
      startTime: end.toISOString(),
      minSize: capacity.baseMin,
      maxSize: capacity.max,
    });
  }
}

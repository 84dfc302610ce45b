import { UsageError } from '../usage-error';
import type { DeploymentVariant } from './stage-snapshot';

/**
 * Which deployment a command scores: a variant (the workshop's defaults, or the talk's deployment)
 * plus the context an attendee gave with `-c key=value`, on top of the variant's. Every number a
 * command prints belongs to one deployment, and says which.
 */
export interface Deployment {
  readonly variant: DeploymentVariant;
  /** Context given on the command line (`-c key=value`), as the CDK CLI passes it: strings. */
  readonly context: Readonly<Record<string, string>>;
}

/** cdk.json's defaults, as `cdk deploy -c <study>=<stage>` gets them. */
export const WORKSHOP_DEPLOYMENT: Deployment = { variant: 'workshop', context: {} };

/** The deployment the talk describes (stages/talk-deployment.ts), with nothing added. */
export const TALK_DEPLOYMENT: Deployment = { variant: 'talk', context: {} };

/** Keys a command's own arguments set: the stage is the command's argument, never `-c`. */
const STAGE_KEYS = ['video', 'iot'];

/**
 * The context of `-c key=value` flags, checked against the project's context table: an unknown key or
 * a stage key is a usage error naming the valid keys. Values are checked by the synth itself, with the
 * same parsers `cdk synth` uses.
 */
export function parseContextFlags(values: readonly string[]): Record<string, string> {
  if (values.length === 0) return {};
  // Loaded only when -c is given: the context table loads construct code, which `--help` never needs.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { CONTEXT_TABLE } = require('../../app/context-table') as typeof import('../../app/context-table');
  const valid: string[] = CONTEXT_TABLE.map((e) => e.key).filter((k) => !STAGE_KEYS.includes(k));
  const context: Record<string, string> = {};
  for (const value of values) {
    const at = value.indexOf('=');
    const key = at < 0 ? value : value.slice(0, at);
    if (at <= 0) throw new UsageError(`-c takes key=value, got '${value}'. Valid keys: ${valid.join(', ')}.`);
    if (STAGE_KEYS.includes(key)) throw new UsageError(`-c ${key}=... is not needed: the stage is the command's argument. Valid keys: ${valid.join(', ')}.`);
    if (!valid.includes(key)) throw new UsageError(`Unknown context key '${key}' in -c. Valid keys: ${valid.join(', ')}.`);
    context[key] = value.slice(at + 1);
  }
  return context;
}

/** The deployment a command line asks for: `--talk` and any `-c key=value`. */
export function deploymentOf(talk: boolean, contextFlags: readonly string[]): Deployment {
  return { variant: talk ? 'talk' : 'workshop', context: parseContextFlags(contextFlags) };
}

/** `-c certificateArn=arn:... -c alertEmail=a@b.c`: the added context as the command line gave it. */
export function contextFlagsText(context: Readonly<Record<string, string>>): string {
  return Object.entries(context)
    .map(([key, value]) => `-c ${key}=${value}`)
    .join(' ');
}

/** The deployment in a few words, for headings: `workshop deployment`, `talk deployment + -c alertEmail=...`. */
export function deploymentLabel(deployment: Deployment): string {
  const added = contextFlagsText(deployment.context);
  return `${deployment.variant} deployment${added ? ` + ${added}` : ''}`;
}

/** What each variant is, in a sentence. */
export const VARIANT_WORDS: Record<DeploymentVariant, string> = {
  workshop: "cdk.json's defaults, as `cdk deploy` gets them: plain HTTP, no live event scheduled",
  talk: "what the talk's teams ran: HTTPS with their own certificates, a known live event, the forklift's storage (stages/talk-deployment.ts)",
};

/** Whether a synth failed on a context value (lib/app/context-parsers.ts throws ContextError). */
export function isContextError(error: unknown): error is Error {
  return error instanceof Error && error.name === 'ContextError';
}

/**
 * Reading environment variables. A malformed value is a deployment mistake, so it fails at
 * start (or cold start) with a one-line message that names the variable, instead of silently
 * falling back.
 */

/** A trimmed value; blank counts as unset, so `NAME=` in a unit file or task definition means "use the default". */
export function optionalEnv(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** Reads a variable that must be set, failing with a message that names it. */
export function requireEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') {
    throw new Error(`Environment variable ${name} is required but is not set`);
  }
  return value;
}

/** Reads an optional positive integer variable, returning `fallback` when it is unset. */
export function positiveIntegerEnv(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = optionalEnv(name, env);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`Environment variable ${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}

/** The whole numbers a setting accepts, and its value when unset. */
export interface IntegerRange {
  fallback: number;
  min: number;
  max: number;
}

/**
 * A whole number (digits only) within `range`, or its fallback when unset. A bad value throws
 * `ErrorType`, so an app whose start-up treats its own config error specially keeps doing so.
 */
export function integerEnv(
  name: string,
  { fallback, min, max }: IntegerRange,
  env: NodeJS.ProcessEnv = process.env,
  ErrorType: new (message: string) => Error = Error,
): number {
  const value = optionalEnv(name, env);
  if (value === undefined) return fallback;
  const parsed = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw new ErrorType(`${name} must be an integer from ${min} to ${max} (got ${JSON.stringify(value)})`);
  }
  return parsed;
}

/** One of `choices`, or `fallback` when unset; otherwise throws `ErrorType` naming the choices. */
export function choiceEnv<T extends string>(
  name: string,
  choices: readonly T[],
  fallback: T,
  env: NodeJS.ProcessEnv = process.env,
  ErrorType: new (message: string) => Error = Error,
): T {
  const value = optionalEnv(name, env);
  if (value === undefined) return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new ErrorType(`${name} must be one of ${choices.join(', ')} (got ${JSON.stringify(value)})`);
}

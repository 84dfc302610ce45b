/**
 * Reading the jobs' environment variables. Every failure is one line naming the variable,
 * so a misconfigured task stops at start with a message the task's log shows in full.
 */

/** A trimmed value; empty counts as unset, so `NAME=` in a task definition means "use the default". */
export function optionalSetting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

export function requiredSetting(env: NodeJS.ProcessEnv, name: string): string {
  const value = optionalSetting(env, name);
  if (value === undefined) throw new Error(`${name} must be set`);
  return value;
}

/** A whole number from `min` to `max`, or `fallback` when unset. */
export function integerSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const value = optionalSetting(env, name);
  if (value === undefined) return fallback;
  const parsed = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max} (got ${JSON.stringify(value)})`);
  }
  return parsed;
}

/**
 * The jobs' required settings. Every failure is one line naming the variable, so a misconfigured
 * task stops at start with a message the task's log shows in full.
 */
import { optionalEnv } from '../shared/env';

/** A trimmed value that must be set; blank counts as unset. */
export function requiredSetting(name: string, env: NodeJS.ProcessEnv): string {
  const value = optionalEnv(name, env);
  if (value === undefined) throw new Error(`${name} must be set`);
  return value;
}

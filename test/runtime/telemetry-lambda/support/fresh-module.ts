/**
 * Loads a handler module as a cold start would: in a fresh module registry, with `env` applied to
 * process.env first (an undefined value removes the variable), since the handlers read their
 * configuration at module load.
 */
export function loadFresh<T>(modulePath: string, env: Record<string, string | undefined>): T {
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  let loaded: T | undefined;
  jest.isolateModules(() => {
    loaded = require(modulePath) as T;
  });
  return loaded as T;
}

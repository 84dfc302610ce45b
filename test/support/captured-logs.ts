/**
 * Silences the runtime's console output during a test and keeps every line, parsed, so tests can
 * assert on what was (and was not) logged. Call in beforeEach and `restore()` in afterEach.
 */
export function captureLogs(): { lines: () => string[]; entries: () => Record<string, unknown>[]; restore: () => void } {
  const captured: string[] = [];
  const keep = (...args: unknown[]) => {
    captured.push(args.map(String).join(' '));
  };
  const spies = [
    jest.spyOn(console, 'log').mockImplementation(keep),
    jest.spyOn(console, 'warn').mockImplementation(keep),
    jest.spyOn(console, 'error').mockImplementation(keep),
  ];
  return {
    lines: () => [...captured],
    entries: () => captured.map((line) => JSON.parse(line) as Record<string, unknown>),
    restore: () => spies.forEach((spy) => spy.mockRestore()),
  };
}

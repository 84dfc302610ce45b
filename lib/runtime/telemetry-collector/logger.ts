/**
 * One JSON object per line on stdout/stderr, which journald (and the CloudWatch agent
 * reading it) keeps as-is, so fields stay queryable.
 */
export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  /** `error` may be any thrown value; its stack goes to the log, never to a client. */
  error(event: string, error: unknown, fields?: LogFields): void;
}

export const jsonLogger: Logger = {
  info: (event, fields = {}) => console.log(JSON.stringify({ level: 'info', event, ...fields })),
  warn: (event, fields = {}) => console.warn(JSON.stringify({ level: 'warn', event, ...fields })),
  error: (event, error, fields = {}) =>
    console.error(JSON.stringify({ level: 'error', event, ...fields, ...describeError(error) })),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

function describeError(error: unknown): LogFields {
  if (error instanceof Error) return { errorName: error.name, errorMessage: error.message, stack: error.stack };
  return { errorName: 'NonError', errorMessage: String(error) };
}

/**
 * One-line JSON logs so CloudWatch Logs Insights can filter on fields.
 * Callers pass identifiers, counts and reasons only; reading values stay out of the logs.
 */
export type LogFields = Record<string, string | number | boolean | undefined>;

type Level = 'info' | 'warn' | 'error';

function write(level: Level, event: string, fields: LogFields): void {
  const line = JSON.stringify({ level, event, ...fields });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}

export const log = {
  info: (event: string, fields: LogFields = {}) => write('info', event, fields),
  warn: (event: string, fields: LogFields = {}) => write('warn', event, fields),
  error: (event: string, fields: LogFields = {}) => write('error', event, fields),
};

/** The loggable parts of an unknown thrown value (never its payload). */
export function describeError(error: unknown): LogFields {
  if (error instanceof Error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    return { errorName: error.name, errorMessage: error.message, httpStatusCode: status };
  }
  return { errorName: 'NonError', errorMessage: String(error) };
}

/**
 * One JSON object per line on stdout/stderr, so CloudWatch Logs Insights can filter on fields:
 * the Lambda handlers' logs, the EC2 apps' (journald, read by the CloudWatch agent) and the
 * batch jobs' (the awslogs driver).
 */
import { describeErrorWithStack } from './error-fields';

/** Callers pass identifiers, counts and outcomes only; payloads and secrets stay out of the logs. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

type Level = 'info' | 'warn' | 'error';

function write(level: Level, event: string, fields: LogFields): void {
  const line = JSON.stringify({ level, event, ...fields });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}

/** Lines of fields only: the Lambda handlers describe errors themselves (see `describeError`). */
export const log = {
  info: (event: string, fields: LogFields = {}) => write('info', event, fields),
  warn: (event: string, fields: LogFields = {}) => write('warn', event, fields),
  error: (event: string, fields: LogFields = {}) => write('error', event, fields),
};

/** The logger the long-running processes (the EC2 apps, the batch jobs) are given. */
export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  /** `error` may be any thrown value; its stack goes to the log, never to a client. */
  error(event: string, error: unknown, fields?: LogFields): void;
}

export const jsonLogger: Logger = {
  info: (event, fields = {}) => write('info', event, fields),
  warn: (event, fields = {}) => write('warn', event, fields),
  error: (event, error, fields = {}) => write('error', event, { ...fields, ...describeErrorWithStack(error) }),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * The loggable parts of an unknown thrown value (never its payload), in the two shapes the
 * runtimes log, and its message alone.
 */
import type { LogFields } from './json-logger';

/** Name, message and, for an AWS SDK error, its HTTP status: what the Lambda handlers log. */
export function describeError(error: unknown): LogFields {
  if (error instanceof Error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    return { errorName: error.name, errorMessage: error.message, httpStatusCode: status };
  }
  return { errorName: 'NonError', errorMessage: String(error) };
}

/** Name, message and stack: what the long-running processes (EC2 apps, batch jobs) log. */
export function describeErrorWithStack(error: unknown): LogFields {
  if (error instanceof Error) return { errorName: error.name, errorMessage: error.message, stack: error.stack };
  return { errorName: 'NonError', errorMessage: String(error) };
}

/** The message of any thrown value, for logs and error files. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

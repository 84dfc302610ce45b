/**
 * One JSON object per line on stdout/stderr: the task's awslogs driver ships each line as one
 * CloudWatch event, so Logs Insights can filter on the fields.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface JobLog {
  info(event: string, fields?: LogFields): void;
  /** `error` may be any thrown value. */
  error(event: string, error: unknown, fields?: LogFields): void;
}

export const jsonLog: JobLog = {
  info: (event, fields = {}) => console.log(JSON.stringify({ level: 'info', event, ...fields })),
  error: (event, error, fields = {}) => console.error(JSON.stringify({ level: 'error', event, ...fields, ...describeError(error) })),
};

export const silentLog: JobLog = { info: () => {}, error: () => {} };

/** The message of any thrown value, for logs and error files. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function describeError(error: unknown): LogFields {
  if (error instanceof Error) return { errorName: error.name, errorMessage: error.message, stack: error.stack };
  return { errorName: 'NonError', errorMessage: String(error) };
}

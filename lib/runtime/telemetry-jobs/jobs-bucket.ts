import { GetObjectCommand, PutObjectCommand, S3ServiceException, type S3Client } from '@aws-sdk/client-s3';
import { InvalidJobError } from './analysis-job';

/**
 * The jobs bucket's layout: job files under `jobs/`, the analysis' answers under `results/`,
 * `<name>.json` on success and `<name>.error.json` on failure.
 */
export const RESULTS_PREFIX = 'results/';

const MAX_JOB_FILE_BYTES = 1024 * 1024;

export function resultKey(jobName: string): string {
  return `${RESULTS_PREFIX}${jobName}.json`;
}

export function errorKey(jobName: string): string {
  return `${RESULTS_PREFIX}${jobName}.error.json`;
}

/** The job file's text; a missing or oversized file is an InvalidJobError. */
export async function readJobFile(s3: S3Client, bucket: string, key: string): Promise<string> {
  let output;
  try {
    output = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  } catch (error) {
    if (error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404)) {
      throw new InvalidJobError(`the job file s3://${bucket}/${key} does not exist`);
    }
    throw error;
  }
  if ((output.ContentLength ?? 0) > MAX_JOB_FILE_BYTES) {
    (output.Body as { destroy?(): void } | undefined)?.destroy?.(); // frees the socket without downloading
    throw new InvalidJobError(`the job file is larger than ${MAX_JOB_FILE_BYTES} bytes`);
  }
  return (await output.Body?.transformToString('utf8')) ?? '';
}

export async function writeJson(s3: S3Client, bucket: string, key: string, content: unknown): Promise<void> {
  await s3.send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: JSON.stringify(content), ContentType: 'application/json' }),
  );
}

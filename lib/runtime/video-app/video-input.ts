/**
 * Validation of the body of `POST /video/catalog`.
 */
import { HttpError } from '../shared/http-helpers';
import { mediaKeyProblem } from './media-key';
import type { NewVideo } from './storage';

export const MAX_TITLE_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 2000;

const EXPECTED_SHAPE = '{"title": string, "key": string, "description"?: string}';

/** The NewVideo in `body`, or HttpError 400 naming every problem found. Unknown fields are ignored. */
export function parseNewVideo(body: unknown): NewVideo {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, `body must be a JSON object ${EXPECTED_SHAPE}`);
  }
  const { title, key, description } = body as Record<string, unknown>;
  const problems: string[] = [];

  const trimmedTitle = typeof title === 'string' ? title.trim() : undefined;
  if (trimmedTitle === undefined || trimmedTitle.length < 1 || trimmedTitle.length > MAX_TITLE_LENGTH) {
    problems.push(`title must be a string of 1 to ${MAX_TITLE_LENGTH} characters`);
  }

  if (typeof key !== 'string') problems.push('key must be a string (the S3 object key of the HLS manifest or MP4)');
  else {
    const keyProblem = mediaKeyProblem(key);
    if (keyProblem) problems.push(keyProblem);
  }

  if (description !== undefined && (typeof description !== 'string' || description.length > MAX_DESCRIPTION_LENGTH)) {
    problems.push(`description, when given, must be a string of at most ${MAX_DESCRIPTION_LENGTH} characters`);
  }

  if (problems.length > 0) throw new HttpError(400, problems.join('; '));
  const video: NewVideo = { title: trimmedTitle as string, key: key as string };
  if (description !== undefined) video.description = description as string;
  return video;
}

/**
 * Copying catalog entries into the catalog table, keeping their ids and times. Entries never change
 * once added, so an entry already in the table is left alone: a re-run copies only what is missing.
 */
import { mapWithConcurrency } from '../chat/bounded-concurrency';
import type { VideoEntry } from '../video-app/storage';

export interface ImportTarget {
  putIfAbsent(entry: VideoEntry): Promise<boolean>;
}

export interface ImportSummary {
  copied: number;
  alreadyThere: number;
}

/** Writes in flight at once: enough to copy thousands of entries in seconds, far below the table's limits. */
const WRITES_IN_FLIGHT = 16;
const CHUNK = 256;

export async function importVideos(source: AsyncIterable<VideoEntry>, target: ImportTarget): Promise<ImportSummary> {
  const summary: ImportSummary = { copied: 0, alreadyThere: 0 };
  let chunk: VideoEntry[] = [];
  const flush = async () => {
    const written = await mapWithConcurrency(chunk, WRITES_IN_FLIGHT, (entry) => target.putIfAbsent(entry));
    for (const copied of written) summary[copied ? 'copied' : 'alreadyThere'] += 1;
    chunk = [];
  };
  for await (const entry of source) {
    chunk.push(entry);
    if (chunk.length >= CHUNK) await flush();
  }
  await flush();
  return summary;
}

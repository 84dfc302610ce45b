/**
 * Every catalog entry in the video pool's DocumentDB, oldest first, read with a cursor so the catalog
 * is never held in memory whole.
 */
import { MongoClient } from 'mongodb';
import { docDbConnectionUri, type DocDbCredentials } from '../video-app/docdb-secret';
import { documentDbClientOptions, toVideoEntry, type VideoDocument } from '../video-app/documentdb-store';
import type { VideoEntry } from '../video-app/storage';

export interface DocumentDbSource {
  readonly credentials: DocDbCredentials;
  readonly caFile: string;
  readonly database: string;
}

export async function* documentDbVideos(source: DocumentDbSource): AsyncGenerator<VideoEntry> {
  const client = new MongoClient(docDbConnectionUri(source.credentials), documentDbClientOptions(source.caFile));
  try {
    await client.connect();
    const cursor = client.db(source.database).collection<VideoDocument>('videos').find({}).sort({ createdAt: 1 });
    for await (const document of cursor) yield toVideoEntry(document);
  } finally {
    await client.close();
  }
}

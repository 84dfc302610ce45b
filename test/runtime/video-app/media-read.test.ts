import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { GetObjectCommand, NoSuchKey, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { HttpError } from '../../../lib/runtime/shared/http-helpers';
import { LocalMediaLinks, S3MediaLinks } from '../../../lib/runtime/video-app/media-links';

describe('S3MediaLinks.read', () => {
  const s3 = new S3Client({ region: 'us-east-1', credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' } });
  const s3Mock = mockClient(s3);
  const media = new S3MediaLinks(s3, 'media-bucket');
  afterEach(() => s3Mock.reset());
  afterAll(() => {
    s3Mock.restore();
    s3.destroy();
  });

  /** A body like the SDK's in Node.js: a byte stream. */
  const bodyOf = (...chunks: string[]) => Readable.from(chunks.map((chunk) => Buffer.from(chunk)));

  test('reads the whole object from the bucket', async () => {
    s3Mock.on(GetObjectCommand).resolves({ Body: bodyOf('#EXTM3U\n', 'seg-1.ts\n') as never, ContentLength: 17 });
    const read = await media.read('talks/index.m3u8', 100);
    expect(read.kind === 'found' && read.body.toString()).toBe('#EXTM3U\nseg-1.ts\n');
    expect(s3Mock.commandCalls(GetObjectCommand)[0].args[0].input).toEqual({ Bucket: 'media-bucket', Key: 'talks/index.m3u8' });
  });

  test.each([
    ['NoSuchKey', new NoSuchKey({ message: 'The specified key does not exist.', $metadata: { httpStatusCode: 404 } })],
    [
      'AccessDenied (what S3 answers for a missing key without s3:ListBucket)',
      new S3ServiceException({ name: 'AccessDenied', $fault: 'client', message: 'Access Denied', $metadata: { httpStatusCode: 403 } }),
    ],
  ])('%s is missing', async (_case, error) => {
    s3Mock.on(GetObjectCommand).rejects(error);
    await expect(media.read('talks/none.m3u8', 100)).resolves.toEqual({ kind: 'missing' });
  });

  test('other failures propagate', async () => {
    const outage = new S3ServiceException({ name: 'SlowDown', $fault: 'server', message: 'Please reduce your request rate.', $metadata: { httpStatusCode: 503 } });
    s3Mock.on(GetObjectCommand).rejects(outage);
    await expect(media.read('talks/index.m3u8', 100)).rejects.toBe(outage);
  });

  test('an object declared larger than the limit is refused unread', async () => {
    const body = bodyOf('x'.repeat(101));
    s3Mock.on(GetObjectCommand).resolves({ Body: body as never, ContentLength: 101 });
    await expect(media.read('talks/index.m3u8', 100)).resolves.toEqual({ kind: 'too-large' });
    expect(body.destroyed).toBe(true);
  });

  test('a body that turns out larger than the limit is cut off', async () => {
    const body = bodyOf('x'.repeat(60), 'x'.repeat(60), 'x'.repeat(60));
    s3Mock.on(GetObjectCommand).resolves({ Body: body as never });
    await expect(media.read('talks/index.m3u8', 100)).resolves.toEqual({ kind: 'too-large' });
    expect(body.destroyed).toBe(true);
  });

  test('an object of exactly the limit is read', async () => {
    s3Mock.on(GetObjectCommand).resolves({ Body: bodyOf('x'.repeat(100)) as never, ContentLength: 100 });
    await expect(media.read('talks/index.m3u8', 100)).resolves.toMatchObject({ kind: 'found' });
  });
});

describe('LocalMediaLinks.read', () => {
  let workDir: string;
  let media: LocalMediaLinks;
  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'video-app-read-'));
    await mkdir(path.join(workDir, 'talks', 'folder.m3u8'), { recursive: true });
    await writeFile(path.join(workDir, 'talks', 'index.m3u8'), '#EXTM3U\n');
    await writeFile(path.join(workDir, 'talks', 'big.m3u8'), 'x'.repeat(101));
    media = new LocalMediaLinks(workDir);
  });
  afterAll(() => rm(workDir, { recursive: true, force: true }));

  test('reads a file under MEDIA_DIR', async () => {
    const read = await media.read('talks/index.m3u8', 100);
    expect(read.kind === 'found' && read.body.toString()).toBe('#EXTM3U\n');
  });

  test.each(['talks/none.m3u8', 'talks/folder.m3u8'])('%s is missing', async (key) => {
    await expect(media.read(key, 100)).resolves.toEqual({ kind: 'missing' });
  });

  test('a file over the limit is too large', async () => {
    await expect(media.read('talks/big.m3u8', 100)).resolves.toEqual({ kind: 'too-large' });
  });

  test('a key that could leave the folder is refused', async () => {
    await expect(media.read('../secret.m3u8', 100)).rejects.toBeInstanceOf(HttpError);
  });
});

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as http from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LocalMediaLinks } from '../../../lib/runtime/video-app/media-links';
import { MAX_MANIFEST_BYTES } from '../../../lib/runtime/video-app/media-manifests';
import { postJson, request } from '../../support/json-requests';
import { FAKE_SIGNED_URL_BASE, fakeMedia, startTestApp, type TestApp } from './test-app';

describe('video catalog', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ role: 'video' });
  });
  afterAll(() => app.close());

  test('add, list and get', async () => {
    const created = await postJson(`${app.baseUrl}/video/catalog`, {
      title: '  Launch keynote ',
      key: 'talks/launch/index.m3u8',
      description: 'The opening talk',
      extra: 'ignored',
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      title: 'Launch keynote',
      key: 'talks/launch/index.m3u8',
      description: 'The opening talk',
      createdAt: expect.any(String),
    });

    const list = await request(`${app.baseUrl}/video/catalog`);
    expect(list.status).toBe(200);
    expect(list.body).toContainEqual(created.body);

    const one = await request(`${app.baseUrl}/video/catalog/${created.body.id}`);
    expect(one).toMatchObject({ status: 200, body: created.body });
  });

  test('an unknown id is 404 JSON', async () => {
    expect(await request(`${app.baseUrl}/video/catalog/no-such-video`)).toMatchObject({ status: 404, body: { error: 'video not found' } });
  });

  test.each([
    ['no title', { key: 'a.mp4' }, 'title must be a string of 1 to 200 characters'],
    ['a blank title', { title: '   ', key: 'a.mp4' }, 'title must be a string of 1 to 200 characters'],
    ['a 201-character title', { title: 't'.repeat(201), key: 'a.mp4' }, 'title must be a string of 1 to 200 characters'],
    ['no key', { title: 't' }, 'key must be a string'],
    ['a leading slash', { title: 't', key: '/a.mp4' }, 'key must not start with "/"'],
    ['a traversal key', { title: 't', key: 'talks/../../etc/passwd' }, '".."'],
    ['a non-string description', { title: 't', key: 'a.mp4', description: 5 }, 'description, when given, must be a string'],
    ['an array body', [], 'body must be a JSON object'],
  ])('POST with %s is 400', async (_case, body, error) => {
    const response = await postJson(`${app.baseUrl}/video/catalog`, body);
    expect(response.status).toBe(400);
    expect(response.body.error).toContain(error);
  });

  test('every problem is named at once', async () => {
    const { body } = await postJson(`${app.baseUrl}/video/catalog`, { title: '', key: '../x' });
    expect(body.error).toBe('title must be a string of 1 to 200 characters; key must not contain ".", ".." or empty path segments');
  });

  test('an MP4 redirects to the presigned URL', async () => {
    const { status, headers } = await request(`${app.baseUrl}/video/assets/talks/launch/talk.mp4`);
    expect(status).toBe(302);
    expect(headers.get('location')).toBe(`${FAKE_SIGNED_URL_BASE}talks/launch/talk.mp4?X-Amz-Signature=fake`);
    expect(headers.get('cache-control')).toBe('no-store');
  });

  test('an asset key is percent-decoded before presigning', async () => {
    const { headers } = await request(`${app.baseUrl}/video/assets/talks/launch%20talk/a.mp4`);
    expect(headers.get('location')).toBe(`${FAKE_SIGNED_URL_BASE}talks/launch talk/a.mp4?X-Amz-Signature=fake`);
  });

  test.each(['/video/assets/..%2F..%2Fsecret', '/video/assets/a/%2Fb.mp4', '/video/assets/%E0%A4%A'])('%s is 400', async (path) => {
    expect((await request(app.baseUrl + path)).status).toBe(400);
  });

  test('no local file route when media is in S3', async () => {
    expect((await request(`${app.baseUrl}/video/files/a.mp4`)).status).toBe(404);
  });
});

describe('HLS and DASH manifests', () => {
  const PLAYLIST = '#EXTM3U\n#EXT-X-TARGETDURATION:6\n#EXTINF:6.0,\nseg-001.ts\n#EXT-X-ENDLIST\n';
  const MPD = '<?xml version="1.0"?><MPD xmlns="urn:mpeg:dash:schema:mpd:2011"></MPD>';
  let app: TestApp;
  let media: ReturnType<typeof fakeMedia>;
  beforeAll(async () => {
    media = fakeMedia({
      'talks/launch/index.m3u8': PLAYLIST,
      'talks/launch talk/index.m3u8': PLAYLIST,
      'talks/dash/manifest.mpd': MPD,
      'talks/huge/index.m3u8': Buffer.alloc(MAX_MANIFEST_BYTES + 1, '#'),
    });
    app = await startTestApp({ role: 'video', media });
  });
  afterAll(() => app.close());
  beforeEach(() => media.reads.splice(0));

  test('an HLS playlist is served by the app, with its content type and a short cache life', async () => {
    const response = await fetch(`${app.baseUrl}/video/assets/talks/launch/index.m3u8`, { redirect: 'manual' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    expect(response.headers.get('cache-control')).toBe('max-age=2');
    expect(await response.text()).toBe(PLAYLIST);
    expect(media.reads).toEqual(['talks/launch/index.m3u8']);
  });

  test('a DASH MPD is served as application/dash+xml', async () => {
    const response = await fetch(`${app.baseUrl}/video/assets/talks/dash/manifest.mpd`, { redirect: 'manual' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/dash+xml');
    expect(await response.text()).toBe(MPD);
  });

  test('a relative segment URI resolves back to the app, which redirects it to S3 without reading it', async () => {
    const manifestUrl = `${app.baseUrl}/video/assets/talks/launch/index.m3u8`;
    const playlist = await (await fetch(manifestUrl, { redirect: 'manual' })).text();
    const segmentUrl = new URL(playlist.split('\n').find((line) => line.endsWith('.ts'))!, manifestUrl);
    expect(segmentUrl.pathname).toBe('/video/assets/talks/launch/seg-001.ts');

    const segment = await request(segmentUrl.href);
    expect(segment.status).toBe(302);
    expect(segment.headers.get('location')).toBe(`${FAKE_SIGNED_URL_BASE}talks/launch/seg-001.ts?X-Amz-Signature=fake`);
    expect(media.reads).toEqual(['talks/launch/index.m3u8']);
  });

  test('a percent-encoded manifest key is decoded before the read', async () => {
    const response = await fetch(`${app.baseUrl}/video/assets/talks/launch%20talk/index.m3u8`, { redirect: 'manual' });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    expect(media.reads).toEqual(['talks/launch talk/index.m3u8']);
  });

  test('HEAD answers the headers without the body', async () => {
    const response = await fetch(`${app.baseUrl}/video/assets/talks/launch/index.m3u8`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(PLAYLIST)));
    expect(await response.text()).toBe('');
  });

  test('a missing manifest is 404 JSON', async () => {
    expect(await request(`${app.baseUrl}/video/assets/talks/none/index.m3u8`)).toMatchObject({
      status: 404,
      body: { error: 'media file not found' },
    });
  });

  test('a manifest over 1 MB is 502 JSON', async () => {
    const { status, body } = await request(`${app.baseUrl}/video/assets/talks/huge/index.m3u8`);
    expect(status).toBe(502);
    expect(body.error).toContain('over 1048576 bytes');
  });
});

describe('local media files', () => {
  let app: TestApp;
  let workDir: string;
  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'video-app-'));
    const mediaDir = path.join(workDir, 'media');
    await mkdir(path.join(mediaDir, 'talks'), { recursive: true });
    await writeFile(path.join(mediaDir, 'talks', 'index.m3u8'), '#EXTM3U\n');
    await writeFile(path.join(mediaDir, 'talks', 'seg-1.ts'), Buffer.alloc(188));
    await writeFile(path.join(mediaDir, 'clip.mp4'), Buffer.alloc(16));
    await writeFile(path.join(workDir, 'secret.txt'), 'outside the media folder');
    app = await startTestApp({ role: 'video', media: new LocalMediaLinks(mediaDir), localMediaDir: mediaDir });
  });
  afterAll(async () => {
    await app.close();
    await rm(workDir, { recursive: true, force: true });
  });

  test('a manifest is served from the folder at its asset path', async () => {
    const manifest = await fetch(`${app.baseUrl}/video/assets/talks/index.m3u8`, { redirect: 'manual' });
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    expect(manifest.headers.get('cache-control')).toBe('max-age=2');
    expect(await manifest.text()).toBe('#EXTM3U\n');
  });

  test('a missing manifest is 404 and a folder named like one is 404', async () => {
    await mkdir(path.join(workDir, 'media', 'dir.m3u8'), { recursive: true });
    expect((await request(`${app.baseUrl}/video/assets/talks/none.m3u8`)).status).toBe(404);
    expect((await request(`${app.baseUrl}/video/assets/dir.m3u8`)).status).toBe(404);
  });

  test('a segment redirects to the local file route, which streams the file', async () => {
    const redirect = await request(`${app.baseUrl}/video/assets/talks/seg-1.ts`);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/video/files/talks/seg-1.ts');

    const file = await fetch(app.baseUrl + redirect.headers.get('location'));
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('video/mp2t');
    expect((await file.arrayBuffer()).byteLength).toBe(188);
  });

  test.each([
    ['talks/seg-1.ts', 'video/mp2t', 188],
    ['clip.mp4', 'video/mp4', 16],
  ])('%s is served as %s', async (key, contentType, length) => {
    const file = await fetch(`${app.baseUrl}/video/files/${key}`);
    expect(file.headers.get('content-type')).toBe(contentType);
    expect((await file.arrayBuffer()).byteLength).toBe(length);
  });

  test('a missing file is 404 JSON', async () => {
    expect(await request(`${app.baseUrl}/video/files/talks/none.ts`)).toMatchObject({ status: 404, body: { error: 'media file not found' } });
  });

  test('a directory is 404', async () => {
    expect((await request(`${app.baseUrl}/video/files/talks`)).status).toBe(404);
  });

  test('encoded traversal is 400', async () => {
    expect((await request(`${app.baseUrl}/video/files/..%2Fsecret.txt`)).status).toBe(400);
    expect((await request(`${app.baseUrl}/video/files/talks%2F..%2F..%2Fsecret.txt`)).status).toBe(400);
  });

  test('literal traversal (not normalised by the server) is 400', async () => {
    // fetch would normalise "..", so send the raw request target.
    const { hostname, port } = new URL(app.baseUrl);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      http
        .get({ hostname, port, path: '/video/files/../secret.txt' }, (res) => {
          res.resume();
          resolve(res.statusCode);
        })
        .on('error', reject);
    });
    expect(status).toBe(400);
  });
});

import { S3Client } from '@aws-sdk/client-s3';
import { keyToUrlPath, mediaKeyProblem } from '../../../lib/runtime/video-app/media-key';
import { LocalMediaLinks, S3MediaLinks } from '../../../lib/runtime/video-app/media-links';

describe('S3MediaLinks', () => {
  test('presigns a GetObject URL for the key that expires in 5 minutes', async () => {
    const s3 = new S3Client({ region: 'us-east-1', credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' } });
    const url = new URL(await new S3MediaLinks(s3, 'media-bucket').linkFor('talks/launch talk/index.m3u8'));
    s3.destroy();

    expect(url.hostname).toBe('media-bucket.s3.us-east-1.amazonaws.com');
    expect(url.pathname).toBe('/talks/launch%20talk/index.m3u8');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('LocalMediaLinks', () => {
  test('points at the app’s own file route, percent-encoding each segment', async () => {
    await expect(new LocalMediaLinks('/srv/media').linkFor('talks/launch talk/index.m3u8')).resolves.toBe('/video/files/talks/launch%20talk/index.m3u8');
  });
});

describe('mediaKeyProblem', () => {
  test.each(['index.m3u8', 'talks/launch/segment-001.ts', 'a..b/c.mp4'])('accepts %s', (key) => {
    expect(mediaKeyProblem(key)).toBeUndefined();
  });

  test.each([
    ['', 'must not be empty'],
    ['/etc/passwd', 'must not start with "/"'],
    ['../secret', '".."'],
    ['talks/../../secret', '".."'],
    ['talks//x.mp4', 'empty path segments'],
    ['talks\\..\\x', 'must not contain "\\"'],
    ['x\u0000.mp4', 'control characters'],
    ['k'.repeat(1025), 'at most 1024'],
  ])('rejects %j', (key, message) => {
    expect(mediaKeyProblem(key)).toContain(message);
  });

  test('keyToUrlPath keeps slashes and encodes the rest', () => {
    expect(keyToUrlPath('a b/c#d?.mp4')).toBe('a%20b/c%23d%3F.mp4');
  });
});

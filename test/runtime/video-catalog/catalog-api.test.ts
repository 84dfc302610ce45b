import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { CATALOG_ROUTES } from '../../../lib/runtime/video-catalog/catalog-routes';
import { captureLogs } from '../../support/captured-logs';
import { startLocalDynamoDb, type LocalDynamoDb } from '../../support/local-dynamodb';
import { loadFresh } from '../telemetry-lambda/support/fresh-module';
import { createCatalogTable } from './catalog-table';

type ApiModule = typeof import('../../../lib/runtime/video-catalog/catalog-api');
const TABLE = 'video-catalog-api-test';

let db: LocalDynamoDb;
let api: ApiModule['handler'];
let logs: ReturnType<typeof captureLogs>;

const call = (routeKey: string, options: { id?: string; body?: string; base64?: boolean } = {}) =>
  api({
    routeKey,
    pathParameters: options.id === undefined ? undefined : { id: options.id },
    body: options.base64 ? Buffer.from(options.body ?? '').toString('base64') : options.body,
    isBase64Encoded: options.base64 ?? false,
  } as unknown as APIGatewayProxyEventV2);
const bodyOf = (result: { body?: string }) => JSON.parse(result.body ?? 'null');
const add = (video: object) => call(CATALOG_ROUTES.add, { body: JSON.stringify(video) });

beforeAll(async () => {
  db = await startLocalDynamoDb();
  await createCatalogTable(db, TABLE);
  api = loadFresh<ApiModule>(require.resolve('../../../lib/runtime/video-catalog/catalog-api'), { CATALOG_TABLE_NAME: TABLE, DYNAMODB_ENDPOINT: db.endpoint }).handler;
});
afterAll(async () => {
  delete process.env.DYNAMODB_ENDPOINT;
  await db.stop();
});
beforeEach(() => {
  logs = captureLogs();
});
afterEach(() => logs.restore());

test('adds videos, lists them oldest first and reads one back, with the video pool\'s entry shape', async () => {
  const first = await add({ title: ' Opening night ', key: 'events/opening/index.m3u8', description: 'The premiere' });
  const second = await call(CATALOG_ROUTES.add, { body: JSON.stringify({ title: 'Encore', key: 'events/encore/index.m3u8' }), base64: true });

  expect(first.statusCode).toBe(201);
  expect(bodyOf(first)).toEqual({ id: expect.any(String), title: 'Opening night', key: 'events/opening/index.m3u8', description: 'The premiere', createdAt: expect.any(String) });
  expect(second.statusCode).toBe(201);
  const listed = bodyOf(await call(CATALOG_ROUTES.list));
  expect(listed.map((v: { title: string }) => v.title).slice(-2)).toEqual(['Opening night', 'Encore']);
  expect(listed.find((v: { id: string }) => v.id === bodyOf(second).id)).toEqual(bodyOf(second));

  const one = await call(CATALOG_ROUTES.get, { id: bodyOf(first).id });
  expect(one.statusCode).toBe(200);
  expect(bodyOf(one)).toEqual(bodyOf(first));
  expect(one.headers).toEqual({ 'content-type': 'application/json; charset=utf-8' });
});

test('an unknown id answers 404', async () => {
  const result = await call(CATALOG_ROUTES.get, { id: 'no-such-video' });
  expect(result.statusCode).toBe(404);
  expect(bodyOf(result)).toEqual({ error: 'video not found' });
});

test.each([
  ['a title missing and a key that escapes the media root', JSON.stringify({ key: '../secret' }), 400, /title must be.*; key must not contain/],
  ['a body that is not JSON', '{title', 400, /not valid JSON/],
  ['a JSON array', '[]', 400, /must be a JSON object/],
  ['a body over 64 KB', JSON.stringify({ title: 'x', key: 'a.mp4', description: 'd'.repeat(70 * 1024) }), 413, /at most 65536 bytes/],
])('%s is refused with a one-line reason', async (_name, body, status, reason) => {
  const result = await call(CATALOG_ROUTES.add, { body });
  expect(result.statusCode).toBe(status);
  expect(bodyOf(result).error).toMatch(reason);
});

test('a route the API does not serve answers 404', async () => {
  expect((await call('DELETE /video/catalog/{id}', { id: 'x' })).statusCode).toBe(404);
});

test('a table that does not answer gives 503 and a log line, never the error itself', async () => {
  const broken = loadFresh<ApiModule>(require.resolve('../../../lib/runtime/video-catalog/catalog-api'), { CATALOG_TABLE_NAME: 'no-such-table', DYNAMODB_ENDPOINT: db.endpoint }).handler;
  const result = await broken({ routeKey: CATALOG_ROUTES.list } as unknown as APIGatewayProxyEventV2);
  expect(result.statusCode).toBe(503);
  expect(bodyOf(result)).toEqual({ error: 'the catalog is unavailable; try again shortly' });
  expect(logs.lines().join('\n')).toContain('catalog.request_failed');
});

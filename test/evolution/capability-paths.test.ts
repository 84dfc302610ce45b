import { canonicalPath, matchesPathPattern, pathOfRoutePattern, samplePath } from '../../lib/evolution/capabilities/http-paths';
import { textOf, TOKEN } from '../../lib/evolution/capabilities/template-values';

describe('one spelling for a path wherever it is declared', () => {
  test.each([
    ['/video/catalog/{id}', '/video/catalog/{}'],
    ['/devices/{deviceId}/stats', '/devices/{}/stats'],
    ['/video/assets/{key+}', '/video/assets/{+}'],
    ['/{proxy+}', '/{+}'],
    ['/chat/history', '/chat/history'],
  ])('API Gateway %s is %s', (path, canonical) => {
    expect(canonicalPath(path)).toBe(canonical);
  });

  test.each([
    ['/chat/history', '/chat/history'],
    [/^\/video\/catalog\/([^/]+)$/, '/video/catalog/{}'],
    [/^\/video\/assets\/(.+)$/, '/video/assets/{+}'],
    [/^\/devices\/([^/]+)\/latest$/, '/devices/{}/latest'],
  ])('route pattern %s serves %s', (pattern, path) => {
    expect(pathOfRoutePattern(pattern)).toBe(path);
  });

  test('a route pattern the check cannot spell is an error, never a silent miss', () => {
    expect(() => pathOfRoutePattern(/^\/items\/(\d+)$/)).toThrow(/cannot spell/);
    expect(() => pathOfRoutePattern(/\/items/)).toThrow(/anchored/);
  });
});

describe('load balancer path patterns', () => {
  test.each([
    ['/video/*', '/video/catalog/{}', true],
    ['/video/*', '/video/assets/{+}', true],
    ['/chat/*', '/video/catalog', false],
    ['/chat/*', '/chat/ws', true],
    ['/video/catalog', '/video/catalog/{}', false],
    ['/v?deo/*', '/video/catalog', true],
  ])('%s reaches %s: %s', (pattern, path, reaches) => {
    expect(matchesPathPattern(pattern, samplePath(path))).toBe(reaches);
  });
});

test('template strings read with their deploy-time parts marked', () => {
  expect(textOf({ 'Fn::Base64': { 'Fn::Join': ['', ['A=', { Ref: 'X' }, '\nB=b']] } })).toBe(`A=${TOKEN}\nB=b`);
});

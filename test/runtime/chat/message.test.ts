import { chatErrorFrame, chatMessageFrame, describeUnroutableFrame, parseSendMessage } from '../../../lib/runtime/chat/message';

describe('parseSendMessage', () => {
  const parse = (body: string | undefined, maxBytes = 2048) => parseSendMessage(body, false, maxBytes);

  test('accepts a non-empty string and returns it unchanged', () => {
    expect(parse(JSON.stringify({ action: 'sendmessage', data: ' hi 👋 ' }))).toEqual({ ok: true, data: ' hi 👋 ' });
  });

  test('measures the limit in UTF-8 bytes, not characters', () => {
    expect(parse(JSON.stringify({ data: 'ab' }), 2)).toEqual({ ok: true, data: 'ab' });
    expect(parse(JSON.stringify({ data: 'é' }), 2)).toEqual({ ok: true, data: 'é' });
    expect(parse(JSON.stringify({ data: 'éa' }), 2)).toEqual({ ok: false, reason: expect.stringContaining('3 bytes') });
    expect(parse(JSON.stringify({ data: '😀' }), 3)).toEqual({ ok: false, reason: expect.stringContaining('4 bytes') });
  });

  test.each([
    ['not JSON', '{oops'],
    ['JSON null', 'null'],
    ['a JSON string', '"hi"'],
    ['a JSON array', '[]'],
    ['missing data', '{}'],
    ['empty data', '{"data":""}'],
    ['boolean data', '{"data":true}'],
    ['array data', '{"data":["hi"]}'],
    ['an empty body', ''],
    ['no body', undefined],
  ])('rejects %s with a reason', (_name, body) => {
    const result = parse(body);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).not.toBe('');
  });

  test('rejects binary frames', () => {
    expect(parseSendMessage('e30=', true, 2048).ok).toBe(false);
  });
});

test('describeUnroutableFrame names the valid action for JSON and non-JSON frames', () => {
  expect(describeUnroutableFrame('{"action":"nope"}')).toMatch(/Unknown action.*"sendmessage"/);
  expect(describeUnroutableFrame('plain text')).toMatch(/not a JSON object.*"sendmessage"/);
  expect(describeUnroutableFrame(undefined)).toMatch(/"sendmessage"/);
});

test('frames are the documented JSON shapes', () => {
  expect(JSON.parse(chatMessageFrame({ id: 'm-1', data: 'hi', from: 'c1=', sentAt: '2025-01-01T00:00:00.000Z' }))).toEqual({
    type: 'message',
    id: 'm-1',
    data: 'hi',
    from: 'c1=',
    sentAt: '2025-01-01T00:00:00.000Z',
  });
  expect(JSON.parse(chatErrorFrame('bad'))).toEqual({ type: 'error', error: 'bad' });
});

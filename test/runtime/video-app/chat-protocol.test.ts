import { errorFrame, messageFrame, parseClientFrame } from '../../../lib/runtime/video-app/chat-protocol';

describe('parseClientFrame', () => {
  test('accepts a sendmessage frame', () => {
    expect(parseClientFrame('{"action":"sendmessage","data":"hi"}', 10)).toEqual({ ok: true, data: 'hi' });
  });

  test.each([
    ['not JSON', 'hello', 'frame is not valid JSON'],
    ['a JSON array', '[1]', 'frame must be a JSON object'],
    ['an unknown action', '{"action":"shout","data":"hi"}', 'the only valid action is "sendmessage"'],
    ['no action', '{"data":"hi"}', 'the only valid action is "sendmessage"'],
    ['no data', '{"action":"sendmessage"}', '"data" is required'],
    ['non-string data', '{"action":"sendmessage","data":5}', '"data" must be a string'],
    ['blank data', '{"action":"sendmessage","data":"  "}', '"data" must not be empty'],
  ])('rejects %s', (_case, frame, error) => {
    const parsed = parseClientFrame(frame, 10);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toContain(error);
  });

  test('measures the limit in UTF-8 bytes, not characters', () => {
    expect(parseClientFrame(JSON.stringify({ action: 'sendmessage', data: 'ééééé' }), 10)).toEqual({ ok: true, data: 'ééééé' });
    expect(parseClientFrame(JSON.stringify({ action: 'sendmessage', data: 'éééééé' }), 10)).toEqual({
      ok: false,
      error: '"data" is 12 bytes; the limit is 10 bytes (UTF-8)',
    });
  });

  test('does not echo an unknown action back', () => {
    const parsed = parseClientFrame('{"action":"<script>"}', 10);
    expect(!parsed.ok && parsed.error).not.toContain('<script>');
  });
});

test('server frames have the documented shapes', () => {
  expect(JSON.parse(messageFrame({ id: 'm1', data: 'hi', sentAt: '2025-01-01T00:00:00.000Z' }))).toEqual({
    type: 'message',
    id: 'm1',
    data: 'hi',
    sentAt: '2025-01-01T00:00:00.000Z',
  });
  expect(JSON.parse(errorFrame('nope'))).toEqual({ type: 'error', error: 'nope' });
});

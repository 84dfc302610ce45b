import { positiveIntegerEnv, requireEnv } from '../../../lib/runtime/shared/env';

test('requireEnv returns the value or names the missing variable', () => {
  expect(requireEnv('TABLE_NAME', { TABLE_NAME: 'chat' })).toBe('chat');
  expect(() => requireEnv('TABLE_NAME', {})).toThrow('Environment variable TABLE_NAME is required but is not set');
  expect(() => requireEnv('TABLE_NAME', { TABLE_NAME: ' ' })).toThrow(/TABLE_NAME/);
});

test('positiveIntegerEnv falls back when unset and rejects malformed values', () => {
  expect(positiveIntegerEnv('MAX_MESSAGE_BYTES', 2048, {})).toBe(2048);
  expect(positiveIntegerEnv('MAX_MESSAGE_BYTES', 2048, { MAX_MESSAGE_BYTES: '4096' })).toBe(4096);
  for (const bad of ['abc', '0', '-5', '1.5', '10kb']) {
    expect(() => positiveIntegerEnv('MAX_MESSAGE_BYTES', 2048, { MAX_MESSAGE_BYTES: bad })).toThrow(
      `MAX_MESSAGE_BYTES must be a positive integer, got "${bad}"`,
    );
  }
});

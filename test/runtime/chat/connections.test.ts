// Cold-start configuration checks: each load happens in an isolated module registry
// so the environment seen at import time can differ per test.

const loadFresh = (modulePath: string) => () => jest.isolateModules(() => require(modulePath));

afterEach(() => {
  process.env.TABLE_NAME = 'chat-connections-test';
});

test('a missing TABLE_NAME fails module load with a message naming it', () => {
  delete process.env.TABLE_NAME;

  expect(loadFresh('../../../lib/runtime/chat/connections')).toThrow(
    'Environment variable TABLE_NAME is required but is not set',
  );
  expect(loadFresh('../../../lib/runtime/chat/send-message')).toThrow(/TABLE_NAME/);
});

test('a malformed MAX_MESSAGE_BYTES fails module load of send-message', () => {
  process.env.TABLE_NAME = 'chat-connections-test';
  process.env.MAX_MESSAGE_BYTES = 'lots';
  try {
    expect(loadFresh('../../../lib/runtime/chat/send-message')).toThrow(/MAX_MESSAGE_BYTES/);
  } finally {
    delete process.env.MAX_MESSAGE_BYTES;
  }
});

// Cold-start configuration checks: each load happens in an isolated module registry
// so the environment seen at import time can differ per test.
import { TEST_CALLBACK_URL } from './support/chat-env';

const loadFresh = (modulePath: string) => () => jest.isolateModules(() => require(modulePath));
const REQUIRED = { TABLE_NAME: 'chat-connections-test', MESSAGES_TABLE_NAME: 'chat-messages-test', FAN_OUT_QUEUE_URL: 'https://sqs.example/q', CALLBACK_URL: TEST_CALLBACK_URL };

beforeEach(() => Object.assign(process.env, REQUIRED));
afterEach(() => {
  delete process.env.CALLBACK_URL;
  delete process.env.MAX_MESSAGE_BYTES;
  delete process.env.FAN_OUT_BATCH_SIZE;
});

test.each([
  ['TABLE_NAME', ['connections', 'on-connect', 'on-disconnect', 'fan-out']],
  ['MESSAGES_TABLE_NAME', ['message-history', 'send-message', 'chat-history']],
  ['FAN_OUT_QUEUE_URL', ['fan-out-queue', 'send-message', 'fan-out']],
  ['CALLBACK_URL', ['fan-out']],
])('a missing %s fails module load of every handler that needs it, naming it', (name, modules) => {
  delete process.env[name];
  for (const module of modules) {
    expect(loadFresh(`../../../lib/runtime/chat/${module}`)).toThrow(`Environment variable ${name} is required but is not set`);
  }
});

test.each([
  ['MAX_MESSAGE_BYTES', 'send-message'],
  ['FAN_OUT_BATCH_SIZE', 'fan-out'],
])('a malformed %s fails module load of %s', (name, module) => {
  process.env[name] = 'lots';
  expect(loadFresh(`../../../lib/runtime/chat/${module}`)).toThrow(new RegExp(name));
});

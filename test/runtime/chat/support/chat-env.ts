// Imported first by handler tests: the runtime reads its environment at module load
// (cold start), which happens when the handler module is imported.
export const TEST_TABLE_NAME = 'chat-connections-test';

process.env.TABLE_NAME = TEST_TABLE_NAME;
delete process.env.CALLBACK_URL;
delete process.env.CONNECTION_TTL_SECONDS;
delete process.env.MAX_MESSAGE_BYTES;

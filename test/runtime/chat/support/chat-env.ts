// Imported first by handler tests: the runtime reads its environment at module load
// (cold start), which happens when the handler module is imported.
export const TEST_TABLE_NAME = 'chat-connections-test';
export const TEST_MESSAGES_TABLE_NAME = 'chat-messages-test';
export const TEST_QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/chat-fan-out-test';
export const TEST_CALLBACK_URL = 'https://abc123.execute-api.us-east-1.amazonaws.com/live';

process.env.TABLE_NAME = TEST_TABLE_NAME;
process.env.MESSAGES_TABLE_NAME = TEST_MESSAGES_TABLE_NAME;
process.env.FAN_OUT_QUEUE_URL = TEST_QUEUE_URL;
delete process.env.CALLBACK_URL;
delete process.env.CONNECTION_TTL_SECONDS;
delete process.env.MAX_MESSAGE_BYTES;
delete process.env.CHAT_HISTORY_DAYS;
delete process.env.DYNAMODB_ENDPOINT;
delete process.env.SQS_ENDPOINT;

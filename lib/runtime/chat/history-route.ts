/** The chat history's route on the platform's HTTP API: the path the chat pool served it at. */
export const CHAT_HISTORY_ROUTE = 'GET /chat/history';

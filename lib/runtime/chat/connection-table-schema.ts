/**
 * Attribute names of the chat connections table, shared by the runtime and the CDK
 * construct that creates the table. Free of side effects so infrastructure code can
 * import it without the runtime's environment checks.
 */

/** Partition key (string): the API Gateway WebSocket connection id. */
export const CONNECTION_ID_ATTRIBUTE = 'connectionId';

/** DynamoDB TTL attribute (number, epoch seconds) after which a row may be deleted. */
export const TTL_ATTRIBUTE = 'ttl';

/** One row of the connections table. */
export interface ConnectionItem {
  [CONNECTION_ID_ATTRIBUTE]: string;
  /** ISO-8601 time at which API Gateway accepted the connection. */
  connectedAt: string;
  [TTL_ATTRIBUTE]: number;
}

/**
 * The event the IoT topic rule hands the ingest function, and the device record inside it.
 *
 * The rule is `SELECT *, topic(2) AS topicDeviceId, timestamp() AS receivedAt FROM 'telemetry/+/data'`,
 * so the event is the device's JSON payload with two fields added by the rule.
 */

/** What the rule sends; typed loosely because the payload part is whatever the device published. */
export interface TelemetryRuleEvent {
  /** The second topic level: the publishing thing's name. */
  readonly topicDeviceId?: unknown;
  /** Epoch milliseconds at which the broker received the message. */
  readonly receivedAt?: unknown;
  /** Optional in the payload; when present it must equal `topicDeviceId`. */
  readonly deviceId?: unknown;
  readonly timestamp?: unknown;
  readonly readings?: unknown;
}

/** The device record to validate, or why the event cannot carry one. */
export type ExtractedRecord = { readonly ok: true; readonly record: Record<string, unknown> } | { readonly ok: false; readonly reason: string };

/**
 * Takes the device id from the topic, never from the payload: the IoT policy only lets a thing
 * publish to its own topic, so the topic is authenticated and the payload is not.
 */
export function recordFromRuleEvent(event: unknown): ExtractedRecord {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    return { ok: false, reason: 'record must be a JSON object' };
  }
  const { topicDeviceId, deviceId, timestamp, readings } = event as TelemetryRuleEvent;
  if (typeof topicDeviceId !== 'string' || topicDeviceId === '') {
    return { ok: false, reason: 'event carries no topicDeviceId; is the topic rule selecting topic(2)?' };
  }
  if (deviceId !== undefined && deviceId !== topicDeviceId) {
    return { ok: false, reason: 'deviceId in the payload does not match the topic' };
  }
  return { ok: true, record: { deviceId: topicDeviceId, timestamp, readings } };
}

/**
 * Publishing telemetry from a device: one JSON record per MQTT message on the thing's own topic, which
 * the IoT topic rule hands to the ingest function.
 */
import type { MqttClient } from 'mqtt';
import { telemetryTopic } from '../telemetry/device-topics';
import { validateRecord } from '../telemetry/reading';

/** What a device measured at one moment. */
export interface DeviceReading {
  /** ISO 8601 with a time zone, or epoch milliseconds. */
  readonly timestamp: string | number;
  /** Metric name (lower case, digits, _) to a finite number. */
  readonly readings: Record<string, number>;
}

/**
 * The message body for one reading, checked by the same validation the ingest function applies, so a
 * device finds out at once, not from a dead-letter queue. The body carries no device id: the rule
 * takes it from the topic, which the device policy ties to the certificate.
 */
export function telemetryPayload(thingName: string, reading: DeviceReading, now: Date = new Date()): string {
  const checked = validateRecord({ deviceId: thingName, timestamp: reading.timestamp, readings: reading.readings }, now);
  if (!checked.ok) throw new Error(`Telemetry record not sent: ${checked.reason}`);
  return JSON.stringify({ timestamp: reading.timestamp, readings: reading.readings });
}

/**
 * Publishes one reading with QoS 1: resolves once IoT Core acknowledged it; a dropped connection
 * rejects, and the device keeps the reading to send again. A resend of the same device and moment
 * overwrites one item in the real-time table, so at-least-once delivery stores it once.
 */
export async function publishTelemetry(client: MqttClient, thingName: string, reading: DeviceReading): Promise<void> {
  await client.publishAsync(telemetryTopic(thingName), telemetryPayload(thingName, reading), { qos: 1 });
}

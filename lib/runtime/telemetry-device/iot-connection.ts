/**
 * A device's MQTT connection to AWS IoT Core: MQTT 3.1.1 over mutual TLS on port 8883, the device
 * proving who it is with an X.509 certificate (the claim certificate while it provisions, its own
 * afterwards).
 */
import { connectAsync, type MqttClient } from 'mqtt';

/** Where the account's IoT Core endpoint is, and how to trust it. */
export interface IotEndpoint {
  /** The account's data endpoint: `aws iot describe-endpoint --endpoint-type iot:Data-ATS`. */
  readonly host: string;
  /** @default 8883 */
  readonly port?: number;
  /** The CA that signs the endpoint's server certificate, PEM: Amazon Root CA 1 for ATS endpoints. */
  readonly ca: string;
}

/** Who connects: a certificate, its private key, and the MQTT client ID. */
export interface DeviceIdentity {
  readonly certificatePem: string;
  readonly privateKey: string;
  /** With a device certificate it must be the thing name: the device policy allows no other. */
  readonly clientId: string;
}

/** Options of {@link connectToIot}. */
export interface ConnectOptions {
  /**
   * Reconnect after a dropped connection (a long-running device); a one-shot command fails instead.
   * @default false
   */
  readonly reconnect?: boolean;
}

/** Connects, or rejects with the broker's or the TLS layer's reason. */
export async function connectToIot(endpoint: IotEndpoint, identity: DeviceIdentity, options: ConnectOptions = {}): Promise<MqttClient> {
  return connectAsync(
    `mqtts://${endpoint.host}:${endpoint.port ?? 8883}`,
    {
      clientId: identity.clientId,
      cert: identity.certificatePem,
      key: identity.privateKey,
      ca: endpoint.ca,
      protocolVersion: 4,
      // A device that only publishes needs no session kept for it between connections.
      clean: true,
      // IoT Core accepts keep-alives from 30 to 1200 seconds.
      keepalive: 60,
      connectTimeout: 10_000,
      reconnectPeriod: options.reconnect ? 5_000 : 0,
    },
    false,
  );
}

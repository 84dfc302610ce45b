/**
 * AWS IoT fleet provisioning by claim, on the device: connected with the claim certificate its
 * manufacturer installed (shared by a batch of devices, allowed nothing but these two calls), the
 * device asks IoT Core for a certificate and key of its own (CreateKeysAndCertificate), then registers
 * itself through the provisioning template (RegisterThing), which creates its thing, activates the
 * certificate, attaches the device policy and the thing, after the pre-provisioning hook agreed.
 */
import type { MqttClient } from 'mqtt';
import { CREATE_CERTIFICATE_TOPIC, registerThingTopic, THING_NAME } from '../telemetry/device-topics';

/** What a provisioned device keeps (the private key never leaves it) and connects with from then on. */
export interface DeviceCredentials {
  readonly thingName: string;
  readonly certificateId: string;
  readonly certificatePem: string;
  readonly privateKey: string;
}

/** Options of {@link provisionDevice}. */
export interface ProvisionOptions {
  /** The provisioning template's name (the stack's `ProvisioningTemplateName` output). */
  readonly templateName: string;
  /** The device's serial number; the template makes it the thing name. */
  readonly serialNumber: string;
  /**
   * How long to wait for each answer.
   * @default 30 seconds
   */
  readonly timeoutMs?: number;
}

/** Runs both calls on a connection made with the claim certificate; rejects with IoT Core's reason. */
export async function provisionDevice(claim: MqttClient, options: ProvisionOptions): Promise<DeviceCredentials> {
  if (!THING_NAME.test(options.serialNumber)) {
    throw new Error(`Serial number '${options.serialNumber.slice(0, 130)}' cannot be a thing name: 1-128 letters, digits or :_-`);
  }
  const timeoutMs = options.timeoutMs ?? 30_000;
  const created = await request(claim, CREATE_CERTIFICATE_TOPIC, {}, timeoutMs);
  const certificate = {
    certificateId: stringField(created, 'certificateId', CREATE_CERTIFICATE_TOPIC),
    certificatePem: stringField(created, 'certificatePem', CREATE_CERTIFICATE_TOPIC),
    privateKey: stringField(created, 'privateKey', CREATE_CERTIFICATE_TOPIC),
  };
  const registerTopic = registerThingTopic(options.templateName);
  const registered = await request(
    claim,
    registerTopic,
    {
      certificateOwnershipToken: stringField(created, 'certificateOwnershipToken', CREATE_CERTIFICATE_TOPIC),
      parameters: { SerialNumber: options.serialNumber },
    },
    timeoutMs,
  );
  return { thingName: stringField(registered, 'thingName', registerTopic), ...certificate };
}

/**
 * One request of the fleet provisioning MQTT API: subscribe to its answers first (IoT Core does not
 * keep them for late subscribers), publish, and take the first answer.
 */
async function request(client: MqttClient, topic: string, body: object, timeoutMs: number): Promise<Record<string, unknown>> {
  const accepted = `${topic}/accepted`;
  const rejected = `${topic}/rejected`;
  let onMessage: ((t: string, payload: Buffer) => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  const answer = new Promise<Record<string, unknown>>((resolve, reject) => {
    onMessage = (t, payload) => {
      if (t !== accepted && t !== rejected) return;
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(payload.toString('utf8')) as Record<string, unknown>;
      } catch {
        reject(new Error(`${t}: the answer is not JSON`));
        return;
      }
      if (t === accepted) resolve(parsed);
      else reject(new Error(`${topic} was rejected: ${String(parsed.statusCode ?? '?')} ${String(parsed.errorCode ?? '')} ${String(parsed.errorMessage ?? '')}`.trim()));
    };
    timer = setTimeout(() => reject(new Error(`${topic}: no answer within ${timeoutMs} ms`)), timeoutMs);
    client.on('message', onMessage);
  });
  // Settled here only if the subscription or the publish fails first; the answer's own outcome is awaited below.
  answer.catch(() => undefined);
  try {
    const granted = await client.subscribeAsync([accepted, rejected], { qos: 1 });
    if (granted.some((g) => g.qos === 128)) throw new Error(`${topic}: the claim certificate's policy does not allow subscribing to the answers`);
    await client.publishAsync(topic, JSON.stringify(body), { qos: 1 });
    return await answer;
  } finally {
    clearTimeout(timer);
    if (onMessage) client.removeListener('message', onMessage);
    // Best effort: the claim connection is closed right after provisioning anyway.
    await client.unsubscribeAsync([accepted, rejected]).catch(() => undefined);
  }
}

function stringField(answer: Record<string, unknown>, name: string, topic: string): string {
  const value = answer[name];
  if (typeof value !== 'string' || value === '') throw new Error(`${topic}/accepted carries no ${name}`);
  return value;
}

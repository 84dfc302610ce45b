/**
 * The device example as a command (`npm run device -- <command>`):
 *
 *   provision                   once per device: with the claim certificate, get a certificate of its
 *                               own and register the thing (fleet provisioning by claim)
 *   publish '<readings JSON>'   publish one reading taken now, e.g. '{"temperature":21.5}'
 *
 * Settings come from the environment: IOT_ENDPOINT, IOT_CA_FILE, IOT_PORT (8883), DEVICE_DIR; for
 * provision also CLAIM_CERT_FILE, CLAIM_KEY_FILE, PROVISIONING_TEMPLATE, SERIAL_NUMBER.
 */
import type { MqttClient } from 'mqtt';
import { claimFrom, deviceDirFrom, endpointFrom } from './device-config';
import { assertNoCredentials, loadCredentials, saveCredentials } from './device-files';
import { provisionDevice } from './fleet-provisioning';
import { connectToIot } from './iot-connection';
import { publishTelemetry } from './telemetry-publisher';

const USAGE = "usage: device provision | device publish '<readings JSON>'";

/** Runs one command and returns the line to print; throws with a one-line reason. */
export async function runDevice(argv: readonly string[], env: NodeJS.ProcessEnv, now: () => Date = () => new Date()): Promise<string> {
  const [command, ...rest] = argv;
  if (command === 'provision' && rest.length === 0) return provision(env);
  if (command === 'publish' && rest.length === 1) return publish(env, parseReadings(rest[0]), now());
  throw new Error(USAGE);
}

async function provision(env: NodeJS.ProcessEnv): Promise<string> {
  const endpoint = endpointFrom(env);
  const dir = deviceDirFrom(env);
  const claim = claimFrom(env);
  assertNoCredentials(dir);
  // The claim certificate is shared by many devices; the serial number keeps their client IDs apart.
  const client = await connectToIot(endpoint, { certificatePem: claim.certificatePem, privateKey: claim.privateKey, clientId: claim.serialNumber });
  const credentials = await closing(client, () => provisionDevice(client, { templateName: claim.templateName, serialNumber: claim.serialNumber }));
  saveCredentials(dir, credentials);
  return `Provisioned thing ${credentials.thingName} (certificate ${credentials.certificateId}); credentials in ${dir}`;
}

async function publish(env: NodeJS.ProcessEnv, readings: Record<string, number>, at: Date): Promise<string> {
  const endpoint = endpointFrom(env);
  const device = loadCredentials(deviceDirFrom(env));
  const client = await connectToIot(endpoint, { certificatePem: device.certificatePem, privateKey: device.privateKey, clientId: device.thingName });
  await closing(client, () => publishTelemetry(client, device.thingName, { timestamp: at.toISOString(), readings }));
  return `Published ${Object.keys(readings).length} reading(s) for ${device.thingName}`;
}

function parseReadings(text: string): Record<string, number> {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, number>;
  } catch {
    // Falls through to the one-line error below.
  }
  throw new Error(`readings must be a JSON object of metric to number, e.g. '{"temperature":21.5}'`);
}

async function closing<T>(client: MqttClient, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    await client.endAsync();
  }
}

if (require.main === module) {
  runDevice(process.argv.slice(2), process.env).then(
    (line) => console.log(line),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}

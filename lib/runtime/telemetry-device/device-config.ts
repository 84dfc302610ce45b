/**
 * The device example's settings, from environment variables. A missing or malformed one stops the
 * command with one line naming it.
 */
import { readFileSync } from 'node:fs';
import { integerEnv, optionalEnv, requireEnv } from '../shared/env';
import { THING_NAME } from '../telemetry/device-topics';
import type { IotEndpoint } from './iot-connection';

/** The IoT Core endpoint: IOT_ENDPOINT, IOT_PORT (default 8883), IOT_CA_FILE (Amazon Root CA 1, PEM). */
export function endpointFrom(env: NodeJS.ProcessEnv): IotEndpoint {
  return {
    host: requireEnv('IOT_ENDPOINT', env).trim(),
    port: integerEnv('IOT_PORT', { fallback: 8883, min: 1, max: 65535 }, env),
    ca: readPem('IOT_CA_FILE', env),
  };
}

/** Where the device keeps its own credentials once provisioned: DEVICE_DIR. */
export function deviceDirFrom(env: NodeJS.ProcessEnv): string {
  return requireEnv('DEVICE_DIR', env).trim();
}

/** What `provision` needs besides the endpoint: the claim credentials, the template, the serial number. */
export interface ClaimSettings {
  readonly certificatePem: string;
  readonly privateKey: string;
  readonly templateName: string;
  readonly serialNumber: string;
}

/** CLAIM_CERT_FILE, CLAIM_KEY_FILE, PROVISIONING_TEMPLATE, SERIAL_NUMBER. */
export function claimFrom(env: NodeJS.ProcessEnv): ClaimSettings {
  const serialNumber = requireEnv('SERIAL_NUMBER', env).trim();
  // The template makes the serial number the thing name: a bad one is refused before connecting.
  if (!THING_NAME.test(serialNumber)) throw new Error(`SERIAL_NUMBER '${serialNumber.slice(0, 130)}' cannot be a thing name: 1-128 letters, digits or :_-`);
  return {
    certificatePem: readPem('CLAIM_CERT_FILE', env),
    privateKey: readPem('CLAIM_KEY_FILE', env),
    templateName: requireEnv('PROVISIONING_TEMPLATE', env).trim(),
    serialNumber,
  };
}

/** The PEM file a variable names, read whole; a missing file is named in one line. */
function readPem(name: string, env: NodeJS.ProcessEnv): string {
  const file = optionalEnv(name, env);
  if (file === undefined) throw new Error(`Environment variable ${name} is required but is not set`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${name}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!text.includes('-----BEGIN ')) throw new Error(`${name}: ${file} is not a PEM file`);
  return text;
}

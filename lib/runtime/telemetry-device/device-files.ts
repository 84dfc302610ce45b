/**
 * A provisioned device's identity on its own storage: the thing name, its certificate and its private
 * key, the key readable by its owner only.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { DeviceCredentials } from './fleet-provisioning';

const FILES = { thingName: 'thing-name', certificatePem: 'device.pem.crt', privateKey: 'private.pem.key', certificateId: 'certificate-id' } as const;

/**
 * Fails if the folder already holds an identity. Checked before provisioning as well as before
 * writing: losing the key of a registered thing needs an operator to remove the thing before the
 * device can register again.
 */
export function assertNoCredentials(dir: string): void {
  if (existsSync(path.join(dir, FILES.privateKey))) {
    throw new Error(`${dir} already holds a device identity; remove it only if that thing was deregistered`);
  }
}

/** Writes the credentials once; see {@link assertNoCredentials}. */
export function saveCredentials(dir: string, credentials: DeviceCredentials): void {
  assertNoCredentials(dir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(path.join(dir, FILES.privateKey), credentials.privateKey, { mode: 0o600, flag: 'wx' });
  writeFileSync(path.join(dir, FILES.certificatePem), credentials.certificatePem, { mode: 0o644 });
  writeFileSync(path.join(dir, FILES.certificateId), `${credentials.certificateId}\n`, { mode: 0o644 });
  writeFileSync(path.join(dir, FILES.thingName), `${credentials.thingName}\n`, { mode: 0o644 });
}

/** Reads what {@link saveCredentials} wrote; a device that never provisioned is told so in one line. */
export function loadCredentials(dir: string): DeviceCredentials {
  const read = (file: string) => {
    try {
      return readFileSync(path.join(dir, file), 'utf8');
    } catch {
      throw new Error(`${dir} holds no device identity (${file} missing): run the provision command first`);
    }
  };
  return {
    thingName: read(FILES.thingName).trim(),
    certificateId: read(FILES.certificateId).trim(),
    certificatePem: read(FILES.certificatePem),
    privateKey: read(FILES.privateKey),
  };
}

/**
 * Pre-provisioning hook of the fleet provisioning template: IoT Core calls it before it registers a
 * device that presented the claim certificate, and registers the device only if it answers yes.
 *
 * The claim certificate is shared by a whole batch of devices, so whoever extracts it from one device
 * can ask for any serial number. The hook refuses:
 * - a serial number that cannot be a thing name (and so a device id the ingest function accepts);
 * - a serial number that is already a thing: the template would attach the new certificate to the
 *   existing thing, and the caller could publish as that device. A device that lost its credentials
 *   registers again after an operator has removed its old thing.
 * A production fleet would also check the serial number against the manufacturer's list here.
 *
 * IoT Core waits at most 5 seconds for the answer; an error or a timeout fails the registration, and
 * the device may try again.
 *
 * IAM: iot:DescribeThing on this account's things.
 */
import { DescribeThingCommand, IoTClient } from '@aws-sdk/client-iot';
import { describeError } from '../shared/error-fields';
import { log } from '../shared/json-logger';
import { THING_NAME } from '../telemetry/device-topics';

/** What IoT Core sends the hook (payload version 2020-04-01). */
export interface PreProvisioningEvent {
  readonly claimCertificateId?: string;
  readonly certificateId?: string;
  readonly templateArn?: string;
  readonly clientId?: string;
  readonly parameters?: Record<string, unknown>;
}

/** What IoT Core expects back. */
export interface PreProvisioningAnswer {
  readonly allowProvisioning: boolean;
}

// Module scope: reused by a warm execution environment. Short timeouts: IoT Core gives up after 5 s.
const iot = new IoTClient({ maxAttempts: 2, requestHandler: { connectionTimeout: 1_000, requestTimeout: 1_500 } });

export async function handler(event: PreProvisioningEvent): Promise<PreProvisioningAnswer> {
  const serialNumber = event?.parameters?.SerialNumber;
  const claimCertificateId = typeof event?.claimCertificateId === 'string' ? event.claimCertificateId : undefined;
  if (typeof serialNumber !== 'string' || !THING_NAME.test(serialNumber)) {
    log.warn('provisioning.refused', { claimCertificateId, reason: 'SerialNumber must be 1-128 letters, digits or :_-' });
    return { allowProvisioning: false };
  }
  try {
    await iot.send(new DescribeThingCommand({ thingName: serialNumber }));
  } catch (error) {
    if ((error as { name?: unknown }).name === 'ResourceNotFoundException') {
      log.info('provisioning.allowed', { claimCertificateId, thingName: serialNumber });
      return { allowProvisioning: true };
    }
    // Not knowing is not a yes: the registration fails and the device tries again later.
    log.error('provisioning.check_failed', { claimCertificateId, thingName: serialNumber, ...describeError(error) });
    throw error;
  }
  log.warn('provisioning.refused', { claimCertificateId, thingName: serialNumber, reason: 'thing already registered' });
  return { allowProvisioning: false };
}

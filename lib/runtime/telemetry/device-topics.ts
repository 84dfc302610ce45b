/**
 * The MQTT names a device and the cloud agree on: the thing name that identifies a device, the topic
 * it publishes telemetry to, and the AWS IoT fleet provisioning topics it uses once, to get its own
 * certificate.
 */

/**
 * AWS IoT thing names: letters, digits, `:`, `_` and `-`, at most 128. Each is also a valid `deviceId`
 * of the telemetry model (which allows `.` too) and a single MQTT topic level (no `/`, `+` or `#`).
 */
export const THING_NAME = /^[A-Za-z0-9:_-]{1,128}$/;

/** The topic filter of the IoT topic rule; the second level is the publishing thing's name. */
export const TELEMETRY_TOPIC_FILTER = 'telemetry/+/data';

/** Where a thing publishes its telemetry; its device policy allows this topic and no other. */
export function telemetryTopic(thingName: string): string {
  if (!THING_NAME.test(thingName)) {
    throw new Error(`'${thingName.slice(0, 130)}' is not a thing name: 1-128 letters, digits or :_-`);
  }
  return TELEMETRY_TOPIC_FILTER.replace('+', thingName);
}

/** Fleet provisioning MQTT API: CreateKeysAndCertificate. Answers arrive on `<topic>/accepted|rejected`. */
export const CREATE_CERTIFICATE_TOPIC = '$aws/certificates/create/json';

/** Fleet provisioning MQTT API: RegisterThing with a provisioning template. */
export function registerThingTopic(templateName: string): string {
  return `$aws/provisioning-templates/${templateName}/provision/json`;
}

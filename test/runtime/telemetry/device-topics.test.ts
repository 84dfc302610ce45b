import { registerThingTopic, telemetryTopic, THING_NAME } from '../../../lib/runtime/telemetry/device-topics';
import { validateRecord } from '../../../lib/runtime/telemetry/reading';

test('every thing name is a device id the ingest validation accepts', () => {
  const names = ['a', 'A-b_c:1', 'x'.repeat(128), '0123456789:_-', 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'];
  for (const name of names) {
    expect(THING_NAME.test(name)).toBe(true);
    expect(validateRecord({ deviceId: name, timestamp: Date.UTC(2026, 0, 1), readings: { temperature: 1 } }).ok).toBe(true);
  }
});

test("a thing publishes on the rule's topic with its name as the second level", () => {
  expect(telemetryTopic('sensor-1')).toBe('telemetry/sensor-1/data');
});

test.each(['', 'a/b', 'a+', '#', 'a.b', 'x'.repeat(129)])('%j is not a thing name, so it gets no topic', (name) => {
  expect(() => telemetryTopic(name)).toThrow(/is not a thing name: 1-128 letters, digits or :_-$/);
});

test('the RegisterThing topic names the template', () => {
  expect(registerThingTopic('IotPlatform-devices')).toBe('$aws/provisioning-templates/IotPlatform-devices/provision/json');
});

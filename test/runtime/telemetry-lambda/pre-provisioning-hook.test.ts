import { DescribeThingCommand, IoTClient, ResourceNotFoundException, ThrottlingException } from '@aws-sdk/client-iot';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../../lib/runtime/telemetry-lambda/pre-provisioning-hook';
import { captureLogs } from '../../support/captured-logs';

const iot = mockClient(IoTClient);
let logs: ReturnType<typeof captureLogs>;

/** What IoT Core sends for a RegisterThing request with the claim certificate. */
const event = (parameters: Record<string, unknown> | undefined) => ({
  claimCertificateId: 'claim123',
  certificateId: 'cert456',
  templateArn: 'arn:aws:iot:us-east-1:123456789012:provisioningtemplate/IotPlatform-devices',
  clientId: 'sensor-1',
  parameters,
});

beforeEach(() => {
  iot.reset();
  logs = captureLogs();
});
afterEach(() => logs.restore());

test('allows a well-formed serial number that is not a thing yet', async () => {
  iot.on(DescribeThingCommand, { thingName: 'sensor-1' }).rejects(new ResourceNotFoundException({ message: 'not found', $metadata: {} }));

  await expect(handler(event({ SerialNumber: 'sensor-1', 'AWS::IoT::Certificate::Id': 'cert456' }))).resolves.toEqual({ allowProvisioning: true });
  expect(logs.entries()).toEqual([{ level: 'info', event: 'provisioning.allowed', claimCertificateId: 'claim123', thingName: 'sensor-1' }]);
});

test('refuses a serial number that is already a thing: a leaked claim certificate must not take over a device', async () => {
  iot.on(DescribeThingCommand, { thingName: 'sensor-1' }).resolves({ thingName: 'sensor-1' });

  await expect(handler(event({ SerialNumber: 'sensor-1' }))).resolves.toEqual({ allowProvisioning: false });
  expect(logs.entries()).toEqual([
    { level: 'warn', event: 'provisioning.refused', claimCertificateId: 'claim123', thingName: 'sensor-1', reason: 'thing already registered' },
  ]);
});

test.each([
  ['no parameters', undefined],
  ['no serial number', {}],
  ['a number', { SerialNumber: 42 }],
  ['a slash (a topic level separator)', { SerialNumber: 'a/b' }],
  ['an MQTT wildcard', { SerialNumber: 'a+' }],
  ['a dot (not allowed in thing names)', { SerialNumber: 'a.b' }],
  ['more than 128 characters', { SerialNumber: 'a'.repeat(129) }],
])('refuses %s without asking the registry', async (_case, parameters) => {
  await expect(handler(event(parameters))).resolves.toEqual({ allowProvisioning: false });
  expect(iot.commandCalls(DescribeThingCommand)).toHaveLength(0);
  expect(logs.entries()).toEqual([expect.objectContaining({ event: 'provisioning.refused', reason: 'SerialNumber must be 1-128 letters, digits or :_-' })]);
});

test('fails (IoT Core then refuses the registration) when the registry cannot say: not knowing is not a yes', async () => {
  iot.on(DescribeThingCommand).rejects(new ThrottlingException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 429 } }));

  await expect(handler(event({ SerialNumber: 'sensor-1' }))).rejects.toThrow('Rate exceeded');
  expect(logs.entries()).toEqual([expect.objectContaining({ level: 'error', event: 'provisioning.check_failed', errorName: 'ThrottlingException', httpStatusCode: 429 })]);
});

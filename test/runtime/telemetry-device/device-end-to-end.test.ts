import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { DescribeThingCommand, IoTClient, ResourceNotFoundException } from '@aws-sdk/client-iot';
import { mockClient } from 'aws-sdk-client-mock';
import type { MqttClient } from 'mqtt';
import { loadCredentials } from '../../../lib/runtime/telemetry-device/device-files';
import { connectToIot } from '../../../lib/runtime/telemetry-device/iot-connection';
import { runDevice } from '../../../lib/runtime/telemetry-device/main';
import { telemetryPayload } from '../../../lib/runtime/telemetry-device/telemetry-publisher';
import { handler as preProvisioningHook } from '../../../lib/runtime/telemetry-lambda/pre-provisioning-hook';
import { captureLogs } from '../../support/captured-logs';
import { LocalIotCore } from '../../support/local-iot-core/local-iot-core';
import { ruleEvent } from '../../support/local-iot-core/topic-rule';
import { startLocalDynamoDb, type LocalDynamoDb } from '../../support/local-dynamodb';
import { idsOfType, synthIot, type SynthesizedStage } from '../../support/synth-stage';
import { loadFresh } from '../telemetry-lambda/support/fresh-module';

type IngestModule = typeof import('../../../lib/runtime/telemetry-lambda/ingest');
const TABLE = 'telemetry-realtime-devices';

const iotRegistry = mockClient(IoTClient);
let stage5: SynthesizedStage;
let core: LocalIotCore;
let db: LocalDynamoDb;
let ingest: IngestModule['handler'];
let work: string;
let claimPolicy: string;
let logs: ReturnType<typeof captureLogs>;

/** The environment a device runs the example with; the claim files are the batch's, the folder its own. */
function deviceEnv(serialNumber: string, deviceDir = path.join(work, serialNumber)): NodeJS.ProcessEnv {
  return {
    IOT_ENDPOINT: core.endpoint.host,
    IOT_PORT: String(core.endpoint.port),
    IOT_CA_FILE: path.join(work, 'root-ca.pem'),
    CLAIM_CERT_FILE: path.join(work, 'claim.pem.crt'),
    CLAIM_KEY_FILE: path.join(work, 'claim.pem.key'),
    PROVISIONING_TEMPLATE: stage5.json.Outputs!.ProvisioningTemplateName.Value as string,
    SERIAL_NUMBER: serialNumber,
    DEVICE_DIR: deviceDir,
  };
}

/** Resolves 'closed' when the broker drops the connection, 'open' if it is still up after 5 seconds. */
function outcome(client: MqttClient): Promise<'closed' | 'open'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('open'), 5_000);
    client.once('close', () => {
      clearTimeout(timer);
      resolve('closed');
    });
  });
}

/** What the stage's topic rule would hand the ingest function for each telemetry message published since `from`. */
function ruleEvents(from: number): Array<Record<string, unknown>> {
  const [rule] = Object.values(stage5.json.Resources!).filter((r) => r.Type === 'AWS::IoT::TopicRule');
  return core.published
    .slice(from)
    .map((m) => ruleEvent(rule.Properties.TopicRulePayload.Sql, m.topic, m.payload, Date.now()))
    .filter((e): e is Record<string, unknown> => e !== undefined);
}

beforeAll(async () => {
  stage5 = synthIot(5);
  [claimPolicy] = idsOfType(stage5.json, 'AWS::IoT::Policy').filter((id) => id.startsWith('DevicesClaimPolicy'));
  core = await LocalIotCore.start({ template: stage5.json, hook: preProvisioningHook });
  db = await startLocalDynamoDb();
  await db.createRealtimeTable(TABLE);
  ingest = loadFresh<IngestModule>(require.resolve('../../../lib/runtime/telemetry-lambda/ingest'), { TABLE_NAME: TABLE, DYNAMODB_ENDPOINT: db.endpoint }).handler;
  work = mkdtempSync(path.join(tmpdir(), 'device-'));
  const claim = core.createClaimCertificate(claimPolicy);
  writeFileSync(path.join(work, 'root-ca.pem'), core.pki.caPem);
  writeFileSync(path.join(work, 'claim.pem.crt'), claim.certificatePem);
  writeFileSync(path.join(work, 'claim.pem.key'), claim.privateKey);
  // The hook asks the thing registry; the local IoT Core's registry answers.
  iotRegistry.on(DescribeThingCommand).callsFake(({ thingName }: { thingName: string }) => {
    if (core.things.has(thingName)) return { thingName };
    throw new ResourceNotFoundException({ message: `Thing ${thingName} cannot be found`, $metadata: {} });
  });
}, 60_000);

afterAll(async () => {
  await core?.stop();
  await db?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});
beforeEach(() => {
  logs = captureLogs();
});
afterEach(() => logs.restore());

describe('a device of the fleet, end to end against a local MQTT broker over mutual TLS', () => {
  test('provisions by claim, then publishes readings that the topic rule hands to ingest, which stores them', async () => {
    const at = new Date(Date.now() - 1_000);

    const provisioned = await runDevice(['provision'], deviceEnv('sensor-0001'));
    expect(provisioned).toMatch(/^Provisioned thing sensor-0001 \(certificate [0-9a-f]{32}\); credentials in /);
    expect(core.policiesOfThing('sensor-0001')).toEqual([idsOfType(stage5.json, 'AWS::IoT::Policy').find((id) => id.startsWith('IotIngestionDevicePolicy'))]);

    const before = core.published.length;
    expect(await runDevice(['publish', '{"temperature":21.5,"humidity":40}'], deviceEnv('sensor-0001'), () => at)).toBe('Published 2 reading(s) for sensor-0001');

    const [message] = core.published.slice(before);
    expect(message.topic).toBe('telemetry/sensor-0001/data');
    expect(message.payload.toString()).toBe(telemetryPayload('sensor-0001', { timestamp: at.toISOString(), readings: { temperature: 21.5, humidity: 40 } }));
    const events = ruleEvents(before);
    expect(events).toHaveLength(1);
    await expect(ingest(events[0])).resolves.toEqual({ status: 'stored', deviceId: 'sensor-0001', ts: at.getTime() });
    const { Item } = await db.client.send(new GetItemCommand({ TableName: TABLE, Key: { deviceId: { S: 'sensor-0001' }, ts: { N: String(at.getTime()) } } }));
    expect(Item?.readings).toEqual({ M: { temperature: { N: '21.5' }, humidity: { N: '40' } } });
  }, 30_000);

  test('a serial number that is already a thing is refused, and the thing keeps only its own certificate', async () => {
    await runDevice(['provision'], deviceEnv('sensor-0002'));
    const otherDevice = path.join(work, 'impostor');

    await expect(runDevice(['provision'], deviceEnv('sensor-0002', otherDevice))).rejects.toThrow(/^\$aws\/provisioning-templates\/.+\/provision\/json was rejected: 403 AccessDenied/);
    expect(core.things.get('sensor-0002')?.size).toBe(1);
    expect(logs.entries()).toContainEqual(expect.objectContaining({ event: 'provisioning.refused', thingName: 'sensor-0002', reason: 'thing already registered' }));
  }, 30_000);

  test('a device identity already on the device is never replaced', async () => {
    await runDevice(['provision'], deviceEnv('sensor-0003'));
    const registered = core.published.length;

    await expect(runDevice(['provision'], deviceEnv('sensor-0003'))).rejects.toThrow(/already holds a device identity/);
    expect(core.published.length).toBe(registered);
  }, 30_000);

  test('the device policy lets a device publish only to its own topic, and connect only as its thing', async () => {
    await runDevice(['provision'], deviceEnv('sensor-0004'));
    const credentials = loadCredentials(path.join(work, 'sensor-0004'));

    await expect(connectToIot(core.endpoint, { ...credentials, clientId: 'sensor-0001' })).rejects.toThrow(/Not authorized/i);

    const client = await connectToIot(core.endpoint, { ...credentials, clientId: 'sensor-0004' });
    const closed = outcome(client);
    const before = core.published.length;
    client.publish('telemetry/sensor-0001/data', JSON.stringify({ timestamp: Date.now(), readings: { temperature: 99 } }), { qos: 1 });
    expect(await closed).toBe('closed');
    client.end(true);
    expect(core.published.slice(before)).toEqual([]);
  }, 30_000);

  test('the claim certificate can provision and nothing else: no telemetry', async () => {
    const env = deviceEnv('claim-only');
    const client = await connectToIot(core.endpoint, {
      certificatePem: readFileSync(env.CLAIM_CERT_FILE!, 'utf8'),
      privateKey: readFileSync(env.CLAIM_KEY_FILE!, 'utf8'),
      clientId: 'claim-only',
    });
    const closed = outcome(client);
    const before = core.published.length;
    client.publish('telemetry/claim-only/data', JSON.stringify({ timestamp: Date.now(), readings: { temperature: 1 } }), { qos: 1 });
    expect(await closed).toBe('closed');
    client.end(true);
    expect(ruleEvents(before)).toEqual([]);
  }, 30_000);

  test('a reading the ingest function would reject is refused on the device, before anything is sent', async () => {
    await runDevice(['provision'], deviceEnv('sensor-0005'));
    const before = core.published.length;

    await expect(runDevice(['publish', '{"Temperature":21.5}'], deviceEnv('sensor-0005'))).rejects.toThrow(
      "Telemetry record not sent: metric 'Temperature' must be lower-case letters, digits or _, starting with a letter",
    );
    expect(core.published.length).toBe(before);
  }, 30_000);
});

describe('the device command: bad input is one line', () => {
  test.each([
    [[], {}, "usage: device provision | device publish '<readings JSON>'"],
    [['publish'], {}, "usage: device provision | device publish '<readings JSON>'"],
    [['publish', 'not json'], {}, `readings must be a JSON object of metric to number, e.g. '{"temperature":21.5}'`],
    [['publish', '{"temperature":1}'], {}, 'Environment variable IOT_ENDPOINT is required but is not set'],
    [['publish', '{"temperature":1}'], { IOT_ENDPOINT: 'x', IOT_CA_FILE: '/nonexistent/ca.pem' }, 'IOT_CA_FILE: cannot read /nonexistent/ca.pem (ENOENT)'],
    [['publish', '{"temperature":1}'], { IOT_ENDPOINT: 'x', IOT_PORT: '99999' }, 'IOT_PORT must be an integer from 1 to 65535 (got "99999")'],
  ])('%j with %j', async (argv, env, message) => {
    await expect(runDevice(argv, env as NodeJS.ProcessEnv)).rejects.toThrow(message);
  });

  test('publishing before provisioning says what to do', async () => {
    const env = { ...deviceEnv('never-provisioned') };
    await expect(runDevice(['publish', '{"temperature":1}'], env)).rejects.toThrow(/holds no device identity \(thing-name missing\): run the provision command first/);
  });

  test('a serial number that cannot be a thing name is refused before connecting', async () => {
    const before = core.published.length;
    await expect(runDevice(['provision'], deviceEnv('bad/serial', path.join(work, 'bad-serial')))).rejects.toThrow(
      "SERIAL_NUMBER 'bad/serial' cannot be a thing name: 1-128 letters, digits or :_-",
    );
    expect(core.published.length).toBe(before);
  });
});

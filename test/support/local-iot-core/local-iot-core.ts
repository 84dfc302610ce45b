import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import * as tls from 'node:tls';
import { createBroker, type AuthenticateError, type Client, type PublishPacket } from 'aedes';
import type Aedes from 'aedes';
import type { CfnTemplate } from '../../../lib/evolution/data-safety';
import { CREATE_CERTIFICATE_TOPIC, registerThingTopic } from '../../../lib/runtime/telemetry/device-topics';
import type { IotEndpoint } from '../../../lib/runtime/telemetry-device/iot-connection';
import type { PreProvisioningAnswer, PreProvisioningEvent } from '../../../lib/runtime/telemetry-lambda/pre-provisioning-hook';
import { resolveIntrinsics } from './cfn-resolve';
import { IotAction, iotArn, isAllowed, PolicyDocument } from './iot-policy';
import { IssuedCertificate, TestPki } from './test-pki';

/** Options of {@link LocalIotCore.start}. */
export interface LocalIotCoreOptions {
  /** The synthesized stack: its IoT policies and provisioning template are what the stand-in enforces. */
  readonly template: CfnTemplate;
  /** The template's pre-provisioning hook, as deployed (the real handler). */
  readonly hook: (event: PreProvisioningEvent) => Promise<PreProvisioningAnswer>;
}

/** A message a client published and the broker accepted. */
export interface Published {
  readonly clientId: string;
  readonly topic: string;
  readonly payload: Buffer;
}

interface RegisteredCertificate {
  readonly id: string;
  status: 'ACTIVE' | 'INACTIVE';
  readonly policies: string[];
}

/**
 * A loopback stand-in for the parts of AWS IoT Core a device meets: an MQTT 3.1.1 broker (aedes) behind
 * mutual TLS, a registry of certificates, things and attached policies, the stack's own IoT policies
 * enforced on connect, publish, subscribe and receive, and the fleet provisioning MQTT API running the
 * stack's provisioning template with its pre-provisioning hook.
 */
export class LocalIotCore {
  public static async start(options: LocalIotCoreOptions): Promise<LocalIotCore> {
    const core = new LocalIotCore(options);
    await new Promise<void>((resolve) => core.server.listen(0, '127.0.0.1', resolve));
    return core;
  }

  public readonly pki = new TestPki();
  /** Thing name to the fingerprints of the certificates attached to it. */
  public readonly things = new Map<string, Set<string>>();
  /** Everything clients published that the broker accepted, in order. */
  public readonly published: Published[] = [];
  private readonly certificates = new Map<string, RegisteredCertificate>();
  private readonly policies: Map<string, PolicyDocument>;
  private readonly provisioning: { name: string; body: ProvisioningTemplateBody };
  private readonly ownershipTokens = new Map<string, string>();
  private readonly answerRecipients = new Map<string, string>();
  private readonly broker: Aedes;
  private readonly server: tls.Server;

  private constructor(private readonly options: LocalIotCoreOptions) {
    const resources = options.template.Resources ?? {};
    const resolve = (value: unknown) => resolveIntrinsics(value, resources);
    this.policies = new Map(
      Object.entries(resources)
        .filter(([, r]) => r.Type === 'AWS::IoT::Policy')
        .map(([id, r]) => [id, resolve(r.Properties.PolicyDocument) as PolicyDocument]),
    );
    const [template, ...others] = Object.values(resources).filter((r) => r.Type === 'AWS::IoT::ProvisioningTemplate');
    if (!template || others.length > 0) throw new Error('The stack must have exactly one provisioning template');
    this.provisioning = { name: template.Properties.TemplateName, body: JSON.parse(resolve(template.Properties.TemplateBody) as string) };

    this.broker = createBroker({
      authenticate: (client, _username, _password, done) => this.authenticate(client, done),
      authorizePublish: (client, packet, done) => done(client && !this.allowed(client, 'iot:Publish', `topic/${packet.topic}`) ? new Error('not authorized') : null),
      authorizeSubscribe: (client, subscription, done) => done(null, this.allowed(client, 'iot:Subscribe', `topicfilter/${subscription.topic}`) ? subscription : null),
      authorizeForward: (client, packet) => {
        const recipient = this.answerRecipients.get(packet.topic);
        if (recipient !== undefined && recipient !== client.id) return null;
        return this.allowed(client, 'iot:Receive', `topic/${packet.topic}`) ? packet : null;
      },
    });
    this.broker.on('publish', (packet, client) => {
      if (!client) return;
      this.published.push({ clientId: client.id, topic: packet.topic, payload: Buffer.from(packet.payload) });
      void this.provisioningApi(client, packet.topic, Buffer.from(packet.payload));
    });
    const server = this.pki.issue('localhost', { serverNames: ['localhost', '127.0.0.1'] });
    this.server = tls.createServer(
      { key: server.privateKey, cert: server.certificatePem, ca: this.pki.caPem, requestCert: true, rejectUnauthorized: true },
      (socket) => this.broker.handle(socket),
    );
  }

  /** How a device reaches this broker. */
  public get endpoint(): IotEndpoint {
    return { host: '127.0.0.1', port: (this.server.address() as AddressInfo).port, ca: this.pki.caPem };
  }

  /**
   * What a manufacturer does once per batch (`aws iot create-keys-and-certificate --set-as-active`,
   * then `aws iot attach-policy` with the stack's claim policy): an active certificate with that policy.
   */
  public createClaimCertificate(claimPolicy: string): IssuedCertificate {
    if (!this.policies.has(claimPolicy)) throw new Error(`No IoT policy ${claimPolicy} in the stack`);
    const issued = this.pki.issue('AWS IoT Certificate');
    this.certificates.set(issued.fingerprint, { id: randomUUID().replace(/-/g, ''), status: 'ACTIVE', policies: [claimPolicy] });
    return issued;
  }

  /** The policies attached to a thing's certificates. */
  public policiesOfThing(thingName: string): string[] {
    return [...(this.things.get(thingName) ?? [])].flatMap((fingerprint) => this.certificates.get(fingerprint)?.policies ?? []);
  }

  public async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.broker.close(() => resolve()));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private authenticate(client: Client, done: (error: AuthenticateError | null, success: boolean | null) => void): void {
    const refuse = () => done(Object.assign(new Error('not authorized'), { returnCode: 5 }) as AuthenticateError, false);
    const certificate = this.certificates.get(this.fingerprintOf(client));
    if (certificate?.status !== 'ACTIVE') return refuse();
    if (!this.allowed(client, 'iot:Connect', `client/${client.id}`)) return refuse();
    done(null, true);
  }

  /** Whether the client's certificate's policies allow the action on the resource. */
  private allowed(client: Client, action: IotAction, resource: string): boolean {
    const fingerprint = this.fingerprintOf(client);
    const certificate = this.certificates.get(fingerprint);
    if (certificate?.status !== 'ACTIVE') return false;
    // IoT Core sets the Thing.ThingName variable only when the client ID names a thing attached to the certificate.
    const thingName = this.things.get(client.id)?.has(fingerprint) ? client.id : undefined;
    return isAllowed(
      certificate.policies.map((name) => this.policies.get(name)!),
      action,
      iotArn(resource),
      thingName,
    );
  }

  private fingerprintOf(client: Client): string {
    return (client.conn as tls.TLSSocket).getPeerCertificate().fingerprint256;
  }

  /** CreateKeysAndCertificate and RegisterThing, answered on `<topic>/accepted|rejected` to the caller only. */
  private async provisioningApi(client: Client, topic: string, payload: Buffer): Promise<void> {
    if (topic === CREATE_CERTIFICATE_TOPIC) {
      const issued = this.pki.issue('AWS IoT Certificate');
      const certificateId = randomUUID().replace(/-/g, '');
      const token = randomUUID();
      // Inactive, with no policy, until a template registers it.
      this.certificates.set(issued.fingerprint, { id: certificateId, status: 'INACTIVE', policies: [] });
      this.ownershipTokens.set(token, issued.fingerprint);
      this.answer(client, `${topic}/accepted`, {
        certificateId,
        certificatePem: issued.certificatePem,
        privateKey: issued.privateKey,
        certificateOwnershipToken: token,
      });
    } else if (topic === registerThingTopic(this.provisioning.name)) {
      const rejected = (statusCode: number, errorCode: string, errorMessage: string) => this.answer(client, `${topic}/rejected`, { statusCode, errorCode, errorMessage });
      const request = JSON.parse(payload.toString('utf8')) as { certificateOwnershipToken?: string; parameters?: Record<string, string> };
      const fingerprint = this.ownershipTokens.get(request.certificateOwnershipToken ?? '');
      if (!fingerprint) return rejected(400, 'InvalidCertificateOwnershipToken', 'Certificate ownership token is invalid');
      const certificate = this.certificates.get(fingerprint)!;
      const parameters = { ...request.parameters, 'AWS::IoT::Certificate::Id': certificate.id };
      const answer = await this.options.hook({
        claimCertificateId: this.certificates.get(this.fingerprintOf(client))?.id,
        certificateId: certificate.id,
        templateArn: iotArn(`provisioningtemplate/${this.provisioning.name}`),
        clientId: client.id,
        parameters,
      });
      if (!answer.allowProvisioning) return rejected(403, 'AccessDenied', 'The pre-provisioning hook refused the request');
      const thingName = this.runTemplate(parameters, fingerprint);
      this.ownershipTokens.delete(request.certificateOwnershipToken!);
      this.answer(client, `${topic}/accepted`, { deviceConfiguration: {}, thingName });
    }
  }

  /** Applies the template body: the thing, the certificate's status, the policy, the attachment. */
  private runTemplate(parameters: Record<string, string>, fingerprint: string): string {
    const value = (v: unknown): string => {
      if (typeof v === 'string') return v;
      const ref = (v as { Ref?: string }).Ref;
      if (ref !== undefined && ref in parameters) return parameters[ref];
      throw new Error(`Template value ${JSON.stringify(v)} is not resolved by this stand-in`);
    };
    const resources = Object.values(this.provisioning.body.Resources);
    const thing = resources.find((r) => r.Type === 'AWS::IoT::Thing');
    const certificate = resources.find((r) => r.Type === 'AWS::IoT::Certificate');
    const policy = resources.find((r) => r.Type === 'AWS::IoT::Policy');
    if (!thing || !certificate || !policy) throw new Error('The template must create a thing, a certificate and a policy attachment');
    const registered = this.certificates.get(fingerprint)!;
    if (value(certificate.Properties.CertificateId) !== registered.id) throw new Error('The template names another certificate');
    registered.status = value(certificate.Properties.Status) === 'ACTIVE' ? 'ACTIVE' : 'INACTIVE';
    registered.policies.push(value(policy.Properties.PolicyName));
    const thingName = value(thing.Properties.ThingName);
    this.things.set(thingName, new Set([...(this.things.get(thingName) ?? []), fingerprint]));
    return thingName;
  }

  private answer(client: Client, topic: string, body: object): void {
    this.answerRecipients.set(topic, client.id);
    const packet: PublishPacket = { cmd: 'publish', topic, payload: Buffer.from(JSON.stringify(body)), qos: 1, retain: false, dup: false };
    this.broker.publish(packet, () => undefined);
  }
}

interface ProvisioningTemplateBody {
  readonly Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
}


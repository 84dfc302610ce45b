import { App } from 'aws-cdk-lib';
import { LiveEvent, validateLiveEvents } from '../constructs/live-event-prescaling';
import { ORACLE_MAX_STORAGE_GIB, ORACLE_MIN_STORAGE_GIB, ORACLE_WORKSHOP_STORAGE_GIB } from '../constructs/telemetry-oracle';
import { IOT_PLATFORM } from '../../stages/iot/registry';
import { CaseStudyInfo, selectStage, StageInfo } from '../../stages/stage-info';
import { VIDEO_PLATFORM } from '../../stages/video/registry';
import { ContextError, parseAvailabilityZones, parseBoolean, parseCertificateArn, parseCloudFrontWebAclArn, parseDomainName, parseEmail, parseJson, parseRegion, parseStrict, parseWholeNumber } from './context-parsers';
import { nearest } from './nearest';

/** Everything a deploy is configured with, read and checked from context before any stack is built. */
export interface DeployContext {
  readonly video: StageInfo;
  readonly iot: StageInfo;
  readonly region: string;
  readonly availabilityZones?: string[];
  readonly certificateArn?: string;
  readonly ingestCertificateArn?: string;
  readonly webAclArn?: string;
  readonly mediaDomainName?: string;
  readonly mediaCertificateArn?: string;
  readonly alertEmail?: string;
  readonly liveEvents: LiveEvent[];
  readonly oracleStorageGiB: number;
  readonly archiveAfterDays: number;
  readonly strict: boolean;
  readonly checks: boolean;
}

/** Stages of each case study that read a key; a study left out never reads it. */
export type Usage = { readonly video?: readonly number[]; readonly iot?: readonly number[] };

const EVERY_STAGE = [1, 2, 3, 4, 5] as const;
const ALL: Usage = { video: EVERY_STAGE, iot: EVERY_STAGE };

/** One context key: what it means, its default, how its value is read, and which stages use it. */
export interface ContextEntry {
  readonly key: keyof DeployContext & string;
  /** One sentence for the README and the help text. */
  readonly meaning: string;
  /** The default as a reader should see it. */
  readonly defaultText: string;
  /** Stages that use the key; a value given for none of the deployed stages fails. */
  readonly usedBy: Usage;
  /** Turns the raw value (undefined when not given) into the setting; throws a ContextError. */
  readonly parse: (raw: unknown, known: { region: string }) => unknown;
}

// The stage keys default to 1, as cdk.json ships them.
const stage = (study: CaseStudyInfo) => (raw: unknown) => selectStage(study, raw ?? 1);
const optional = <T>(parse: (raw: unknown) => T) => (raw: unknown) => (raw === undefined ? undefined : parse(raw));
const LIVE_EVENT_EXAMPLE = `'[{"name":"finals","startsAt":"2027-03-14T19:00:00Z","durationMinutes":120,"videoInstances":10,"chatInstances":4}]'`;

/**
 * The one declaration of every context key this project reads. Validation, the README's table and the
 * help text all come from here. Order matters only in that `region` comes before the keys checked
 * against it.
 */
export const CONTEXT_TABLE: readonly ContextEntry[] = [
  { key: 'video', meaning: 'Stage of the video platform (stack VideoPlatform), 1-5. Naming only one study\'s stage builds only its stack.', defaultText: '`1`', usedBy: { video: EVERY_STAGE }, parse: stage(VIDEO_PLATFORM) },
  { key: 'iot', meaning: 'Stage of the IoT platform (stack IotPlatform), 1-5. Naming only one study\'s stage builds only its stack.', defaultText: '`1`', usedBy: { iot: EVERY_STAGE }, parse: stage(IOT_PLATFORM) },
  {
    key: 'region',
    meaning: 'Region of both stacks: a commercial region in aws-cdk-lib\'s region facts. The stacks carry no account; nothing does a context lookup.',
    defaultText: '`us-east-1` (cdk.json)',
    usedBy: ALL,
    parse: (raw) => parseRegion(raw ?? 'us-east-1'),
  },
  {
    key: 'availabilityZones',
    meaning: 'JSON list of two or more AZs of the region for the VPC, e.g. `\'["us-east-1a","us-east-1b","us-east-1c"]\'`. Set it before the first deploy: changing it later replaces the subnets.',
    defaultText: 'two AZs resolved at deploy time',
    usedBy: ALL,
    parse: (raw, { region }) => (raw === undefined ? undefined : parseAvailabilityZones(raw, region)),
  },
  {
    key: 'certificateArn',
    meaning: 'ACM certificate (in the stack\'s region) for HTTPS on the video platform\'s load balancer; port 80 then redirects.',
    defaultText: 'HTTP only',
    usedBy: { video: [1, 2, 3] },
    parse: (raw, { region }) => (raw === undefined ? undefined : parseCertificateArn('certificateArn', raw, region)),
  },
  {
    key: 'ingestCertificateArn',
    meaning: 'ACM certificate (in the stack\'s region) for HTTPS on the IoT ingestion load balancer; port 80 then redirects.',
    defaultText: 'HTTP only',
    usedBy: { iot: [1, 2, 3, 4] },
    parse: (raw, { region }) => (raw === undefined ? undefined : parseCertificateArn('ingestCertificateArn', raw, region)),
  },
  {
    key: 'webAclArn',
    meaning: 'WAF web ACL with scope CLOUDFRONT (it lives in us-east-1) for the media distribution.',
    defaultText: 'none',
    usedBy: { video: [3, 4, 5] },
    parse: optional((raw) => parseCloudFrontWebAclArn('webAclArn', raw)),
  },
  {
    key: 'mediaDomainName',
    meaning: 'Custom domain of the media distribution, e.g. `media.example.com`; give `mediaCertificateArn` with it. Viewers then get TLS 1.2 or later (the default *.cloudfront.net certificate allows TLS 1.0).',
    defaultText: 'the distribution\'s own domain',
    usedBy: { video: [3, 4, 5] },
    parse: optional((raw) => parseDomainName('mediaDomainName', raw)),
  },
  {
    key: 'mediaCertificateArn',
    meaning: 'ACM certificate for `mediaDomainName`; CloudFront takes certificates from us-east-1 only.',
    defaultText: 'none',
    usedBy: { video: [3, 4, 5] },
    parse: optional((raw) => parseCertificateArn('mediaCertificateArn', raw, 'us-east-1', 'CloudFront takes certificates from us-east-1 only')),
  },
  {
    key: 'alertEmail',
    meaning: 'E-mail address subscribed to the alerts topic (alarms, Auto Scaling events); its owner confirms the subscription.',
    defaultText: 'none',
    usedBy: ALL,
    parse: optional((raw) => parseEmail('alertEmail', raw)),
  },
  {
    key: 'liveEvents',
    meaning: `JSON list of known live events to pre-scale the pools for, e.g. \`${LIVE_EVENT_EXAMPLE}\`.`,
    defaultText: 'none',
    usedBy: { video: [2, 3] },
    parse: (raw) => {
      const events = raw === undefined ? [] : parseJson('liveEvents', raw, LIVE_EVENT_EXAMPLE);
      if (!Array.isArray(events)) throw new ContextError(`Context 'liveEvents' must be a JSON list, e.g. ${LIVE_EVENT_EXAMPLE}`);
      validateLiveEvents(events as LiveEvent[]);
      return events;
    },
  },
  {
    key: 'oracleStorageGiB',
    meaning:
      `Storage of RDS for Oracle in IoT stage 1, in GiB (${ORACLE_MIN_STORAGE_GIB}-${ORACLE_MAX_STORAGE_GIB}); below ${ORACLE_MAX_STORAGE_GIB}, storage autoscaling may grow it. ` +
      `\`${ORACLE_MAX_STORAGE_GIB}\` reproduces the talk's forklift: 64 TiB bought up front, billed twice with Multi-AZ, five figures a month.`,
    defaultText: `\`${ORACLE_WORKSHOP_STORAGE_GIB}\``,
    usedBy: { iot: [1] },
    parse: (raw) => (raw === undefined ? ORACLE_WORKSHOP_STORAGE_GIB : parseWholeNumber('oracleStorageGiB', raw, ORACLE_MIN_STORAGE_GIB, ORACLE_MAX_STORAGE_GIB)),
  },
  {
    key: 'archiveAfterDays',
    meaning: 'Age in days after which the nightly job moves rows from Aurora to the S3 archive.',
    defaultText: '`90`',
    usedBy: { iot: [3, 4] },
    parse: (raw) => (raw === undefined ? 90 : parseWholeNumber('archiveAfterDays', raw, 0, 36500)),
  },
  {
    key: 'strict',
    meaning: 'With `true`, unacknowledged error-level Well-Architected findings fail synth; with `warnings`, any unacknowledged finding does.',
    defaultText: '`false`',
    usedBy: ALL,
    parse: (raw) => (raw === undefined ? false : parseStrict(raw)),
  },
  {
    key: 'checks',
    meaning: 'With `false`, synth skips the rule packs and the scorecard.',
    defaultText: '`true`',
    usedBy: ALL,
    parse: (raw) => (raw === undefined ? true : parseBoolean('checks', raw)),
  },
];

/** The talk's figures, one context value away from the workshop defaults: `-c oracleStorageGiB=65536`. */
export const TALK_SCALE = { name: 'talk', stages: [1], context: { oracleStorageGiB: ORACLE_MAX_STORAGE_GIB } } as const;

/**
 * Keys that belong to CDK itself: feature flags (`@aws-cdk/...`), what the CLI injects
 * (`aws:cdk:enable-path-metadata`, `aws:cdk:bundling-stacks`, ...), cached lookups in cdk.context.json
 * (`availability-zones:account=...`) and the CLI's own settings kept in context.
 */
export function isCdkKey(key: string): boolean {
  return /^(@aws-cdk|aws:cdk:|aws-cdk:|cdk-)/.test(key) || key.includes(':account=') || ['acknowledged-issue-numbers', 'cli-telemetry'].includes(key);
}

/** `2-3`, `1-5`, `5`: a list of consecutive stages as a reader says it. */
export function stageRange(stages: readonly number[]): string {
  return stages.length === 1 ? String(stages[0]) : `${stages[0]}-${stages[stages.length - 1]}`;
}

/** Who reads a key, in words: `video 2-3`, `iot 1`, `all stages`. */
export function usageText(usage: Usage): string {
  if (usage.video?.length === 5 && usage.iot?.length === 5) return 'all stages';
  return (['video', 'iot'] as const)
    .filter((study) => usage[study])
    .map((study) => `${study} ${stageRange(usage[study]!)}`)
    .join(', ');
}

/**
 * Reads and checks every context value before any stack exists: an unknown key, a malformed value or a
 * value no deployed stage can use stops synth with one line, so a mistyped key can never quietly move
 * a deployed stack back to its default stage.
 */
export function readDeployContext(app: App): DeployContext {
  const given: Record<string, unknown> = app.node.getAllContext();
  const declared = CONTEXT_TABLE.map((e) => e.key);
  for (const key of Object.keys(given)) {
    if (!isCdkKey(key) && !declared.includes(key as ContextEntry['key'])) {
      throw new ContextError(`Unknown context key '${key}' (did you mean '${nearest(key, declared)}'?). Valid keys: ${declared.join(', ')}`);
    }
  }
  const region = parseRegion(given.region ?? 'us-east-1');
  const values: Record<string, unknown> = {};
  for (const entry of CONTEXT_TABLE) values[entry.key] = entry.parse(given[entry.key], { region });
  const stages = { video: (values.video as StageInfo).id, iot: (values.iot as StageInfo).id };
  if ((values.mediaDomainName === undefined) !== (values.mediaCertificateArn === undefined)) {
    throw new ContextError("Context 'mediaDomainName' and 'mediaCertificateArn' go together: a domain and its us-east-1 ACM certificate");
  }

  for (const entry of CONTEXT_TABLE) {
    if (given[entry.key] === undefined) continue;
    const studies = (['video', 'iot'] as const).filter((study) => entry.usedBy[study]);
    if (studies.some((study) => entry.usedBy[study]!.includes(stages[study]))) continue;
    const deployed = studies.map((study) => `${study} is at stage ${stages[study]}`).join(', ');
    throw new ContextError(`Context '${entry.key}' is used by ${usageText(entry.usedBy)} only; ${deployed}. Deploy one of those stages with it, or leave it out`);
  }
  return values as unknown as DeployContext;
}

/** The README's table of context keys. */
export function contextTableMarkdown(): string {
  const rows = CONTEXT_TABLE.map((e) => `| \`${e.key}\` | ${e.meaning} | ${e.defaultText} | ${usageText(e.usedBy)} |`);
  return ['| key | meaning | default | used by |', '|---|---|---|---|', ...rows].join('\n');
}

/** The same table as plain text for a terminal. */
export function contextHelp(): string {
  const plain = (s: string) => s.replace(/`/g, '');
  const lines = CONTEXT_TABLE.map((e) => `  ${e.key.padEnd(22)}${plain(e.meaning)}\n  ${''.padEnd(22)}default: ${plain(e.defaultText)}; used by: ${usageText(e.usedBy)}`);
  return ['Context keys (cdk synth|diff|deploy -c key=value):', ...lines].join('\n');
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../app/project-root';
import { Scorecard } from '../../checks/scorecard';

/**
 * Which deployment a snapshot describes: `workshop` is what `cdk deploy -c <study>=<stage>` gets
 * with cdk.json's defaults (no certificate: plain HTTP); `talk` adds what the talk's production teams
 * had (stages/talk-deployment.ts), the context the talk's claims are checked under.
 */
export type DeploymentVariant = 'workshop' | 'talk';

/** A line of this project's source. */
export interface SourceLocation {
  /** Relative to the project root, with forward slashes. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** One resource of a synthesized template, as the workshop reads it. */
export interface ResourceInfo {
  readonly type: string;
  /** Construct path, e.g. `VideoPlatform/ChatDatabase/Cluster/Resource`. */
  readonly path: string;
  /** The line of this project that created the construct (the first frame of its creation stack in the project). */
  readonly createdAt?: SourceLocation;
  /** The line of the stage file that composed it, when that is a different line. */
  readonly composedAt?: SourceLocation;
}

/** A CloudFormation resource as the workshop reads it from a template. */
export interface TemplateResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
  readonly DependsOn?: string | string[];
  readonly Metadata?: Record<string, unknown>;
  readonly Condition?: string;
}

/** A CloudFormation template, as the workshop reads it. */
export interface StageTemplate {
  readonly Description?: string;
  readonly Resources?: Record<string, TemplateResource>;
  readonly Outputs?: Record<string, { Value: unknown; Description?: string }>;
  readonly [section: string]: unknown;
}

/** What one synthesized stage of a case study is, as every workshop command reads it. */
export interface StageSnapshot {
  readonly study: string;
  readonly stage: number;
  readonly slug: string;
  readonly stackName: string;
  readonly variant: DeploymentVariant;
  /** Context given on top of the variant's (`wa-stages ... -c key=value`); absent when none was. */
  readonly context?: Readonly<Record<string, string>>;
  /** The template of the study's stack. */
  readonly template: StageTemplate;
  /** Its Well-Architected scorecard. */
  readonly scorecard: Scorecard;
  /** Every resource of the template, by logical ID. */
  readonly resources: Record<string, ResourceInfo>;
}

type MetadataEntry = { type: string; data?: unknown };

/** `new ChatDatabase (/repo/lib/constructs/chat-database.ts:55:20)` → the file, line and column, when in the project. */
export function projectFrame(frame: string, root: string = PROJECT_ROOT): SourceLocation | undefined {
  const match = /\(?([^\s()]+):(\d+):(\d+)\)?$/.exec(frame.trim());
  if (!match) return undefined;
  const file = path.relative(root, match[1]);
  if (file.startsWith('..') || path.isAbsolute(file) || file.split(path.sep).includes('node_modules')) return undefined;
  return { file: file.split(path.sep).join('/'), line: Number(match[2]), column: Number(match[3]) };
}

/**
 * Frames of the code that describes the architecture: the stages and the constructs they use. The
 * App factory, the workshop tooling and the entry points only call into it.
 */
function describesArchitecture(location: SourceLocation): boolean {
  return location.file.startsWith('stages/') || (location.file.startsWith('lib/') && !/^lib\/(app|workshop)\//.test(location.file));
}

/** Where a construct was created, and where its stage composed it, from its creation stack. */
function locations(stack: unknown): Pick<ResourceInfo, 'createdAt' | 'composedAt'> {
  if (!Array.isArray(stack)) return {};
  const frames = stack
    .map((f) => projectFrame(String(f)))
    .filter((f): f is SourceLocation => f !== undefined && describesArchitecture(f));
  const createdAt = frames[0];
  const composed = frames.find((f) => f.file.startsWith('stages/'));
  const composedAt = composed && composed !== createdAt ? composed : undefined;
  return { ...(createdAt ? { createdAt } : {}), ...(composedAt ? { composedAt } : {}) };
}

/**
 * Every resource of a stack's template with its construct path and source lines, from the assembly's
 * metadata (the file the manifest names, as the CDK CLI reads it).
 */
export function readResources(assemblyDir: string, stackName: string, template: StageTemplate): Record<string, ResourceInfo> {
  const manifest = JSON.parse(fs.readFileSync(path.join(assemblyDir, 'manifest.json'), 'utf8'));
  const artifact = manifest.artifacts?.[stackName] ?? {};
  const metadataFile = artifact.additionalMetadataFile ? path.join(assemblyDir, artifact.additionalMetadataFile) : undefined;
  const metadata: Record<string, MetadataEntry[]> =
    metadataFile && fs.existsSync(metadataFile) ? JSON.parse(fs.readFileSync(metadataFile, 'utf8')) : (artifact.metadata ?? {});
  const byLogicalId = new Map<string, { path: string; stack?: unknown }>();
  for (const [constructPath, entries] of Object.entries(metadata)) {
    const logicalId = entries.find((e) => e.type === 'aws:cdk:logicalId')?.data;
    if (typeof logicalId !== 'string') continue;
    byLogicalId.set(logicalId, { path: constructPath.replace(/^\//, ''), stack: entries.find((e) => e.type === 'aws:cdk:creationStack')?.data });
  }
  const resources: Record<string, ResourceInfo> = {};
  for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
    const found = byLogicalId.get(logicalId);
    const metaPath = resource.Metadata?.['aws:cdk:path'];
    resources[logicalId] = {
      type: resource.Type,
      path: found?.path ?? (typeof metaPath === 'string' ? metaPath : `${stackName}/${logicalId}`),
      ...locations(found?.stack),
    };
  }
  // Resources CDK creates lazily at synth (a role's DefaultPolicy) have no stack of their own: they
  // belong to the construct they sit under, so they take the location of its nearest located sibling.
  const located = Object.values(resources).filter((r) => r.createdAt);
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (resource.createdAt) continue;
    for (let prefix = resource.path.split('/').slice(0, -1); prefix.length > 1; prefix = prefix.slice(0, -1)) {
      const near = located.find((r) => r.path.startsWith(`${prefix.join('/')}/`));
      if (near) {
        resources[logicalId] = { ...resource, createdAt: near.createdAt, ...(near.composedAt ? { composedAt: near.composedAt } : {}) };
        break;
      }
    }
  }
  return resources;
}

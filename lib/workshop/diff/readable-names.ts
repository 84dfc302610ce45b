import { ResourceInfo } from '../synth/stage-snapshot';
import { shortPath } from './services';

/** CDK's 8-hex-digit suffix of a logical ID or unique ID: `ChatPoolSecurityGroup47ED8634`. */
const HASHED_ID = /\b([A-Za-z][A-Za-z0-9]*?)([0-9A-F]{8})\b/g;
/** A singleton construct's id: a name and a UUID without dashes (`LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a`). */
const SINGLETON_ID = /\b([A-Za-z][A-Za-z]*)[0-9a-f]{32}\b/g;
/** A name and a short hex suffix a construct library adds to keep ids unique (`SchedulerRoleForTarget-f467c4`). */
const SHORT_SUFFIX = /\b([A-Za-z][A-Za-z0-9]*)-(?=[0-9a-f]{6}\b)(?=[a-f]*[0-9])[0-9a-f]{6}\b/g;
/** The CDK bootstrap's asset bucket, as a policy names it. */
const ASSET_BUCKET = /arn:\$\{AWS::Partition\}:s3:::\{"Fn::Sub":"cdk-[a-z0-9]+-assets-[^"]*"\}/g;
/** A CDK asset's content hash. */
const ASSET_HASH = /\b[0-9a-f]{64}\b/g;

/** A token a CDK construct resolves at deploy time, as it appears in a construct id: `{IndirectPort}`. */
const INDIRECT_TOKEN = /\{Indirect([A-Za-z]+)\}/g;

/**
 * Turns text that names resources the way CloudFormation and CDK's internals do (logical IDs with hash
 * suffixes, singleton UUIDs, asset hashes, `{IndirectPort}` tokens) into the construct paths an
 * attendee reads in the stage's code. Logical IDs of either stage's resources become their paths;
 * ids that only derive from one (a security-group rule named after its peer's unique ID) become the
 * path of the resource whose name they carry, or their readable part alone.
 */
export function readableNames(stackName: string, ...resourceMaps: ReadonlyArray<Record<string, ResourceInfo>>): (text: string) => string {
  const pathOf = new Map<string, string>();
  for (const resources of resourceMaps) {
    for (const [logicalId, info] of Object.entries(resources)) if (!pathOf.has(logicalId)) pathOf.set(logicalId, readablePath(shortPath(info.path, stackName)));
  }
  // A logical ID without its hash (`ChatPoolSecurityGroup`) names one resource when only one has it.
  const byName = new Map<string, string | null>();
  for (const [logicalId, p] of pathOf) {
    const name = logicalId.replace(/[0-9A-F]{8}$/, '');
    byName.set(name, byName.has(name) && byName.get(name) !== p ? null : p);
  }
  const resolve = (name: string): string | undefined => {
    const withoutStack = name.startsWith(stackName) ? name.slice(stackName.length) : name;
    return byName.get(withoutStack) ?? byName.get(name) ?? undefined;
  };
  return (text) =>
    text
      .replace(/\$\{([A-Za-z0-9]+)((?:\.[A-Za-z0-9.]+)?)\}/g, (whole, id: string, attribute: string) => {
        const found = pathOf.get(id) ?? resolveHashed(id, resolve);
        return found ? `\${${found}${attribute}}` : whole;
      })
      .replace(ASSET_BUCKET, 'cdk-assets-bucket')
      .replace(ASSET_HASH, '<asset>')
      .replace(HASHED_ID, (whole) => pathOf.get(whole) ?? resolveHashed(whole, resolve) ?? whole)
      .replace(SINGLETON_ID, '$1')
      .replace(SHORT_SUFFIX, '$1')
      .replace(INDIRECT_TOKEN, (_whole, what: string) => `<${what.toLowerCase()}>`);
}

/** A hashed id's readable part, or the path of the one resource it names. */
function resolveHashed(id: string, resolve: (name: string) => string | undefined): string | undefined {
  const match = /^([A-Za-z][A-Za-z0-9]*?)([0-9A-F]{8})$/.exec(id);
  if (!match || !/[0-9]/.test(match[2])) return undefined;
  return resolve(match[1]) ?? match[1];
}

/** A construct path with the singleton and short-suffix ids of construct libraries read as names. */
function readablePath(constructPath: string): string {
  return constructPath.replace(SINGLETON_ID, '$1').replace(SHORT_SUFFIX, '$1');
}

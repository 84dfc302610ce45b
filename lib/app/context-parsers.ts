import { RegionInfo } from 'aws-cdk-lib/region-info';
import { nearest } from './nearest';

/** A context value that cannot be used; its message is one line that says what would be valid. */
export class ContextError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContextError';
  }
}

/** Values from `-c` arrive as text, values from cdk.json as JSON data: both are accepted. */
function text(raw: unknown): string {
  return typeof raw === 'string' ? raw.trim() : JSON.stringify(raw);
}

/** `true` or `false` (a boolean in cdk.json, text on the command line). */
export function parseBoolean(key: string, raw: unknown): boolean {
  if (raw === true || raw === 'true') return true;
  if (raw === false || raw === 'false') return false;
  throw new ContextError(`Context '${key}' must be true or false, got: ${text(raw)}`);
}

/** The strict mode: true, false or `warnings`. */
export function parseStrict(raw: unknown): boolean | 'warnings' {
  if (raw === 'warnings') return 'warnings';
  if (raw === true || raw === 'true') return true;
  if (raw === false || raw === 'false') return false;
  throw new ContextError(`Context 'strict' must be true, false or warnings, got: ${text(raw)}`);
}

/** A whole number within bounds. */
export function parseWholeNumber(key: string, raw: unknown, min: number, max: number): number {
  const number = typeof raw === 'number' ? raw : /^-?[0-9]+$/.test(text(raw)) ? Number(text(raw)) : NaN;
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new ContextError(`Context '${key}' must be a whole number from ${min} to ${max}, got: ${text(raw)}`);
  }
  return number;
}

/** JSON text (`-c key='[...]'`) or the same data straight from cdk.json. */
export function parseJson(key: string, raw: unknown, example: string): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    throw new ContextError(`Context '${key}' must be JSON, e.g. ${example}; got: ${raw}`);
  }
}

/** The commercial partition's regions that aws-cdk-lib knows (its region facts). */
export function commercialRegions(): string[] {
  return RegionInfo.regions.filter((r) => r.partition === 'aws').map((r) => r.name);
}

/**
 * A region aws-cdk-lib's region facts know, in the commercial partition: the stacks use services and
 * service principals (IVS, CloudFront with WAF, IoT Core) that the other partitions lack or name
 * differently, and the load balancer's log-delivery principal is chosen per region at synth.
 */
export function parseRegion(raw: unknown): string {
  const region = text(raw);
  const known = RegionInfo.regions.find((r) => r.name === region);
  if (!known) {
    throw new ContextError(`Unknown region '${region}' (did you mean '${nearest(region, commercialRegions())}'?). Regions aws-cdk-lib knows in partition aws: ${commercialRegions().join(', ')}`);
  }
  if (known.partition !== 'aws') {
    throw new ContextError(`Region '${region}' is in partition ${known.partition}; these stacks are written for the commercial partition (aws), e.g. us-east-1`);
  }
  return region;
}

/** At least two distinct Availability Zones of the region, named like `us-east-1a`. */
export function parseAvailabilityZones(raw: unknown, region: string): string[] {
  const example = `'["${region}a","${region}b"]'`;
  const zones = parseJson('availabilityZones', raw, example);
  if (!Array.isArray(zones) || zones.some((z) => typeof z !== 'string')) {
    throw new ContextError(`Context 'availabilityZones' must be a JSON list of zone names, e.g. ${example}; got: ${text(raw)}`);
  }
  const foreign = zones.filter((z) => !new RegExp(`^${region}[a-z]$`).test(z));
  if (foreign.length > 0) {
    throw new ContextError(`Context 'availabilityZones' lists ${foreign.join(', ')}, not zones of region ${region} (names like ${region}a)`);
  }
  if (new Set(zones).size < 2 || new Set(zones).size !== zones.length) {
    throw new ContextError(`Context 'availabilityZones' needs at least two different zones of ${region} (the load balancers, the databases' standbys and the subnets span two), e.g. ${example}; got: ${text(raw)}`);
  }
  return zones;
}

interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

function splitArn(key: string, value: string, shape: string): Arn {
  const [prefix, partition, service, region, account, ...rest] = value.split(':');
  if (prefix !== 'arn' || rest.length === 0 || !/^[0-9]{12}$/.test(account ?? '')) {
    throw new ContextError(`Context '${key}' must be an ARN like ${shape}, got: ${value}`);
  }
  return { partition, service, region, account, resource: rest.join(':') };
}

/**
 * An ACM certificate in the region that uses it: the stack's own for a load balancer, us-east-1 for
 * CloudFront.
 */
export function parseCertificateArn(key: string, raw: unknown, region: string, why = "the load balancer needs one in the stack's region"): string {
  const value = text(raw);
  const shape = `arn:aws:acm:${region}:<account>:certificate/<id>`;
  const arn = splitArn(key, value, shape);
  if (arn.service !== 'acm' || !/^certificate\/[0-9a-f-]{36}$/.test(arn.resource)) {
    throw new ContextError(`Context '${key}' must be an ACM certificate ARN like ${shape}, got: ${value}`);
  }
  if (arn.region !== region || arn.partition !== 'aws') {
    throw new ContextError(`Context '${key}' names a certificate in ${arn.partition}/${arn.region}; it must be in aws/${region}: ${why}`);
  }
  return value;
}

/** A WAF web ACL with CLOUDFRONT scope: those live in us-east-1 and have a `global/` resource. */
export function parseCloudFrontWebAclArn(key: string, raw: unknown): string {
  const value = text(raw);
  const shape = 'arn:aws:wafv2:us-east-1:<account>:global/webacl/<name>/<id>';
  const arn = splitArn(key, value, shape);
  if (arn.service !== 'wafv2' || !/^(global|regional)\/webacl\/[\w-]{1,128}\/[0-9a-f-]{36}$/.test(arn.resource)) {
    throw new ContextError(`Context '${key}' must be a WAF web ACL ARN like ${shape}, got: ${value}`);
  }
  if (!arn.resource.startsWith('global/') || arn.region !== 'us-east-1' || arn.partition !== 'aws') {
    throw new ContextError(`Context '${key}' must be a web ACL with scope CLOUDFRONT (in us-east-1, resource global/webacl/...); a REGIONAL web ACL cannot protect a distribution. Got: ${value}`);
  }
  return value;
}

/** A DNS name a CloudFront distribution can answer to (an alternate domain name). */
export function parseDomainName(key: string, raw: unknown): string {
  const value = text(raw).toLowerCase();
  const label = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
  if (value.length > 253 || !new RegExp(`^(\\*\\.)?(${label}\\.)+[a-z]{2,63}$`).test(value)) {
    throw new ContextError(`Context '${key}' must be a domain name like media.example.com, got: ${value}`);
  }
  return value;
}

/** An address SNS can send a subscription confirmation to. */
export function parseEmail(key: string, raw: unknown): string {
  const value = text(raw);
  if (value.length > 254 || !/^[^\s@"<>(),;:]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(value)) {
    throw new ContextError(`Context '${key}' must be an e-mail address like ops@example.com, got: ${value}`);
  }
  return value;
}

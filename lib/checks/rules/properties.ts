import { CfnResource } from 'aws-cdk-lib';
import { cfnProperties } from './resources';

/**
 * Reads a CloudFormation property of any resource by its L1 property name (`billingMode`), as the
 * template holds it (`BillingMode`, overrides included), resolved: the pack must work with whichever
 * copy of aws-cdk-lib the app uses and with resources it has no class for.
 */
export function propertyOf(node: CfnResource, name: string): unknown {
  return field(cfnProperties(node), name);
}

/**
 * A field of a resolved property object, by its L1 name in any case: the template says
 * `DBClusterIdentifier` and `DefaultTTL` where the L1 says `dbClusterIdentifier` and `defaultTtl`.
 */
export function field(value: unknown, name: string): unknown {
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  if (name in record) return record[name];
  const lower = name.toLowerCase();
  const key = Object.keys(record).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : record[key];
}

/** A field that should hold a list; empty when it does not. */
export function listField(value: unknown, name: string): unknown[] {
  const list = field(value, name);
  return Array.isArray(list) ? list : [];
}

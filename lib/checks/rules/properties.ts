import { CfnResource, Stack } from 'aws-cdk-lib';

/**
 * Reads a CloudFormation property of any L1 resource by its public property name (`billingMode`),
 * resolved, without knowing the L1 class: the pack must work with whichever copy of aws-cdk-lib the
 * app uses, so rules recognise resources by `cfnResourceType`, never by `instanceof`.
 */
export function propertyOf(node: CfnResource, name: string): unknown {
  return Stack.of(node).resolve((node as unknown as Record<string, unknown>)[name]);
}

/**
 * A field of a resolved property object. L1 structs keep camelCase keys until the template is
 * rendered, while raw CloudFormation passed through keeps PascalCase; accept either.
 */
export function field(value: unknown, name: string): unknown {
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  return record[name] ?? record[name.charAt(0).toUpperCase() + name.slice(1)];
}

/** A field that should hold a list; empty when it does not. */
export function listField(value: unknown, name: string): unknown[] {
  const list = field(value, name);
  return Array.isArray(list) ? list : [];
}

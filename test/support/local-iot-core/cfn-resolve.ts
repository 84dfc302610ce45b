/**
 * Resolves the intrinsic functions of a synthesized template value the way a deploy would, for a
 * stand-in of the service: pseudo parameters get fixed values, a `Ref` to a resource is its logical ID
 * (standing in for the generated physical name). Anything else is not expected here and throws.
 */
export const DEPLOYED = { partition: 'aws', region: 'us-east-1', account: '123456789012', stackName: 'IotPlatform' } as const;

const PSEUDO: Record<string, string> = {
  'AWS::Partition': DEPLOYED.partition,
  'AWS::Region': DEPLOYED.region,
  'AWS::AccountId': DEPLOYED.account,
  'AWS::StackName': DEPLOYED.stackName,
  'AWS::URLSuffix': 'amazonaws.com',
};

export function resolveIntrinsics(value: unknown, resources: Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveIntrinsics(v, resources));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 1) {
    const [[key, arg]] = entries;
    if (key === 'Ref') {
      const name = String(arg);
      if (name in PSEUDO) return PSEUDO[name];
      if (name in resources) return name;
      throw new Error(`Ref to unknown ${name}`);
    }
    if (key === 'Fn::Join') {
      const [separator, parts] = arg as [string, unknown[]];
      return (resolveIntrinsics(parts, resources) as unknown[]).map(String).join(separator);
    }
    if (key.startsWith('Fn::')) throw new Error(`${key} is not resolved by this stand-in`);
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, resolveIntrinsics(v, resources)]));
}

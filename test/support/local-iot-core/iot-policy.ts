/**
 * AWS IoT Core policy evaluation for the actions a device uses, for the local stand-in: an explicit
 * Deny wins, otherwise some Allow must match the action and the resource ARN, `*` matching any run of
 * characters. A statement whose resource uses `${iot:Connection.Thing.ThingName}` applies only to a
 * connection whose client ID is a thing attached to its certificate, as in IoT Core. Conditions are
 * not modelled: a statement with one makes the evaluation throw rather than guess.
 */
import { DEPLOYED } from './cfn-resolve';

export type IotAction = 'iot:Connect' | 'iot:Publish' | 'iot:Subscribe' | 'iot:Receive';

export interface PolicyDocument {
  readonly Statement: PolicyStatement | readonly PolicyStatement[];
}

interface PolicyStatement {
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: string | readonly string[];
  readonly Resource: string | readonly string[];
  readonly Condition?: unknown;
}

/** The resource ARN of an action: `client/<id>`, `topic/<topic>` or `topicfilter/<filter>`. */
export function iotArn(resource: string): string {
  return `arn:${DEPLOYED.partition}:iot:${DEPLOYED.region}:${DEPLOYED.account}:${resource}`;
}

export function isAllowed(documents: readonly PolicyDocument[], action: IotAction, resourceArn: string, thingName: string | undefined): boolean {
  const statements = documents.flatMap((d) => [d.Statement].flat() as PolicyStatement[]);
  const matching = statements.filter((s) => {
    if (s.Condition !== undefined) throw new Error('Policy conditions are not modelled by the local IoT Core');
    return [s.Action].flat().some((a) => a === action || a === 'iot:*' || a === '*') && [s.Resource].flat().some((r) => resourceMatches(r, resourceArn, thingName));
  });
  return !matching.some((s) => s.Effect === 'Deny') && matching.some((s) => s.Effect === 'Allow');
}

function resourceMatches(pattern: string, arn: string, thingName: string | undefined): boolean {
  const variable = '${iot:Connection.Thing.ThingName}';
  if (pattern.includes(variable)) {
    if (thingName === undefined) return false;
    pattern = pattern.split(variable).join(thingName);
  }
  const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return regex.test(arn);
}

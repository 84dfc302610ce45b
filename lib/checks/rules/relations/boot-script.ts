import { CfnResource, Stack } from 'aws-cdk-lib';
import { cfnProperties, logicalIdOf, referencedIds, resourcesOfType } from '../resources';

/** Every literal string in a resolved value, in order (the pieces of an `Fn::Join`, `Fn::Sub` text, plain strings). */
function strings(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') found.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, found));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, found));
  return found;
}

/** The text of a `UserData` property: `Fn::Base64` of a (joined) script, or an already base64-encoded literal. */
function scriptText(userData: unknown): string {
  if (userData === undefined) return '';
  if (typeof userData === 'string') {
    const decoded = Buffer.from(userData, 'base64').toString('utf-8');
    // A literal that does not round-trip is not base64; CloudFormation would reject it, but read it as written.
    return Buffer.from(decoded, 'utf-8').toString('base64').replace(/=+$/, '') === userData.replace(/=+$/, '') ? decoded : userData;
  }
  return strings(userData).join('');
}

/** The launch templates and configurations a fleet launches from (directly or through a mixed-instances policy). */
function launchSourcesOf(fleet: CfnResource): CfnResource[] {
  const stack = Stack.of(fleet);
  const properties = cfnProperties(fleet);
  const ids = referencedIds([properties.LaunchTemplate, properties.LaunchConfigurationName, properties.MixedInstancesPolicy]);
  return [...resourcesOfType(stack, 'AWS::EC2::LaunchTemplate'), ...resourcesOfType(stack, 'AWS::AutoScaling::LaunchConfiguration')].filter((r) =>
    ids.has(logicalIdOf(r)),
  );
}

/**
 * The boot script (user data) an EC2 instance, or every instance of a fleet, runs at launch, as text;
 * references to other resources are left out. Empty when there is none.
 */
export function bootScriptOf(node: CfnResource): string {
  if (node.cfnResourceType === 'AWS::EC2::Instance') return scriptText(cfnProperties(node).UserData);
  if (node.cfnResourceType !== 'AWS::AutoScaling::AutoScalingGroup') return '';
  return launchSourcesOf(node)
    .map((source) => {
      const properties = cfnProperties(source);
      return scriptText(source.cfnResourceType === 'AWS::EC2::LaunchTemplate' ? properties.LaunchTemplateData?.UserData : properties.UserData);
    })
    .join('\n');
}

/** The instance profiles (by logical ID) a fleet's or instance's servers run with. */
export function instanceProfilesOf(node: CfnResource): Set<string> {
  if (node.cfnResourceType === 'AWS::EC2::Instance') return referencedIds(cfnProperties(node).IamInstanceProfile);
  const found = new Set<string>();
  for (const source of node.cfnResourceType === 'AWS::AutoScaling::AutoScalingGroup' ? launchSourcesOf(node) : []) {
    const properties = cfnProperties(source);
    referencedIds(source.cfnResourceType === 'AWS::EC2::LaunchTemplate' ? properties.LaunchTemplateData?.IamInstanceProfile : properties.IamInstanceProfile, found);
  }
  return found;
}

/**
 * Whether a boot script schedules recurring work on the server: a crontab entry, a file in a cron
 * directory, or a systemd timer. Work started by the clock on an always-on server is batch work.
 */
export function schedulesRecurringWork(script: string): boolean {
  return /\bcrontab\b|\/etc\/cron\.(d|hourly|daily|weekly|monthly)\b|\/var\/spool\/cron\b|^\s*OnCalendar\s*=|^\s*OnUnitActiveSec\s*=|\.timer\b/m.test(script);
}

import { CfnTemplate } from '../../../lib/evolution/data-safety';
import { referencedIds, resourcesOf } from './template-resources';

/**
 * Name properties that are not a resource's own physical name, each with why a fixed value cannot
 * collide with another stack's. `*` applies to every type.
 */
export const NOT_PHYSICAL_NAMES: Record<string, string> = {
  '* MetricName': "a CloudWatch metric's name, not a resource's",
  '* VisibilityConfig.MetricName': "a CloudWatch metric's name, not a resource's",
  'AWS::IAM::Policy PolicyName': 'an inline policy: its name is unique only within the role it is attached to',
  'AWS::ApiGatewayV2::Api Name': 'a label: API Gateway identifies an API by a generated ID and allows duplicate names',
  'AWS::ApiGatewayV2::Stage StageName': 'unique only within its API',
  'AWS::Lambda::Alias Name': 'unique only within its function',
  'AWS::CodeDeploy::DeploymentGroup DeploymentConfigName': "names one of CodeDeploy's predefined configurations, which it does not create",
  'AWS::EC2::VPCEndpoint ServiceName': "the AWS service's endpoint, not a name of this resource",
  'AWS::RDS::DBInstance DBName': 'the database inside the instance',
  'AWS::RDS::DBInstance CharacterSetName': 'a character set',
  'AWS::RDS::DBCluster DatabaseName': 'the database inside the cluster',
  'AWS::RDS::DBCluster DBClusterParameterGroupName': "names RDS's default parameter group, which it does not create",
  'AWS::SSM::Association Name': 'the SSM document the association runs',
  'AWS::DynamoDB::GlobalTable TimeToLiveSpecification.AttributeName': "an attribute of the table's items",
  'AWS::Glue::Table TableInput.Name': 'unique only within its database, which is named per stack',
};

/** Names are often lower-cased or stripped of punctuation (Glue, Athena): compare letters and digits only. */
const comparable = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Types whose names are account-wide (not per region): a name must also carry the region. */
const ACCOUNT_WIDE = /^AWS::(CloudFront|IAM|Route53|WAFv2::WebACL|Organizations)::/;

/** Where a stack's names become unique: its name (unique per account and region) and its region. */
export interface StackIdentity {
  readonly stackName: string;
  readonly region: string;
}

/**
 * Every explicit physical name in a template (a literal `…Name` property, or one a level down, such
 * as `DatabaseInput.Name`) must carry the stack's name (unique per account and region), or refer to
 * a resource of the template (whose own name is generated or checked here); account-wide names must
 * carry the region too. Names in {@link NOT_PHYSICAL_NAMES} are skipped with their reason.
 */
export function physicalNameProblems(template: CfnTemplate, stack: StackIdentity): string[] {
  const problems: string[] = [];
  const own = new Set(Object.keys(template.Resources ?? {}));
  for (const [id, resource] of resourcesOf(template)) {
    const candidates: Array<[string, unknown]> = [];
    for (const [key, value] of Object.entries(resource.Properties ?? {})) {
      if (/Name$/.test(key)) candidates.push([key, value]);
      else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        for (const [inner, innerValue] of Object.entries(value)) if (/Name$/.test(inner)) candidates.push([`${key}.${inner}`, innerValue]);
      }
    }
    for (const [path, value] of candidates) {
      if (NOT_PHYSICAL_NAMES[`${resource.Type} ${path}`] || NOT_PHYSICAL_NAMES[`* ${path}`]) continue;
      const text = JSON.stringify(value);
      const refs = [...referencedIds(value)];
      const isPureReference = typeof value === 'object' && value !== null && ('Ref' in value || 'Fn::GetAtt' in value);
      if (isPureReference) continue;
      const perStack = comparable(text).includes(comparable(stack.stackName)) || refs.some((ref) => ref === 'AWS::StackName' || ref === 'AWS::StackId' || own.has(ref));
      const perRegion = text.includes(stack.region) || refs.some((ref) => ref === 'AWS::Region' || own.has(ref));
      if (!perStack) problems.push(`${id} ${resource.Type} ${path} ${text}: the same in every stack`);
      else if (ACCOUNT_WIDE.test(resource.Type) && !perRegion) problems.push(`${id} ${resource.Type} ${path} ${text}: account-wide, the same in every region`);
    }
  }
  return problems;
}

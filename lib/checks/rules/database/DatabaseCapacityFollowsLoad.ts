import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { propertyOf } from '../properties';
import { logicalIdOf, referencedIds, resourcesOfType } from '../resources';

/** The resource types this rule judges; any other is not applicable before its properties are rendered. */
const JUDGED_TYPES: ReadonlySet<string> = new Set(['AWS::DocDB::DBCluster', 'AWS::RDS::DBCluster', 'AWS::RDS::DBInstance']);

/** The instance class of Aurora Serverless v2 and DocumentDB Serverless members. */
const SERVERLESS_CLASS = 'db.serverless';

/** The member instances of a cluster, of the instance type that names its cluster. */
function membersOf(cluster: CfnResource, memberType: string): CfnResource[] {
  const id = logicalIdOf(cluster);
  return resourcesOfType(Stack.of(cluster), memberType).filter((m) => referencedIds(propertyOf(m, 'dbClusterIdentifier')).has(id));
}

/** Whether Application Auto Scaling adds and removes the cluster's Aurora replicas. */
function replicasAutoScaled(cluster: CfnResource): boolean {
  const id = logicalIdOf(cluster);
  return resourcesOfType(Stack.of(cluster), 'AWS::ApplicationAutoScaling::ScalableTarget').some(
    (target) => propertyOf(target, 'scalableDimension') === 'rds:cluster:ReadReplicaCount' && referencedIds(propertyOf(target, 'resourceId')).has(id),
  );
}

/** Whether every member runs serverless capacity within the cluster's scaling range. */
function serverlessMembers(cluster: CfnResource, memberType: string): boolean {
  const members = membersOf(cluster, memberType);
  return propertyOf(cluster, 'serverlessV2ScalingConfiguration') !== undefined
    && members.length > 0
    && members.every((m) => propertyOf(m, 'dbInstanceClass') === SERVERLESS_CLASS);
}

/**
 * A database's compute follows its load instead of being sized for the peak and paid for around the
 * clock: Aurora Serverless v2 or DocumentDB Serverless members (every member `db.serverless`, with the
 * cluster's scaling range), Aurora Serverless v1, or Aurora replicas that Application Auto Scaling adds
 * and removes. A database on fixed instance classes, and a standalone RDS instance (whose compute only
 * a person resizes), does not. Storage is {@link StorageGrowsWithUse}'s concern.
 */
export function DatabaseCapacityFollowsLoad(node: CfnResource): NagRuleResult {
  if (!JUDGED_TYPES.has(node.cfnResourceType)) return NagRuleCompliance.NOT_APPLICABLE;
  switch (node.cfnResourceType) {
    case 'AWS::DocDB::DBCluster':
      return serverlessMembers(node, 'AWS::DocDB::DBInstance') ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
    case 'AWS::RDS::DBCluster':
      return propertyOf(node, 'engineMode') === 'serverless' || serverlessMembers(node, 'AWS::RDS::DBInstance') || replicasAutoScaled(node)
        ? NagRuleCompliance.COMPLIANT
        : NagRuleCompliance.NON_COMPLIANT;
    default:
      // A cluster member is judged with its cluster.
      return propertyOf(node, 'dbClusterIdentifier') !== undefined ? NagRuleCompliance.NOT_APPLICABLE : NagRuleCompliance.NON_COMPLIANT;
  }
}

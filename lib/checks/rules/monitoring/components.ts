import { CfnResource, Stack } from 'aws-cdk-lib';
import { CfnApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { CfnAutoScalingGroup } from 'aws-cdk-lib/aws-autoscaling';
import { CfnDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { CfnDBCluster as CfnDocDbCluster } from 'aws-cdk-lib/aws-docdb';
import { CfnTaskDefinition } from 'aws-cdk-lib/aws-ecs';
import { CfnLoadBalancer } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { CfnTopicRule } from 'aws-cdk-lib/aws-iot';
import { CfnChannel } from 'aws-cdk-lib/aws-ivs';
import { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnDBCluster, CfnDBInstance } from 'aws-cdk-lib/aws-rds';
import { logicalIdOf, perStack, referencedIds } from '../resources';

const COMPONENT_TYPES = [CfnAutoScalingGroup, CfnFunction, CfnTaskDefinition, CfnLoadBalancer, CfnApi, CfnDistribution, CfnDBCluster, CfnDocDbCluster, CfnChannel, CfnTopicRule];

/** Functions that only back CloudFormation custom resources: they run during deployments, which report their failures. */
function deploymentHelperIds(stack: Stack): Set<string> {
  const ids = new Set<string>();
  for (const c of stack.node.findAll()) {
    if (!CfnResource.isCfnResource(c) || !(c.cfnResourceType.startsWith('Custom::') || c.cfnResourceType === 'AWS::CloudFormation::CustomResource')) continue;
    // Generic CfnResources keep their properties privately; the service token is all this reads.
    const properties = (c as unknown as { _cfnProperties?: { ServiceToken?: unknown } })._cfnProperties;
    referencedIds(stack.resolve(properties?.ServiceToken), ids);
  }
  return ids;
}

/**
 * Whether a resource is a workload component operators watch: a fleet, function, task, load
 * balancer, API, distribution, database, live channel or IoT rule. Database instances that belong to
 * a cluster are watched through the cluster; functions that only back custom resources run during
 * deployments, which report their own failures.
 */
export function isWorkloadComponent(node: CfnResource): boolean {
  if (node instanceof CfnDBInstance) return node.dbClusterIdentifier === undefined;
  if (node instanceof CfnFunction) {
    const stack = Stack.of(node);
    return !perStack(stack, 'deploymentHelperIds', () => deploymentHelperIds(stack)).has(logicalIdOf(node));
  }
  return COMPONENT_TYPES.some((type) => node instanceof type);
}

import { CfnResource, Stack } from 'aws-cdk-lib';
import { cfnProperties, logicalIdOf, perStack, referencedIds } from '../resources';

const COMPONENT_TYPES = new Set([
  'AWS::AutoScaling::AutoScalingGroup',
  'AWS::Lambda::Function',
  'AWS::ECS::TaskDefinition',
  'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'AWS::ApiGatewayV2::Api',
  'AWS::CloudFront::Distribution',
  'AWS::RDS::DBCluster',
  'AWS::DocDB::DBCluster',
  'AWS::IVS::Channel',
  'AWS::IoT::TopicRule',
]);

/** Functions that only back CloudFormation custom resources: they run during deployments, which report their failures. */
function deploymentHelperIds(stack: Stack): Set<string> {
  const ids = new Set<string>();
  for (const c of stack.node.findAll()) {
    if (!CfnResource.isCfnResource(c) || !(c.cfnResourceType.startsWith('Custom::') || c.cfnResourceType === 'AWS::CloudFormation::CustomResource')) continue;
    referencedIds(cfnProperties(c).ServiceToken, ids);
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
  if (node.cfnResourceType === 'AWS::RDS::DBInstance') return cfnProperties(node).DBClusterIdentifier === undefined;
  if (node.cfnResourceType === 'AWS::Lambda::Function') {
    const stack = Stack.of(node);
    return !perStack(stack, 'deploymentHelperIds', () => deploymentHelperIds(stack)).has(logicalIdOf(node));
  }
  return COMPONENT_TYPES.has(node.cfnResourceType);
}

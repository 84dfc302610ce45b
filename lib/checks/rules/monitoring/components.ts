import { CfnResource } from 'aws-cdk-lib';
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

const COMPONENT_TYPES = [CfnAutoScalingGroup, CfnFunction, CfnTaskDefinition, CfnLoadBalancer, CfnApi, CfnDistribution, CfnDBCluster, CfnDocDbCluster, CfnChannel, CfnTopicRule];

/**
 * Whether a resource is a workload component operators watch: a fleet, function, task, load
 * balancer, API, distribution, database, live channel or IoT rule. Database instances that belong to
 * a cluster are watched through the cluster.
 */
export function isWorkloadComponent(node: CfnResource): boolean {
  if (node instanceof CfnDBInstance) return node.dbClusterIdentifier === undefined;
  return COMPONENT_TYPES.some((type) => node instanceof type);
}

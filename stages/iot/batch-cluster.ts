import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { Network } from '../../lib/constructs/network';

/**
 * The ECS cluster the batch jobs run in: Fargate only, so it costs nothing while no job runs. The jobs
 * launch with the FARGATE launch type, so the cluster has no capacity providers: associating them right
 * after CreateCluster races the ECS service-linked role that CreateCluster creates on a fresh account.
 */
export function batchCluster(scope: Construct, network: Network): ecs.Cluster {
  return new ecs.Cluster(scope, 'BatchCluster', {
    vpc: network.vpc,
    containerInsightsV2: ecs.ContainerInsights.ENABLED,
  });
}

import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { Network } from '../../lib/constructs/network';

/** The ECS cluster the batch jobs run in: Fargate only, so it costs nothing while no job runs. */
export function batchCluster(scope: Construct, network: Network): ecs.Cluster {
  return new ecs.Cluster(scope, 'BatchCluster', {
    vpc: network.vpc,
    containerInsightsV2: ecs.ContainerInsights.ENABLED,
    enableFargateCapacityProviders: true,
  });
}

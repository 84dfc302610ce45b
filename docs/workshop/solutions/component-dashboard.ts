import { CfnResource, Fn, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';

/** One graph per workload component: the metric that first shows it struggling. */
type MetricOf = (resource: CfnResource) => cloudwatch.IMetric;

const METRICS: Record<string, MetricOf> = {
  'AWS::AutoScaling::AutoScalingGroup': (r) => metric('AWS/EC2', 'CPUUtilization', { AutoScalingGroupName: r.ref }, 'Average'),
  'AWS::ElasticLoadBalancingV2::LoadBalancer': (r) => metric('AWS/ApplicationELB', 'HTTPCode_Target_5XX_Count', { LoadBalancer: r.getAtt('LoadBalancerFullName').toString() }),
  'AWS::Lambda::Function': (r) => metric('AWS/Lambda', 'Errors', { FunctionName: r.ref }),
  'AWS::ApiGatewayV2::Api': (r) => metric('AWS/ApiGateway', 'Count', { ApiId: r.ref }),
  'AWS::CloudFront::Distribution': (r) => metric('AWS/CloudFront', '5xxErrorRate', { DistributionId: r.ref, Region: 'Global' }, 'Average', 'us-east-1'),
  'AWS::DocDB::DBCluster': (r) => metric('AWS/DocDB', 'CPUUtilization', { DBClusterIdentifier: r.ref }, 'Average'),
  'AWS::RDS::DBCluster': (r) => metric('AWS/RDS', 'CPUUtilization', { DBClusterIdentifier: r.ref }, 'Average'),
  'AWS::RDS::DBInstance': (r) => metric('AWS/RDS', 'FreeStorageSpace', { DBInstanceIdentifier: r.ref }, 'Minimum'),
  // An IVS channel's ARN ends in channel/<id>; its metrics carry the id.
  'AWS::IVS::Channel': (r) => metric('AWS/IVS', 'ConcurrentViews', { Channel: Fn.select(1, Fn.split('/', r.ref)) }, 'Maximum'),
  'AWS::IoT::TopicRule': (r) => metric('AWS/IoT', 'Failure', { RuleName: r.ref }),
  // A task definition's ARN ends in task-definition/<family>:<revision>; Container Insights reports
  // tasks per cluster and family, so a search finds the family's tasks on whichever cluster runs them.
  'AWS::ECS::TaskDefinition': (r) => {
    const family = Fn.select(0, Fn.split(':', Fn.select(1, Fn.split('/', r.ref))));
    return new cloudwatch.MathExpression({
      expression: `SEARCH('{ECS/ContainerInsights,ClusterName,TaskDefinitionFamily} MetricName="CpuUtilized" TaskDefinitionFamily="${family}"', 'Average', 300)`,
      label: 'CPU used (units)',
    });
  },
};

function metric(namespace: string, metricName: string, dimensionsMap: Record<string, string>, statistic = 'Sum', region?: string): cloudwatch.Metric {
  return new cloudwatch.Metric({ namespace, metricName, dimensionsMap, statistic, region });
}

/** Functions that only back CloudFormation custom resources run during deployments, which report their own failures. */
/** A resource's CloudFormation properties, resolved. */
function propertiesOf(stack: Stack, resource: CfnResource): Record<string, unknown> {
  const template = stack.resolve(resource._toCloudFormation()) as { Resources: Record<string, { Properties?: Record<string, unknown> }> };
  return Object.values(template.Resources)[0]?.Properties ?? {};
}

function deploymentHelpers(stack: Stack, resources: CfnResource[]): Set<string> {
  const serviceTokens = resources
    .filter((r) => r.cfnResourceType.startsWith('Custom::') || r.cfnResourceType === 'AWS::CloudFormation::CustomResource')
    .map((r) => JSON.stringify(propertiesOf(stack, r).ServiceToken));
  return new Set(resources.filter((r) => serviceTokens.some((t) => t.includes(`"${stack.resolve(r.logicalId)}"`))).map((r) => r.node.path));
}

/**
 * Exercise "Add a dashboard" (any stage): one CloudWatch dashboard with a graph per workload component
 * (fleets, load balancers, functions, APIs, the distribution, databases, the live channel, IoT rules,
 * Fargate tasks), so during
 * an incident the team reads the workload's health in one place. Call it at the end of the stage's
 * build function: `addComponentDashboard(stack);`. A dashboard costs $3 a month beyond the free three.
 */
export function addComponentDashboard(stack: Stack): cloudwatch.Dashboard {
  const resources = stack.node.findAll().filter((c): c is CfnResource => CfnResource.isCfnResource(c) && Stack.of(c) === stack);
  const helpers = deploymentHelpers(stack, resources);
  const widgets = resources
    .filter((r) => METRICS[r.cfnResourceType] && !helpers.has(r.node.path))
    // A cluster's member instances show through the cluster.
    .filter((r) => r.cfnResourceType !== 'AWS::RDS::DBInstance' || propertiesOf(stack, r).DBClusterIdentifier === undefined)
    .map((r) => new cloudwatch.GraphWidget({ title: r.node.path.slice(stack.node.path.length + 1), left: [METRICS[r.cfnResourceType](r)], width: 8 }));
  const dashboard = new cloudwatch.Dashboard(stack, 'ComponentDashboard', { dashboardName: `${stack.stackName}-components` });
  for (let i = 0; i < widgets.length; i += 3) dashboard.addWidgets(...widgets.slice(i, i + 3));
  return dashboard;
}

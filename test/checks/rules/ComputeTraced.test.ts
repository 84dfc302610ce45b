import { CustomResource, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { fleet, newStack, outcomesOf, vpcOf } from './support';

const inline = { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {};') };
const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:latest');

/** A fleet behind an internet-facing load balancer: request-serving compute. */
function servingFleet(stack: Stack, id = 'Fleet') {
  const asg = fleet(stack, id);
  const alb = new elbv2.ApplicationLoadBalancer(stack, `${id}Alb`, { vpc: vpcOf(stack), internetFacing: true });
  alb.addListener('Http', { port: 80 }).addTargets('Fleet', { port: 8080, targets: [asg] });
  return asg;
}

function service(stack: Stack, task: ecs.FargateTaskDefinition) {
  task.addContainer('App', { image });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc: vpcOf(stack) });
  new ecs.FargateService(stack, 'Service', { cluster, taskDefinition: task, assignPublicIp: true, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } });
}

describe('WellArchitected-ComputeTraced', () => {
  test('a function with active tracing is compliant, one without is not', () => {
    const stack = newStack();
    new lambda.Function(stack, 'Traced', { ...inline, tracing: lambda.Tracing.ACTIVE });
    new lambda.Function(stack, 'Untraced', inline);
    expect(outcomesOf(stack, 'ComputeTraced')).toEqual([
      { outcome: 'compliant', path: 'S/Traced/Resource' },
      { outcome: 'nonCompliant', path: 'S/Untraced/Resource' },
    ]);
  });

  test('a serving fleet whose boot script starts the X-Ray daemon (or an ADOT collector) is compliant', () => {
    const stack = newStack();
    const xray = servingFleet(stack, 'Daemon');
    xray.role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AWSXRayDaemonWriteAccess'));
    xray.addUserData('dnf install -y xray', 'systemctl enable --now xray');
    servingFleet(stack, 'Otel').addUserData('rpm -Uvh https://aws-otel-collector.s3.amazonaws.com/amazon_linux/arm64/latest/aws-otel-collector.rpm');
    expect(outcomesOf(stack, 'ComputeTraced')).toEqual([
      { outcome: 'compliant', path: 'S/Daemon/ASG' },
      { outcome: 'compliant', path: 'S/Otel/ASG' },
    ]);
  });

  test('a permission to send traces is not tracing: a serving fleet whose role may send traces but runs no agent is not compliant', () => {
    const stack = newStack();
    servingFleet(stack, 'Managed').role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AWSXRayDaemonWriteAccess'));
    servingFleet(stack, 'Inline').addToRolePolicy(new iam.PolicyStatement({ actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] }));
    servingFleet(stack, 'Plain');
    expect(outcomesOf(stack, 'ComputeTraced')).toEqual([
      { outcome: 'nonCompliant', path: 'S/Managed/ASG' },
      { outcome: 'nonCompliant', path: 'S/Inline/ASG' },
      { outcome: 'nonCompliant', path: 'S/Plain/ASG' },
    ]);
  });

  test('an ECS service is judged by an X-Ray daemon or ADOT sidecar in its task, not by its task role', () => {
    const traced = newStack();
    const task = new ecs.FargateTaskDefinition(traced, 'Task');
    task.addContainer('XRay', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/xray/aws-xray-daemon:latest'), essential: false });
    service(traced, task);
    const permitted = newStack();
    const roleOnly = new ecs.FargateTaskDefinition(permitted, 'Task');
    roleOnly.taskRole.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AWSXrayWriteOnlyAccess'));
    service(permitted, roleOnly);
    expect(outcomesOf(traced, 'ComputeTraced')).toEqual([{ outcome: 'compliant', path: 'S/Task/Resource' }]);
    expect(outcomesOf(permitted, 'ComputeTraced')).toEqual([{ outcome: 'nonCompliant', path: 'S/Task/Resource' }]);
  });

  test('fleets behind no load balancer and tasks no service runs are not judged', () => {
    const stack = newStack();
    fleet(stack);
    new ecs.FargateTaskDefinition(stack, 'Batch').addContainer('Job', { image });
    expect(outcomesOf(stack, 'ComputeTraced')).toEqual([]);
  });

  test('REST API stages and state machines are judged by their own tracing setting', () => {
    const stack = newStack();
    for (const [id, tracingEnabled] of [['Traced', true], ['Untraced', false]] as const) {
      new apigateway.RestApi(stack, `${id}Api`, { deployOptions: { tracingEnabled } }).root.addMethod('GET', new apigateway.MockIntegration());
      new sfn.StateMachine(stack, `${id}Flow`, { definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(stack, `${id}Pass`)), tracingEnabled });
    }
    expect(outcomesOf(stack, 'ComputeTraced')).toEqual([
      { outcome: 'compliant', path: 'S/TracedApi/DeploymentStage.prod/Resource' },
      { outcome: 'compliant', path: 'S/TracedFlow/Resource' },
      { outcome: 'nonCompliant', path: 'S/UntracedApi/DeploymentStage.prod/Resource' },
      { outcome: 'nonCompliant', path: 'S/UntracedFlow/Resource' },
    ]);
  });

  test('functions that only back a custom resource run at deploy time and are not judged', () => {
    const stack = newStack();
    const handler = new lambda.Function(stack, 'Handler', inline);
    new CustomResource(stack, 'Custom', { serviceToken: handler.functionArn });
    expect(outcomesOf(stack, 'ComputeTraced')).toEqual([]);
  });
});


import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { isWorkloadComponent } from './components';
import { bootScriptOf } from '../relations/boot-script';
import { cfnProperties, logicalIdOf, referencedIds, resourcesOfType } from '../resources';

/** Container images that receive and forward traces: the X-Ray daemon, or the AWS Distro for OpenTelemetry collector. */
const TRACE_AGENT_IMAGE = /xray-daemon|aws-xray|aws-otel-collector|adot/i;

/**
 * A boot script that installs and starts a trace agent: the X-Ray daemon (`xray` package or binary,
 * `systemctl ... xray`), the ADOT collector, or the CloudWatch agent with a `traces` section.
 */
const TRACE_AGENT_BOOT = /\bxray\b|aws-otel-collector|"traces"\s*:/i;

function traced(yes: boolean): NagRuleResult {
  return yes ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

/** The resource types this rule judges; any other is not applicable before its properties are rendered. */
const JUDGED_TYPES: ReadonlySet<string> = new Set(['AWS::ApiGateway::Stage', 'AWS::AutoScaling::AutoScalingGroup', 'AWS::ECS::TaskDefinition', 'AWS::Lambda::Function', 'AWS::StepFunctions::StateMachine']);

/**
 * Request-serving compute and APIs send traces to AWS X-Ray, so a slow or failing request can be
 * followed through every component it touched. Judged on the tracing configuration itself, never on a
 * permission to send traces (a role may hold `xray:PutTraceSegments` with nothing sending): Lambda
 * functions with active tracing, REST API stages and state machines with tracing on, ECS services
 * whose task runs an X-Ray daemon or ADOT collector container, and fleets behind a load balancer whose
 * boot script starts one. Batch tasks are not request-driven, and HTTP and WebSocket APIs cannot send
 * traces, so they are not judged.
 */
export function ComputeTraced(node: CfnResource): NagRuleResult {
  if (!JUDGED_TYPES.has(node.cfnResourceType)) return NagRuleCompliance.NOT_APPLICABLE;
  const properties = cfnProperties(node);
  switch (node.cfnResourceType) {
    case 'AWS::Lambda::Function':
      if (!isWorkloadComponent(node)) return NagRuleCompliance.NOT_APPLICABLE;
      return traced(properties.TracingConfig?.Mode === 'Active');
    case 'AWS::ApiGateway::Stage':
      return traced(properties.TracingEnabled === true);
    case 'AWS::StepFunctions::StateMachine':
      return traced(properties.TracingConfiguration?.Enabled === true);
    case 'AWS::AutoScaling::AutoScalingGroup': {
      const targetGroups = properties.TargetGroupARNs;
      if (!Array.isArray(targetGroups) || targetGroups.length === 0) return NagRuleCompliance.NOT_APPLICABLE;
      return traced(TRACE_AGENT_BOOT.test(bootScriptOf(node)));
    }
    case 'AWS::ECS::TaskDefinition': {
      const id = logicalIdOf(node);
      const served = resourcesOfType(Stack.of(node), 'AWS::ECS::Service').some((s) => referencedIds(cfnProperties(s).TaskDefinition).has(id));
      if (!served) return NagRuleCompliance.NOT_APPLICABLE;
      const containers = (properties.ContainerDefinitions ?? []) as Array<{ Image?: unknown }>;
      return traced(containers.some((c) => TRACE_AGENT_IMAGE.test(JSON.stringify(c.Image ?? ''))));
    }
    default:
      return NagRuleCompliance.NOT_APPLICABLE;
  }
}

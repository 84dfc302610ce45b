import { CfnResource, Stack } from 'aws-cdk-lib';
import { CfnAutoScalingGroup, CfnLaunchConfiguration } from 'aws-cdk-lib/aws-autoscaling';
import { CfnLaunchTemplate } from 'aws-cdk-lib/aws-ec2';
import { CfnService, CfnTaskDefinition } from 'aws-cdk-lib/aws-ecs';
import { CfnInstanceProfile, CfnPolicy, CfnRole } from 'aws-cdk-lib/aws-iam';
import { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { CfnStage as CfnRestStage } from 'aws-cdk-lib/aws-apigateway';
import { isWorkloadComponent } from './components';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { logicalIdOf, perStack, referencedIds, refersTo, resolved, resourcesOfType } from '../resources';

/** Roles allowed to send trace segments to X-Ray, by logical ID. */
function tracingRoleIds(stack: Stack): Set<string> {
  const ids = new Set<string>();
  const sendsTraces = (document: unknown) => JSON.stringify(document ?? {}).includes('xray:PutTraceSegments');
  for (const policy of resourcesOfType(stack, CfnPolicy.CFN_RESOURCE_TYPE_NAME) as CfnPolicy[]) {
    if (sendsTraces(resolved(policy, policy.policyDocument))) referencedIds(resolved(policy, policy.roles), ids);
  }
  for (const role of resourcesOfType(stack, CfnRole.CFN_RESOURCE_TYPE_NAME) as CfnRole[]) {
    const managed = JSON.stringify(resolved(role, role.managedPolicyArns) ?? []);
    if (sendsTraces(resolved(role, role.policies)) || managed.includes('AWSXRayDaemonWriteAccess') || managed.includes('AWSXrayWriteOnlyAccess')) {
      ids.add(logicalIdOf(role));
    }
  }
  return ids;
}

/** The role a fleet's instances run with: launch template or configuration → instance profile → role. */
function fleetRoleIds(node: CfnAutoScalingGroup, stack: Stack): Set<string> {
  const launch = referencedIds(resolved(node, [node.launchTemplate, node.launchConfigurationName, node.mixedInstancesPolicy]));
  const profiles = new Set<string>();
  for (const template of resourcesOfType(stack, CfnLaunchTemplate.CFN_RESOURCE_TYPE_NAME) as CfnLaunchTemplate[]) {
    if (launch.has(logicalIdOf(template))) referencedIds(resolved(template, template.launchTemplateData), profiles);
  }
  for (const config of resourcesOfType(stack, CfnLaunchConfiguration.CFN_RESOURCE_TYPE_NAME) as CfnLaunchConfiguration[]) {
    if (launch.has(logicalIdOf(config))) referencedIds(resolved(config, config.iamInstanceProfile), profiles);
  }
  const roles = new Set<string>();
  for (const profile of resourcesOfType(stack, CfnInstanceProfile.CFN_RESOURCE_TYPE_NAME) as CfnInstanceProfile[]) {
    if (profiles.has(logicalIdOf(profile))) referencedIds(resolved(profile, profile.roles), roles);
  }
  return roles;
}

/**
 * Request-serving compute and APIs send traces to AWS X-Ray, so a slow or failing request can be
 * followed through every component it touched: Lambda functions with active tracing, REST API stages
 * and state machines with tracing on, and fleets behind a load balancer or ECS services whose role
 * may send trace segments (without that permission no trace can leave). Batch tasks are not
 * request-driven, and HTTP and WebSocket APIs cannot send traces, so they are not judged.
 */
export function ComputeTraced(node: CfnResource): NagRuleResult {
  const stack = Stack.of(node);
  if (node instanceof CfnFunction) {
    if (!isWorkloadComponent(node)) return NagRuleCompliance.NOT_APPLICABLE;
    const tracing = resolved(node, node.tracingConfig) as { mode?: string } | undefined;
    return tracing?.mode === 'Active' ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  }
  if (node instanceof CfnRestStage) return resolved(node, node.tracingEnabled) === true ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  if (node instanceof CfnStateMachine) {
    const tracing = resolved(node, node.tracingConfiguration) as { enabled?: boolean } | undefined;
    return tracing?.enabled === true ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  }
  let roles: Set<string>;
  if (node instanceof CfnAutoScalingGroup) {
    const targetGroups = resolved(node, node.targetGroupArns);
    if (!Array.isArray(targetGroups) || targetGroups.length === 0) return NagRuleCompliance.NOT_APPLICABLE;
    roles = fleetRoleIds(node, stack);
  } else if (node instanceof CfnTaskDefinition) {
    const services = resourcesOfType(stack, CfnService.CFN_RESOURCE_TYPE_NAME) as CfnService[];
    if (!services.some((s) => refersTo(s, s.taskDefinition, node))) return NagRuleCompliance.NOT_APPLICABLE;
    roles = referencedIds(resolved(node, node.taskRoleArn));
  } else {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  const tracing = perStack(stack, 'tracingRoleIds', () => tracingRoleIds(stack));
  return [...roles].some((id) => tracing.has(id)) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

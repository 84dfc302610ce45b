import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { cfnProperties } from '../resources';

/** Managed compute: AWS runs, patches, scales and replaces the hosts. */
const MANAGED = new Set(['AWS::Lambda::Function', 'AWS::ApiGatewayV2::Api', 'AWS::ApiGateway::RestApi', 'AWS::IVS::Channel', 'AWS::StepFunctions::StateMachine']);
/** Servers the team runs itself. */
const SELF_RUN = new Set(['AWS::AutoScaling::AutoScalingGroup', 'AWS::EC2::Instance']);

/**
 * Evidence for SUS05-BP03 "Use managed services": a component runs on a managed service (Lambda,
 * Fargate, API Gateway, Step Functions, IVS), which shares its hardware across many customers, or on
 * servers the team runs itself (Auto Scaling groups, EC2 instances, ECS tasks on EC2 capacity), whose
 * idle headroom is the team's alone. The practice is exactly this choice, so a resource-type check is
 * its honest reading; it is not evidence for any performance or cost practice.
 */
export function ManagedCompute(node: CfnResource): NagRuleResult {
  if (SELF_RUN.has(node.cfnResourceType)) return NagRuleCompliance.NON_COMPLIANT;
  if (MANAGED.has(node.cfnResourceType)) return NagRuleCompliance.COMPLIANT;
  if (node.cfnResourceType === 'AWS::ECS::TaskDefinition') {
    const compatibilities = cfnProperties(node).RequiresCompatibilities;
    return Array.isArray(compatibilities) && compatibilities.includes('FARGATE') && !compatibilities.includes('EC2')
      ? NagRuleCompliance.COMPLIANT
      : NagRuleCompliance.NON_COMPLIANT;
  }
  return NagRuleCompliance.NOT_APPLICABLE;
}

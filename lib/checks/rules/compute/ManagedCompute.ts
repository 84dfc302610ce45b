import { CfnResource } from 'aws-cdk-lib';
import { CfnRestApi } from 'aws-cdk-lib/aws-apigateway';
import { CfnApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { CfnAutoScalingGroup } from 'aws-cdk-lib/aws-autoscaling';
import { CfnInstance } from 'aws-cdk-lib/aws-ec2';
import { CfnTaskDefinition } from 'aws-cdk-lib/aws-ecs';
import { CfnChannel } from 'aws-cdk-lib/aws-ivs';
import { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { resolved } from '../resources';

/**
 * A positive check: a component runs on a managed service (Lambda, Fargate, API Gateway, IVS) rather
 * than on servers the team patches, scales and replaces itself (Auto Scaling groups, EC2 instances,
 * ECS tasks on EC2 capacity). Managed services carry the undifferentiated operations for the team
 * and share their hardware across customers.
 */
export function ManagedCompute(node: CfnResource): NagRuleResult {
  if (node instanceof CfnAutoScalingGroup || node instanceof CfnInstance) return NagRuleCompliance.NON_COMPLIANT;
  if (node instanceof CfnFunction || node instanceof CfnApi || node instanceof CfnRestApi || node instanceof CfnChannel) return NagRuleCompliance.COMPLIANT;
  if (node instanceof CfnTaskDefinition) {
    const compatibilities = resolved(node, node.requiresCompatibilities);
    return Array.isArray(compatibilities) && compatibilities.includes('FARGATE') && !compatibilities.includes('EC2')
      ? NagRuleCompliance.COMPLIANT
      : NagRuleCompliance.NON_COMPLIANT;
  }
  return NagRuleCompliance.NOT_APPLICABLE;
}

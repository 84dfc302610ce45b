import { CfnResource } from 'aws-cdk-lib';
import { CfnLaunchConfiguration } from 'aws-cdk-lib/aws-autoscaling';
import { CfnDBInstance as CfnDocDbInstance } from 'aws-cdk-lib/aws-docdb';
import { CfnInstance, CfnLaunchTemplate } from 'aws-cdk-lib/aws-ec2';
import { CfnTaskDefinition } from 'aws-cdk-lib/aws-ecs';
import { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnDBInstance } from 'aws-cdk-lib/aws-rds';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { resolved } from '../resources';

/** Instance families on AWS Graviton: a digit then `g` (t4g, m7gd, c6gn, r8g, im4gn, is4gen), or a1. */
const GRAVITON_FAMILY = /^(a1|[a-z]+\d+g[a-z]*)$/;

/** RDS (and RDS Custom) engines that run on x86 only: Graviton is not offered, so it is not judged. */
const X86_ONLY_ENGINES = /^(custom-)?(oracle|sqlserver|db2)/;

function familyOf(instanceType: unknown): string | undefined {
  if (typeof instanceType !== 'string') return undefined;
  const parts = instanceType.replace(/^db\./, '').split('.');
  return parts.length >= 2 ? parts[0] : undefined;
}

function judge(instanceType: unknown): NagRuleResult {
  const family = familyOf(instanceType);
  if (!family) return NagRuleCompliance.NOT_APPLICABLE;
  return GRAVITON_FAMILY.test(family) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

/**
 * Compute runs on Graviton wherever the service offers it: the same work for less energy and less
 * money. EC2 (launch templates, instances), Lambda, Fargate tasks, RDS and DocumentDB instances;
 * engines AWS offers on x86 only (Oracle, SQL Server) are not judged.
 */
export function GravitonWhereOffered(node: CfnResource): NagRuleResult {
  if (node instanceof CfnLaunchTemplate) {
    const data = resolved(node, node.launchTemplateData) as { instanceType?: unknown } | undefined;
    return judge(data?.instanceType);
  }
  if (node instanceof CfnLaunchConfiguration || node instanceof CfnInstance) return judge(resolved(node, node.instanceType));
  if (node instanceof CfnFunction) {
    const architectures = resolved(node, node.architectures);
    return Array.isArray(architectures) && architectures.includes('arm64') ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  }
  if (node instanceof CfnTaskDefinition) {
    // A task on EC2 capacity runs on whatever its fleet's launch template chose, which is judged there.
    const compatibilities = resolved(node, node.requiresCompatibilities);
    if (!Array.isArray(compatibilities) || !compatibilities.includes('FARGATE')) return NagRuleCompliance.NOT_APPLICABLE;
    const platform = resolved(node, node.runtimePlatform) as { cpuArchitecture?: string } | undefined;
    return platform?.cpuArchitecture === 'ARM64' ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  }
  if (node instanceof CfnDBInstance) {
    const engine = resolved(node, node.engine);
    if (typeof engine === 'string' && X86_ONLY_ENGINES.test(engine)) return NagRuleCompliance.NOT_APPLICABLE;
    return judge(resolved(node, node.dbInstanceClass));
  }
  if (node instanceof CfnDocDbInstance) return judge(resolved(node, node.dbInstanceClass));
  return NagRuleCompliance.NOT_APPLICABLE;
}

import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { isWorkloadComponent } from '../monitoring/components';
import { cfnProperties } from '../resources';

/** Instance families on AWS Graviton: a digit then `g` (t4g, m7gd, c6gn, r8g, im4gn, is4gen, x2gd), or a1. */
const GRAVITON_FAMILY = /^(a1|[a-z]+\d+g[a-z]*)$/;

/**
 * x86 families that have a Graviton equivalent of the same kind: burstable t2/t3/t3a (→ t4g) and the
 * general-purpose, compute- and memory-optimised m, c and r families of every generation and variant
 * (m5 → m7g, c5n → c7gn, r5 → r7g, db.r5 → db.r7g). Storage (i, d), large-memory (x, u, z), GPU and
 * accelerator (p, g, inf, trn, f, dl, vt), HPC and Mac families have no like-for-like Graviton twin
 * and are not judged.
 */
const HAS_GRAVITON_TWIN = /^(t2|t3a?|[mcr]\d[a-z]*)$/;

/** RDS (and RDS Custom) engines that run on x86 only: Graviton is not offered, so they are not judged. */
const X86_ONLY_ENGINES = /^(custom-)?(oracle|sqlserver|db2)/;

function judgeInstanceType(instanceType: unknown): NagRuleResult {
  if (typeof instanceType !== 'string') return NagRuleCompliance.NOT_APPLICABLE;
  const parts = instanceType.replace(/^db\./, '').split('.');
  if (parts.length < 2) return NagRuleCompliance.NOT_APPLICABLE;
  const family = parts[0];
  if (GRAVITON_FAMILY.test(family)) return NagRuleCompliance.COMPLIANT;
  return HAS_GRAVITON_TWIN.test(family) ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.NOT_APPLICABLE;
}

/** The resource types this rule judges; any other is not applicable before its properties are rendered. */
const JUDGED_TYPES: ReadonlySet<string> = new Set(['AWS::AutoScaling::LaunchConfiguration', 'AWS::DocDB::DBInstance', 'AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::ECS::TaskDefinition', 'AWS::Lambda::Function', 'AWS::RDS::DBInstance']);

/**
 * Compute runs on Graviton wherever the service offers a Graviton equivalent: the same work for less
 * energy and less money. EC2 (launch templates, launch configurations, instances), Lambda, Fargate
 * tasks on Linux, RDS and DocumentDB instances (functions that only back custom resources run during
 * deployments and are not judged). Families without a Graviton twin and engines AWS
 * offers on x86 only are not judged.
 */
export function GravitonWhereOffered(node: CfnResource): NagRuleResult {
  if (!JUDGED_TYPES.has(node.cfnResourceType)) return NagRuleCompliance.NOT_APPLICABLE;
  const properties = cfnProperties(node);
  switch (node.cfnResourceType) {
    case 'AWS::EC2::LaunchTemplate':
      return judgeInstanceType(properties.LaunchTemplateData?.InstanceType);
    case 'AWS::AutoScaling::LaunchConfiguration':
    case 'AWS::EC2::Instance':
      return judgeInstanceType(properties.InstanceType);
    case 'AWS::Lambda::Function':
      // Functions that only back custom resources run for seconds per deployment (and are often aws-cdk-lib's own).
      if (!isWorkloadComponent(node)) return NagRuleCompliance.NOT_APPLICABLE;
      return Array.isArray(properties.Architectures) && properties.Architectures.includes('arm64') ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
    case 'AWS::ECS::TaskDefinition': {
      // A task on EC2 capacity runs on whatever its fleet's launch template chose, which is judged there.
      const compatibilities = properties.RequiresCompatibilities;
      if (!Array.isArray(compatibilities) || !compatibilities.includes('FARGATE')) return NagRuleCompliance.NOT_APPLICABLE;
      const platform = properties.RuntimePlatform as { CpuArchitecture?: string; OperatingSystemFamily?: string } | undefined;
      if (platform?.OperatingSystemFamily !== undefined && platform.OperatingSystemFamily !== 'LINUX') return NagRuleCompliance.NOT_APPLICABLE;
      return platform?.CpuArchitecture === 'ARM64' ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
    }
    case 'AWS::RDS::DBInstance': {
      const engine = properties.Engine;
      if (typeof engine === 'string' && X86_ONLY_ENGINES.test(engine)) return NagRuleCompliance.NOT_APPLICABLE;
      return judgeInstanceType(properties.DBInstanceClass);
    }
    case 'AWS::DocDB::DBInstance':
      return judgeInstanceType(properties.DBInstanceClass);
    default:
      return NagRuleCompliance.NOT_APPLICABLE;
  }
}

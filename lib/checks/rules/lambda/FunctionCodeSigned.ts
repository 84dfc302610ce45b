import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { field, propertyOf } from '../properties';
import { logicalIdOf, referencedIds, resourcesOfType } from '../resources';
import { isInvokedFunction } from './invoked-functions';

/**
 * A function that serves requests or events only accepts code signed by a trusted profile (a Lambda
 * code-signing configuration that enforces its policy), so code that was tampered with after the
 * build cannot be deployed. A configuration that only warns is not enforcement.
 */
export function FunctionCodeSigned(node: CfnResource): NagRuleResult {
  if (!isInvokedFunction(node)) return NagRuleCompliance.NOT_APPLICABLE;
  const configArn = propertyOf(node, 'codeSigningConfigArn');
  if (configArn === undefined) return NagRuleCompliance.NON_COMPLIANT;
  const ids = referencedIds(configArn);
  const inStack = resourcesOfType(Stack.of(node), 'AWS::Lambda::CodeSigningConfig').find((c) => ids.has(logicalIdOf(c)));
  // A configuration shared from elsewhere is out of the template's sight; its presence is the evidence.
  if (!inStack) return NagRuleCompliance.COMPLIANT;
  const policy = field(propertyOf(inStack, 'codeSigningPolicies'), 'untrustedArtifactOnDeployment');
  return policy === 'Enforce' ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

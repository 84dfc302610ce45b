import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { isInvokedFunction } from '../lambda/invoked-functions';
import { field, propertyOf } from '../properties';
import { bootScriptOf } from '../relations/boot-script';
import { logicalIdOf, referencedIds, resourcesOfType } from '../resources';
import { verdict } from '../verdict';

/** A boot script that fetches something to run: from S3, or over HTTP(S). */
const FETCHES = /\baws\s+s3\s+cp\b|\baws\s+s3api\s+get-object\b|\bcurl\b|\bwget\b/;

/** A cryptographic signature check in a boot script (GnuPG, Sigstore cosign, Notary v2, OpenSSL). */
const VERIFIES_SIGNATURE = /\bgpgv?\b[^\n]*--verify\b|\bgpgv\b|\bcosign\s+verify(-blob)?\b|\bnotation\s+verify\b|\bopenssl\s+(dgst|pkeyutl)\b[^\n]*-verify\b/;

/** Whether a function only accepts code signed by a trusted profile: a code-signing configuration that enforces. */
function functionCodeSigned(node: CfnResource): boolean {
  const configArn = propertyOf(node, 'codeSigningConfigArn');
  if (configArn === undefined) return false;
  const ids = referencedIds(configArn);
  const inStack = resourcesOfType(Stack.of(node), 'AWS::Lambda::CodeSigningConfig').find((c) => ids.has(logicalIdOf(c)));
  // A configuration shared from elsewhere is out of the template's sight; its presence is the evidence.
  if (!inStack) return true;
  return field(propertyOf(inStack, 'codeSigningPolicies'), 'untrustedArtifactOnDeployment') === 'Enforce';
}

/**
 * Code a workload runs is verified cryptographically before it runs (SEC06-BP04), judged alike on
 * functions and servers: a function something invokes only accepts code signed by a trusted profile
 * (a Lambda code-signing configuration that enforces; one that only warns is not enforcement); a
 * fleet or instance whose boot script fetches code checks a signature over it (gpg, cosign, notation,
 * openssl) before running it. Servers that fetch nothing run their image as launched and are not
 * judged; nor are container images, whose signature ECS does not check at launch.
 */
export function CodeIntegrityVerified(node: CfnResource): NagRuleResult {
  switch (node.cfnResourceType) {
    case 'AWS::Lambda::Function':
      return isInvokedFunction(node) ? verdict(functionCodeSigned(node)) : NagRuleCompliance.NOT_APPLICABLE;
    case 'AWS::AutoScaling::AutoScalingGroup':
    case 'AWS::EC2::Instance': {
      const script = bootScriptOf(node);
      return FETCHES.test(script) ? verdict(VERIFIES_SIGNATURE.test(script)) : NagRuleCompliance.NOT_APPLICABLE;
    }
    default:
      return NagRuleCompliance.NOT_APPLICABLE;
  }
}

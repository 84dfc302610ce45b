import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as signer from 'aws-cdk-lib/aws-signer';
import { smallFunction } from './lambda-fixtures';
import { newStack, outcomesOf } from './support';

describe('WellArchitected-FunctionCodeSigned', () => {
  test('a function whose code-signing configuration enforces is compliant; warn-only or none is not', () => {
    const stack = newStack();
    const signingProfiles = [new signer.SigningProfile(stack, 'Profile', { platform: signer.Platform.AWS_LAMBDA_SHA384_ECDSA })];
    const enforce = new lambda.CodeSigningConfig(stack, 'Enforce', { signingProfiles, untrustedArtifactOnDeployment: lambda.UntrustedArtifactOnDeployment.ENFORCE });
    const warn = new lambda.CodeSigningConfig(stack, 'Warn', { signingProfiles, untrustedArtifactOnDeployment: lambda.UntrustedArtifactOnDeployment.WARN });
    smallFunction(stack, 'Signed', { codeSigningConfig: enforce });
    smallFunction(stack, 'WarnOnly', { codeSigningConfig: warn });
    smallFunction(stack, 'Unsigned');
    expect(outcomesOf(stack, 'FunctionCodeSigned')).toEqual([
      { outcome: 'compliant', path: 'S/Signed/Resource' },
      { outcome: 'nonCompliant', path: 'S/WarnOnly/Resource' },
      { outcome: 'nonCompliant', path: 'S/Unsigned/Resource' },
    ]);
  });
});

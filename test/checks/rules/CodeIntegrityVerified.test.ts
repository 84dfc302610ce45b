import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as signer from 'aws-cdk-lib/aws-signer';
import { smallFunction } from './lambda-fixtures';
import { fleet, newStack, outcomesOf } from './support';

describe('WellArchitected-CodeIntegrityVerified', () => {
  test('a function whose code-signing configuration enforces is compliant; warn-only or none is not', () => {
    const stack = newStack();
    const signingProfiles = [new signer.SigningProfile(stack, 'Profile', { platform: signer.Platform.AWS_LAMBDA_SHA384_ECDSA })];
    const enforce = new lambda.CodeSigningConfig(stack, 'Enforce', { signingProfiles, untrustedArtifactOnDeployment: lambda.UntrustedArtifactOnDeployment.ENFORCE });
    const warn = new lambda.CodeSigningConfig(stack, 'Warn', { signingProfiles, untrustedArtifactOnDeployment: lambda.UntrustedArtifactOnDeployment.WARN });
    smallFunction(stack, 'Signed', { codeSigningConfig: enforce });
    smallFunction(stack, 'WarnOnly', { codeSigningConfig: warn });
    smallFunction(stack, 'Unsigned');
    smallFunction(stack, 'NotInvoked', {}, false);
    expect(outcomesOf(stack, 'CodeIntegrityVerified')).toEqual([
      { outcome: 'compliant', path: 'S/Signed/Resource' },
      { outcome: 'nonCompliant', path: 'S/WarnOnly/Resource' },
      { outcome: 'nonCompliant', path: 'S/Unsigned/Resource' },
    ]);
  });

  test('a fleet that verifies a signature over the code it fetches is compliant; one that runs it unverified is not; one that fetches nothing is not judged', () => {
    const stack = newStack();
    const script = (...lines: string[]) => {
      const userData = ec2.UserData.forLinux();
      userData.addCommands(...lines);
      return userData;
    };
    fleet(stack, 'Verified', {
      userData: script('aws s3 cp s3://releases/app.tgz /tmp/app.tgz', 'aws s3 cp s3://releases/app.tgz.sig /tmp/app.tgz.sig', 'gpg --verify /tmp/app.tgz.sig /tmp/app.tgz', 'tar -xzf /tmp/app.tgz -C /opt/app'),
    });
    fleet(stack, 'Unverified', { userData: script('aws s3 cp s3://releases/app.tgz /tmp/app.tgz', 'tar -xzf /tmp/app.tgz -C /opt/app') });
    fleet(stack, 'ImageOnly', { userData: script('systemctl start app') });
    expect(outcomesOf(stack, 'CodeIntegrityVerified')).toEqual([
      { outcome: 'compliant', path: 'S/Verified/ASG' },
      { outcome: 'nonCompliant', path: 'S/Unverified/ASG' },
    ]);
  });
});

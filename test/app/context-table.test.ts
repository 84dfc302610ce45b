import * as fs from 'node:fs';
import * as path from 'node:path';
import { ContextError } from '../../lib/app/context-parsers';
import { CONTEXT_TABLE, contextHelp, contextTableMarkdown, readDeployContext } from '../../lib/app/context-table';
import { makeApp, PROJECT_ROOT } from '../../lib/app/make-app';
import { editDistance, nearest } from '../../lib/app/nearest';

const read = (context: Record<string, unknown>) => readDeployContext(makeApp({ context, checks: false, cloudFormationValidation: false }));
const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/0b1a2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';
const WEB_ACL = 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/media/0b1a2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';

/** The message of the one-line error reading this context gives. */
function refusal(context: Record<string, unknown>): string {
  try {
    read(context);
  } catch (error) {
    expect((error as Error).message).not.toContain('\n');
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(context)}`);
}

describe('the context table', () => {
  test('declares each key once, with a meaning, a default and the stages that use it', () => {
    const keys = CONTEXT_TABLE.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(['video', 'iot', 'region', 'strict', 'checks']));
    for (const entry of CONTEXT_TABLE) {
      expect(entry.meaning.length).toBeGreaterThan(20);
      expect(entry.defaultText).not.toBe('');
      expect(Object.keys(entry.usedBy).length).toBeGreaterThan(0);
    }
  });

  test("is the README's table of context keys, word for word (regenerate: npx tsx bin/context-help.ts --markdown)", () => {
    expect(fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8')).toContain(contextTableMarkdown());
  });

  test('is the help text', () => {
    for (const entry of CONTEXT_TABLE) expect(contextHelp()).toContain(entry.key);
  });
});

describe('reading context', () => {
  test('defaults: stage 1 of both, us-east-1, a workshop-sized Oracle, checks on and not strict', () => {
    expect(read({})).toMatchObject({ video: { id: 1 }, iot: { id: 1 }, region: 'us-east-1', oracleStorageGiB: 100, archiveAfterDays: 90, liveEvents: [], strict: false, checks: true });
  });

  test('valid values, as text from -c and as data from cdk.json', () => {
    const context = read({
      video: '3', iot: 1, region: 'eu-west-1', availabilityZones: '["eu-west-1a","eu-west-1b","eu-west-1c"]',
      certificateArn: CERT.replace(/us-east-1/, 'eu-west-1'), ingestCertificateArn: CERT.replace(/us-east-1/, 'eu-west-1'),
      webAclArn: WEB_ACL, alertEmail: 'ops@example.com', oracleStorageGiB: '65536', strict: 'true', checks: false,
    });
    expect(context).toMatchObject({ video: { id: 3 }, region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'], oracleStorageGiB: 65536, strict: true, checks: false });
  });

  test("CDK's own keys pass: CLI-injected, feature flags, cached lookups, CLI settings", () => {
    expect(() => read({
      'aws:cdk:enable-path-metadata': true,
      'aws:cdk:enable-asset-metadata': true,
      'aws:cdk:version-reporting': true,
      'aws:cdk:bundling-stacks': ['**'],
      '@aws-cdk/core:failSynthOnValidationErrors': false,
      '@aws-cdk-containers/ecs-service-extensions:enableDefaultLogDriver': true,
      'acknowledged-issue-numbers': [1234],
      'cli-telemetry': false,
      'availability-zones:account=123456789012:region=us-east-1': ['us-east-1a', 'us-east-1b'],
    })).not.toThrow();
  });

  test.each([
    [{ vidoe: 3 }, "Unknown context key 'vidoe' (did you mean 'video'?). Valid keys: video, iot, region, availabilityZones, certificateArn, ingestCertificateArn, webAclArn, mediaDomainName, mediaCertificateArn, alertEmail, liveEvents, oracleStorageGiB, archiveAfterDays, strict, checks"],
    [{ oracleStorage: 200 }, "Unknown context key 'oracleStorage' (did you mean 'oracleStorageGiB'?)"],
    [{ region: 'nowhere-1' }, "Unknown region 'nowhere-1' (did you mean '"],
    [{ region: 'cn-north-1' }, "Region 'cn-north-1' is in partition aws-cn; these stacks are written for the commercial partition (aws)"],
    [{ availabilityZones: '[]' }, "Context 'availabilityZones' needs at least two different zones of us-east-1"],
    [{ availabilityZones: '["us-east-1a"]' }, "Context 'availabilityZones' needs at least two different zones of us-east-1"],
    [{ availabilityZones: '["us-east-1a","us-east-1a"]' }, "Context 'availabilityZones' needs at least two different zones of us-east-1"],
    [{ availabilityZones: '["eu-west-1a","eu-west-1b"]' }, "Context 'availabilityZones' lists eu-west-1a, eu-west-1b, not zones of region us-east-1"],
    [{ availabilityZones: 'us-east-1a,us-east-1b' }, "Context 'availabilityZones' must be JSON, e.g."],
    [{ certificateArn: 'not-an-arn' }, "Context 'certificateArn' must be an ARN like arn:aws:acm:us-east-1:<account>:certificate/<id>"],
    [{ certificateArn: 'arn:aws:iam::123456789012:server-certificate/x' }, "Context 'certificateArn' must be an ACM certificate ARN"],
    [{ certificateArn: 'arn:aws:acm:us-east-1:123456789012:key/0b1a2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d' }, "Context 'certificateArn' must be an ACM certificate ARN"],
    [{ certificateArn: CERT.replace('us-east-1', 'eu-west-1') }, "names a certificate in aws/eu-west-1; it must be in aws/us-east-1: the load balancer needs one in the stack's region"],
    [{ region: 'eu-west-1', video: 3, mediaDomainName: 'media.example.com', mediaCertificateArn: CERT.replace('us-east-1', 'eu-west-1') }, 'it must be in aws/us-east-1: CloudFront takes certificates from us-east-1 only'],
    [{ video: 3, mediaDomainName: 'media.example.com' }, "Context 'mediaDomainName' and 'mediaCertificateArn' go together"],
    [{ video: 3, mediaCertificateArn: CERT }, "Context 'mediaDomainName' and 'mediaCertificateArn' go together"],
    [{ video: 3, mediaDomainName: 'media..example', mediaCertificateArn: CERT }, "Context 'mediaDomainName' must be a domain name like media.example.com"],
    [{ video: 2, mediaDomainName: 'media.example.com', mediaCertificateArn: CERT }, "Context 'mediaDomainName' is used by video 3-5 only; video is at stage 2."],
    [{ video: 3, webAclArn: WEB_ACL.replace('global/', 'regional/') }, "Context 'webAclArn' must be a web ACL with scope CLOUDFRONT"],
    [{ video: 3, webAclArn: WEB_ACL.replace('us-east-1', 'eu-west-1') }, "Context 'webAclArn' must be a web ACL with scope CLOUDFRONT"],
    [{ video: 3, webAclArn: CERT }, "Context 'webAclArn' must be a WAF web ACL ARN"],
    [{ alertEmail: 'ops at example' }, "Context 'alertEmail' must be an e-mail address like ops@example.com"],
    [{ oracleStorageGiB: 'lots' }, "Context 'oracleStorageGiB' must be a whole number from 20 to 65536, got: lots"],
    [{ strict: 'yes' }, "Context 'strict' must be true, false or warnings, got: yes"],
    [{ liveEvents: '[]' }, "Context 'liveEvents' is used by video 2-3 only; video is at stage 1. Deploy one of those stages with it, or leave it out"],
    [{ video: 4, certificateArn: CERT }, "Context 'certificateArn' is used by video 1-3 only; video is at stage 4."],
    [{ iot: 5, ingestCertificateArn: CERT }, "Context 'ingestCertificateArn' is used by iot 1-4 only; iot is at stage 5."],
    [{ iot: 2, oracleStorageGiB: 200 }, "Context 'oracleStorageGiB' is used by iot 1 only; iot is at stage 2."],
    [{ archiveAfterDays: 30 }, "Context 'archiveAfterDays' is used by iot 3-4 only; iot is at stage 1."],
    [{ webAclArn: WEB_ACL }, "Context 'webAclArn' is used by video 3-5 only; video is at stage 1."],
  ])('%j fails with one line', (context, message) => {
    const text = refusal(context);
    expect(text).toContain(message);
  });

  test('errors are ContextErrors (bin/app.ts prints their one line and exits 1)', () => {
    expect(() => read({ region: 'nowhere-1' })).toThrow(ContextError);
  });
});

describe('nearest key', () => {
  test('counts edits, case-insensitively', () => {
    expect(editDistance('vidoe', 'video')).toBe(2);
    expect(editDistance('Region', 'region')).toBe(0);
    expect(nearest('alertMail', ['alertEmail', 'archiveAfterDays'])).toBe('alertEmail');
  });
});

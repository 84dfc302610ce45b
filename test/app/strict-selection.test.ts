import { makeApp } from '../../lib/app/make-app';
import { addPlatforms, studyNamedAlone } from '../../lib/app/platforms';
import { strictFailureLines } from '../../lib/checks/pack-report';
import { quietSynth } from '../support/quiet-synth';

/** The App as bin/app.ts builds it under the cdk CLI, with the given `-c` values (no bundling, no template validation). */
function cliApp(context: Record<string, unknown>) {
  const app = makeApp({ context, cloudFormationValidation: false, bundling: false });
  return { app, platforms: addPlatforms(app, { only: studyNamedAlone(app) }) };
}

describe('strict mode for a team adopting a final stage', () => {
  test('`cdk deploy VideoPlatform -c video=5 -c strict=true` builds only VideoPlatform and synthesizes', () => {
    const { app, platforms } = cliApp({ video: 5, strict: true });
    expect(platforms.iot).toBeUndefined();
    expect(platforms.video?.stackName).toBe('VideoPlatform');
    expect(() => quietSynth(app)).not.toThrow();
  });

  test('naming neither stage builds both at stage 1; naming both builds both', () => {
    expect(Object.keys(cliApp({}).platforms).filter((k) => cliApp({}).platforms[k as 'video' | 'iot'])).toEqual(['video', 'iot']);
    expect(studyNamedAlone(makeApp({ context: { video: 5, iot: 5 }, checks: false }))).toBeUndefined();
    expect(studyNamedAlone(makeApp({ context: { iot: 2 }, checks: false }))).toBe('iot');
  });

  test('a strict failure names the stack, rule and resource of every finding that failed it', () => {
    const lines = strictFailureLines([
      {
        ruleName: 'WellArchitected-TlsCertificateManaged',
        description: 'TLS is not terminated with an ACM certificate',
        violatingResources: [
          { resourceLogicalId: 'IngestionHttp1', templatePath: '/out/IotPlatform.template.json', locations: [] },
          { resourceLogicalId: 'Other2', templatePath: '/out/VideoPlatform.template.json', constructPath: 'VideoPlatform/Entrance/Http/Resource', locations: [] } as any,
        ],
      },
    ]);
    expect(lines).toEqual([
      '  IotPlatform: WellArchitected-TlsCertificateManaged on IngestionHttp1',
      '  VideoPlatform: WellArchitected-TlsCertificateManaged on VideoPlatform/Entrance/Http/Resource',
    ]);
  });
});

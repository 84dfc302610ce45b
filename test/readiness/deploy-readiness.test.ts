import { SynthesizedStage, synthIot, synthVideo } from '../support/synth-stage';

/**
 * Create and update constraints that CloudFormation or the services enforce only at deploy time, one
 * describe per row of docs/deploy-readiness.md. Each test failed on the template before its fix.
 */
const STAGES = [1, 2, 3, 4, 5];
const video: Record<number, SynthesizedStage> = {};
const iot: Record<number, SynthesizedStage> = {};
beforeAll(() => {
  for (const id of STAGES) {
    video[id] = synthVideo(id);
    iot[id] = synthIot(id);
  }
});

type Resource = { Type: string; Properties?: any; DeletionPolicy?: string; DependsOn?: string | string[] };
const resourcesOf = (s: SynthesizedStage, type: string): Array<[string, Resource]> =>
  Object.entries(s.json.Resources ?? {}).filter(([, r]) => r.Type === type) as Array<[string, Resource]>;
const userData = (s: SynthesizedStage) => resourcesOf(s, 'AWS::EC2::LaunchTemplate').map(([, lt]) => JSON.stringify(lt.Properties.LaunchTemplateData.UserData)).join('\n');

describe('RDS for Oracle: DBName', () => {
  test('is 1-8 letters and digits starting with a letter, and is the service name the collector connects to', () => {
    const [[, oracle]] = resourcesOf(iot[1], 'AWS::RDS::DBInstance');
    expect(oracle.Properties.DBName).toMatch(/^[A-Za-z][A-Za-z0-9]{0,7}$/);
    expect(userData(iot[1])).toContain(`DATABASE_NAME=${oracle.Properties.DBName}`);
  });
});

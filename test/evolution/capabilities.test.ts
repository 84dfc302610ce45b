import { capabilitiesOf, capabilityChange, Capability } from '../../lib/evolution/capabilities';
import { CaseStudyInfo } from '../../stages/stage-info';
import { IOT_PLATFORM } from '../../stages/iot/registry';
import { VIDEO_PLATFORM } from '../../stages/video/registry';
import { synthStage } from '../support/synth-stage';

const studies = [VIDEO_PLATFORM, IOT_PLATFORM];
const offered = new Map<string, Capability[]>();
const capabilities = (study: CaseStudyInfo, stage: number) => offered.get(`${study.contextKey}-${stage}`)!;

beforeAll(() => {
  for (const study of studies) {
    for (const stage of study.stages) {
      offered.set(`${study.contextKey}-${stage.id}`, capabilitiesOf(synthStage(study.contextKey as 'video' | 'iot', stage.id).json));
    }
  }
}, 60_000);

describe.each(studies)('$title: nothing a stage offers disappears in silence', (study) => {
  const steps = study.stages.slice(1).map((s) => [s.id - 1, s.id] as const);

  test.each(steps)('stage %i -> %i: every capability that goes is announced in retiresCapabilities, and every announcement is true', (from, to) => {
    const change = capabilityChange(study, to, capabilities(study, from), capabilities(study, to));
    expect(change.unannounced).toEqual([]);
    expect(change.staleAnnouncements).toEqual([]);
  });

  test('every announcement names a capability once, with a reason', () => {
    for (const stage of study.stages) {
      const names = (stage.retiresCapabilities ?? []).map((r) => r.capability);
      expect(new Set(names).size).toBe(names.length);
      for (const retired of stage.retiresCapabilities ?? []) expect(retired.reason.length).toBeGreaterThan(20);
    }
  });
});

describe('what the capability check reads (so an empty list cannot pass for "nothing dropped")', () => {
  const ids = (study: CaseStudyInfo, stage: number) => capabilities(study, stage).map((c) => c.id);

  test('IoT stage 5 keeps the real-time read routes the collector served, on its read API', () => {
    for (const id of ['HTTP GET /devices/{}/latest', 'HTTP GET /devices/{}/stats']) {
      expect({ id, stage4: ids(IOT_PLATFORM, 4).includes(id), stage5: ids(IOT_PLATFORM, 5).includes(id) }).toEqual({ id, stage4: true, stage5: true });
    }
  });

  test('the monolith offers the catalog, the media, chat history and the chat socket, all through the one fleet', () => {
    expect(ids(VIDEO_PLATFORM, 1)).toEqual(
      expect.arrayContaining(['HTTP GET /video/catalog', 'HTTP GET /video/catalog/{}', 'HTTP POST /video/catalog', 'HTTP GET /video/assets/{+}', 'HTTP GET /chat/history', 'WebSocket sendmessage']),
    );
    expect(capabilities(VIDEO_PLATFORM, 1).every((c) => c.via.includes('AppPool'))).toBe(true);
  });

  test('split pools: a route counts on the pool the load balancer sends its path to', () => {
    const via = (id: string) => capabilities(VIDEO_PLATFORM, 2).find((c) => c.id === id)?.via;
    expect(via('HTTP GET /video/catalog')).toContain('VideoPool');
    expect(via('HTTP GET /chat/history')).toContain('ChatPool');
    expect(via('WebSocket sendmessage')).toContain('ChatPool');
  });

  test('health checks are not capabilities', () => {
    for (const study of studies) for (const stage of study.stages) expect(ids(study, stage.id).filter((id) => id.includes('health'))).toEqual([]);
  });

  test('the collector ingests over HTTP until stage 5 ingests over MQTT; the archive is queryable from stage 3', () => {
    expect(ids(IOT_PLATFORM, 1)).toContain('HTTP POST /telemetry');
    expect(ids(IOT_PLATFORM, 5)).toEqual(expect.arrayContaining(['MQTT publish telemetry/+/data', 'SQL iotplatform_telemetry_archive.readings', 'Job on upload jobs/*']));
    expect(ids(IOT_PLATFORM, 2)).not.toContain('SQL iotplatform_telemetry_archive.readings');
  });

  test('live video: IVS ingest and playback, recordings replayed through the CDN', () => {
    expect(ids(VIDEO_PLATFORM, 5)).toEqual(expect.arrayContaining(['Live ingest RTMPS', 'Live playback HLS', 'CDN GET /ivs/*']));
  });
});

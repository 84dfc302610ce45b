/**
 * The deployment the talk describes, as context: what a production team had that a workshop deploy
 * does not (a domain with certificates, a known live event, the forklift's storage). The scorecards
 * are compared with the talk's words under this context, for every stage alike; a workshop deploy
 * without it scores lower on security (plain HTTP) and shows the gap.
 *
 * The ARNs use AWS's documentation account and are never deployed: they only let synth see HTTPS.
 */

/** ACM certificate of the platform's own domain (documentation account, us-east-1). */
export const TALK_CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:111122223333:certificate/1c9a52a7-0000-4e4b-9d8c-2f6c8a3b7e10';

/** Which stages use each of the talk's context values. */
const USED_BY = {
  certificateArn: { video: [1, 2, 3], iot: [1, 2, 3, 4] },
  media: { video: [3, 4, 5], iot: [] },
  liveEvents: { video: [2, 3], iot: [] },
  oracleStorageGiB: { video: [], iot: [1] },
} as const;

const uses = (key: keyof typeof USED_BY, video: number, iot: number) =>
  (USED_BY[key].video as readonly number[]).includes(video) || (USED_BY[key].iot as readonly number[]).includes(iot);

/**
 * Context for an App holding video stage `video` and IoT stage `iot` as the talk's teams ran them.
 * Only values one of the two stages can use are set.
 */
export function talkDeploymentContext(video: number, iot: number, now: Date = new Date()): Record<string, unknown> {
  const context: Record<string, unknown> = {};
  if (uses('certificateArn', video, iot)) context.certificateArn = TALK_CERTIFICATE_ARN;
  if (uses('media', video, iot)) {
    context.mediaDomainName = 'media.example.com';
    context.mediaCertificateArn = TALK_CERTIFICATE_ARN;
  }
  if (uses('liveEvents', video, iot)) {
    // The sold-out stream that broke the monolith, scheduled a month ahead.
    const startsAt = new Date(now.getTime() + 30 * 24 * 3600_000);
    startsAt.setUTCHours(19, 0, 0, 0);
    context.liveEvents = JSON.stringify([{ name: 'season-opener', startsAt: startsAt.toISOString(), durationMinutes: 150, videoInstances: 10, chatInstances: 4 }]);
  }
  // 64 TiB, the RDS for Oracle ceiling the forklift bought up front.
  if (uses('oracleStorageGiB', video, iot)) context.oracleStorageGiB = 65536;
  return context;
}

import { CONTEXT_TABLE } from '../lib/app/context-table';

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

/** Whether video stage `video` or IoT stage `iot` reads a context key, per the context table. */
function uses(key: string, video: number, iot: number): boolean {
  const entry = CONTEXT_TABLE.find((e) => e.key === key);
  if (!entry) throw new Error(`The talk's deployment sets '${key}', which the context table does not declare`);
  return (entry.usedBy.video ?? []).includes(video) || (entry.usedBy.iot ?? []).includes(iot);
}

/**
 * Context for an App holding video stage `video` and IoT stage `iot` as the talk's teams ran them.
 * Only values one of the two stages can use are set.
 */
export function talkDeploymentContext(video: number, iot: number, now: Date = new Date()): Record<string, unknown> {
  const context: Record<string, unknown> = {};
  if (uses('certificateArn', video, iot)) context.certificateArn = TALK_CERTIFICATE_ARN;
  if (uses('ingestCertificateArn', video, iot)) context.ingestCertificateArn = TALK_CERTIFICATE_ARN;
  if (uses('mediaDomainName', video, iot)) {
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

import { CfnOutput, Stack, Tags } from 'aws-cdk-lib';
import { ChatDatabase } from '../../lib/constructs/chat-database';
import { PublicEntrance } from '../../lib/constructs/public-entrance';
import { videoFoundation } from './foundation';
import { acknowledge } from '../../lib/checks/acknowledge';
import { acknowledgeAnonymousViewers, acknowledgeVideoFromOrigin, videoAppBundle, videoAppPool } from './video-app-pool';
import { VideoPlatformOptions } from './options';

/**
 * Stage 1, the monolith: ALB → one Auto Scaling group running video and chat in one process →
 * DocumentDB + S3. Done properly everywhere except where the talk says it failed.
 */
export function buildMonolith(stack: Stack, options: VideoPlatformOptions): void {
  const { network, logs, media, alerts } = videoFoundation(stack, options, { egress: true });
  const database = new ChatDatabase(stack, 'ChatDatabase', { network, alerts });
  const entrance = new PublicEntrance(stack, 'Entrance', { network, accessLogs: logs.bucket, alerts, certificateArn: options.certificateArn });

  // The lesson: video and chat share one pool, one target group and one blast radius, and the scaling
  // ceiling is what was tested (about 100 concurrent users), not what a sold-out stream brings.
  const app = videoAppPool(stack, 'AppPool', {
    role: 'all', network, bundle: videoAppBundle(stack), media: media.bucket, database, alerts,
    minCapacity: 2, maxCapacity: 3,
  });
  // The app answers /video/* and /chat/* (anything else is a 404 at the load balancer), both on the same pool.
  entrance.routePaths(app, ['/video/*', '/chat/*'], 10);
  app.asg.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 50 });
  Tags.of(app).add('wa:tested-concurrent-users', '100');
  acknowledge(
    app,
    {
      rule: 'WellArchitected-FleetServesOneComponent',
      reason: 'The talk\'s lesson: video and chat on one pool are "one entire blast radius"; when video failed, chat could not tell viewers why. Stage 2 splits them.',
    },
    {
      rule: 'WellArchitected-FleetScalingHeadroom[MaxBelowTwiceMin]',
      reason: 'The talk\'s lesson: scaling was tuned to the ~100 users the team tested with; the first sold-out stream went past it into 10-second responses.',
    },
  );
  acknowledgeAnonymousViewers(entrance);
  acknowledgeVideoFromOrigin(media.bucket);

  new CfnOutput(stack, 'Url', { value: entrance.url, description: 'The platform: /video/catalog, /chat/ws' });
}

import { LiveEvent } from '../../lib/constructs/live-event-prescaling';

/** Deployment choices that hold for every stage of the video platform. */
export interface VideoPlatformOptions {
  /**
   * ACM certificate ARN (stack region) for HTTPS on the load balancer.
   * @default - HTTP only
   */
  readonly certificateArn?: string;
  /**
   * ARN of a WAF web ACL (scope CLOUDFRONT, in us-east-1) for the media distribution (stage 3 onwards).
   * @default - no web ACL
   */
  readonly webAclArn?: string;
  /**
   * A custom domain for the media distribution (stage 3 onwards) and its ACM certificate, which must
   * be in us-east-1. Viewers then get TLS 1.2 or later.
   * @default - the distribution's own *.cloudfront.net name
   */
  readonly mediaDomain?: { readonly name: string; readonly certificateArn: string };
  /**
   * Known live events to pre-scale the pools for (stage 2 onwards, while pools exist).
   * @default - none
   */
  readonly liveEvents?: readonly LiveEvent[];
  /**
   * Availability Zones for the VPC.
   * @default - two AZs resolved at deploy time
   */
  readonly availabilityZones?: string[];
  /**
   * E-mail address subscribed to the alerts topic.
   * @default - none
   */
  readonly alertEmail?: string;
}

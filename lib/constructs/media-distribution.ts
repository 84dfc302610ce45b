import { Duration, Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from '../checks/acknowledge';
import { Alerts } from './alerts';
import { EdgeProtection } from './edge-protection';

/** Properties of {@link MediaDistribution}. */
export interface MediaDistributionProps {
  /** Video on demand: HLS/DASH manifests and segments, MP4s. */
  readonly media: s3.IBucket;
  /** Where CloudFront standard logs go (the bucket must have ACLs enabled). */
  readonly accessLogs: s3.IBucket;
  /** Where the distribution's error alarm goes. */
  readonly alerts: Alerts;
  /**
   * Amazon IVS recordings, served under `/ivs/*` (IVS writes its recordings under that prefix).
   * @default - no recordings origin
   */
  readonly recordings?: s3.IBucket;
  /**
   * ARN of a WAF web ACL with scope CLOUDFRONT (it lives in us-east-1).
   * @default - one of its own ({@link EdgeProtection}) when the stack is in us-east-1, none elsewhere
   */
  readonly webAclArn?: string;
  /**
   * A custom domain for the media, with its ACM certificate (which CloudFront needs in us-east-1).
   * With it viewers get TLS 1.2 or later; the default *.cloudfront.net certificate allows TLS 1.0.
   * @default - the distribution's own domain name
   */
  readonly domain?: { readonly name: string; readonly certificateArn: string };
}

/**
 * CloudFront in front of the media bucket with origin access control (the bucket stays private).
 * Manifests change while a stream is live, so they are cached for seconds; segments never change once
 * written, so they are cached for a month and most requests never reach S3.
 */
export class MediaDistribution extends Construct {
  public readonly distribution: cloudfront.Distribution;
  private readonly domainName?: string;

  constructor(scope: Construct, id: string, props: MediaDistributionProps) {
    super(scope, id);
    this.domainName = props.domain?.name;
    const manifests = new cloudfront.CachePolicy(this, 'ManifestCache', {
      comment: 'HLS/DASH manifests: seconds, they change while a stream is live',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(2),
      maxTtl: Duration.seconds(60),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const segments = new cloudfront.CachePolicy(this, 'SegmentCache', {
      comment: 'Media segments: immutable once written',
      minTtl: Duration.days(1),
      defaultTtl: Duration.days(30),
      maxTtl: Duration.days(365),
    });
    const behavior = (origin: cloudfront.IOrigin, cachePolicy: cloudfront.ICachePolicy, compress: boolean): cloudfront.BehaviorOptions => ({
      origin,
      cachePolicy,
      compress,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
      cachedMethods: cloudfront.CachedMethods.CACHE_GET_HEAD_OPTIONS,
      originRequestPolicy: cloudfront.OriginRequestPolicy.CORS_S3_ORIGIN,
      responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.CORS_ALLOW_ALL_ORIGINS_WITH_PREFLIGHT_AND_SECURITY_HEADERS,
    });

    // Origin access control names are unique per account, not per region: a name of the stack alone
    // (aws-cdk-lib's default) collides when the stack is deployed to a second region.
    const accessControl = (id: string, what: string) =>
      new cloudfront.S3OriginAccessControl(this, id, { originAccessControlName: `${Stack.of(this).stackName}-${Stack.of(this).region}-${what}` });
    const mediaOrigin = origins.S3BucketOrigin.withOriginAccessControl(props.media, { originAccessControl: accessControl('MediaAccess', 'media') });
    const additionalBehaviors: Record<string, cloudfront.BehaviorOptions> = {};
    if (props.recordings) {
      const recordingsOrigin = origins.S3BucketOrigin.withOriginAccessControl(props.recordings, { originAccessControl: accessControl('RecordingsAccess', 'recordings') });
      additionalBehaviors['ivs/*.m3u8'] = behavior(recordingsOrigin, manifests, true);
      additionalBehaviors['ivs/*'] = behavior(recordingsOrigin, segments, false);
    }
    for (const manifest of ['*.m3u8', '*.mpd']) {
      additionalBehaviors[manifest] = behavior(mediaOrigin, manifests, true);
    }

    // CLOUDFRONT-scope web ACLs exist only in us-east-1; from another region pass webAclArn instead.
    const webAclArn = props.webAclArn ?? (Stack.of(this).region === 'us-east-1' ? new EdgeProtection(this, 'EdgeProtection').arn : undefined);
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Video platform media',
      defaultBehavior: behavior(mediaOrigin, segments, false),
      additionalBehaviors,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableIpv6: true,
      enableLogging: true,
      logBucket: props.accessLogs,
      logFilePrefix: 'cdn/',
      webAclId: webAclArn,
      ...(props.domain
        ? {
            domainNames: [props.domain.name],
            certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn),
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });

    // CloudFront publishes its metrics in us-east-1 only; an alarm in another region would never see data.
    if (Stack.of(this).region === 'us-east-1') {
      props.alerts.alarm(this, 'ServerErrors', {
        description: 'More than 5% of viewer requests for media fail with 5xx',
        metric: this.distribution.metric5xxErrorRate({ period: Duration.minutes(5) }),
        threshold: 5,
      });
    }

    acknowledge(this.distribution, {
      rule: 'AwsSolutions-CFR1',
      reason: 'The audience is worldwide; licensing that needs geo restriction belongs to each title, not the whole distribution.',
    });
    if (!props.domain) {
      const reason = 'The default *.cloudfront.net certificate cannot pin TLS 1.2; pass a media domain with its ACM certificate (context mediaDomainName, mediaCertificateArn) to get it.';
      acknowledge(this.distribution, { rule: 'AwsSolutions-CFR4', reason });
    }
    if (!webAclArn) {
      acknowledge(this.distribution, {
        rule: 'AwsSolutions-CFR2',
        reason: 'CLOUDFRONT web ACLs live in us-east-1 only and this stack is elsewhere; pass context webAclArn (a us-east-1 CLOUDFRONT web ACL) to attach one.',
      });
    }
  }

  /** `https://<domain>` viewers use: the custom domain when there is one. */
  public get url(): string {
    return `https://${this.domainName ?? this.distribution.distributionDomainName}`;
  }
}

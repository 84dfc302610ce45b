/**
 * What the edge offers viewers and broadcasters: CloudFront paths and live channels.
 */
import { CfnTemplate } from '../data-safety';
import type { Capability } from './capability';
import { matchesPathPattern } from './http-paths';
import { resourcesOfType } from './template-values';

/**
 * One capability per origin a distribution serves: the default behaviour's (`CDN GET /*`) and each
 * path pattern that reaches another origin. Behaviours that only cache some files of the same origin
 * differently (manifests, segments) are tuning, not something new on offer.
 */
function distributionCapabilities(template: CfnTemplate): Capability[] {
  return resourcesOfType(template, 'AWS::CloudFront::Distribution').flatMap((distribution) => {
    const config = distribution.properties.DistributionConfig ?? {};
    const defaultOrigin = config.DefaultCacheBehavior?.TargetOriginId;
    const elsewhere = ((config.CacheBehaviors ?? []) as any[]).filter((b) => b.TargetOriginId !== defaultOrigin);
    const patterns = elsewhere.map((b) => `/${String(b.PathPattern).replace(/^\//, '')}`);
    // `/ivs/*` already offers what `/ivs/*.m3u8` caches differently.
    const distinct = patterns.filter((p) => !patterns.some((other) => other !== p && matchesPathPattern(other, p)));
    return ['/*', ...new Set(distinct)].map((pattern) => ({ id: `CDN GET ${pattern}`, via: `CloudFront ${distribution.id}` }));
  });
}

function liveChannelCapabilities(template: CfnTemplate): Capability[] {
  return resourcesOfType(template, 'AWS::IVS::Channel').flatMap((channel) => [
    { id: `Live ingest ${channel.properties.InsecureIngest ? 'RTMP' : 'RTMPS'}`, via: `IVS ${channel.id}` },
    { id: 'Live playback HLS', via: `IVS ${channel.id}` },
  ]);
}

export function edgeCapabilities(template: CfnTemplate): Capability[] {
  return [...distributionCapabilities(template), ...liveChannelCapabilities(template)];
}

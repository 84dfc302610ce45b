import { Construct } from 'constructs';
import { Alerts } from '../../lib/constructs/alerts';
import { LogArchive } from '../../lib/constructs/log-archive';
import { MediaLibrary } from '../../lib/constructs/media-library';
import { Network } from '../../lib/constructs/network';
import { VideoPlatformOptions } from './options';

/** What every stage of the video platform stands on; the construct IDs here must never change. */
export interface VideoFoundation {
  readonly network: Network;
  readonly logs: LogArchive;
  readonly media: MediaLibrary;
  readonly alerts: Alerts;
}

/** Builds the long-lived parts: the VPC, the log archive, the media bucket and the alerts topic. */
export function videoFoundation(scope: Construct, options: VideoPlatformOptions, network: { egress: boolean }): VideoFoundation {
  const logs = new LogArchive(scope, 'LogArchive');
  return {
    network: new Network(scope, 'Network', { availabilityZones: options.availabilityZones, egress: network.egress }),
    logs,
    media: new MediaLibrary(scope, 'Media', { accessLogs: logs.bucket, accessLogPrefix: 'media/' }),
    alerts: new Alerts(scope, 'Alerts', { email: options.alertEmail }),
  };
}

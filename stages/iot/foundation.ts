import { Construct } from 'constructs';
import { Alerts } from '../../lib/constructs/alerts';
import { LogArchive } from '../../lib/constructs/log-archive';
import { Network } from '../../lib/constructs/network';
import { IotPlatformOptions } from './options';

/** What every stage of the IoT platform stands on; the construct IDs here must never change. */
export interface IotFoundation {
  readonly network: Network;
  readonly logs: LogArchive;
  readonly alerts: Alerts;
}

/**
 * Builds the long-lived parts: the VPC, the log archive and the alerts topic. `egress` says whether the
 * app subnets keep NAT gateways: stages with a fleet (or a database rotation function) need them.
 */
export function iotFoundation(scope: Construct, options: IotPlatformOptions, network: { egress: boolean }): IotFoundation {
  return {
    network: new Network(scope, 'Network', { availabilityZones: options.availabilityZones, egress: network.egress }),
    logs: new LogArchive(scope, 'LogArchive'),
    alerts: new Alerts(scope, 'Alerts', { email: options.alertEmail }),
  };
}

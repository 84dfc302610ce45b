import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { Alerts } from '../../lib/constructs/alerts';
import { AppPool } from '../../lib/constructs/app-pool';
import { Network } from '../../lib/constructs/network';
import { NodeAppBundle } from '../../lib/constructs/node-app-bundle';
import { acknowledge } from '../../lib/checks/acknowledge';
import { PublicEntrance } from '../../lib/constructs/public-entrance';

/** The collector's storage adapter: the one line of code the talk says changed per database. */
export type CollectorStore = 'oracle' | 'postgres' | 'dynamodb+postgres';

/** A relational database the collector writes to. */
export interface CollectorDatabase {
  readonly secret: secretsmanager.ISecret;
  readonly name: string;
  allowAppAccess(peer: ec2.IConnectable & iam.IGrantable, description: string): void;
}

/** Properties of {@link collectorFleet}. */
export interface CollectorFleetProps {
  readonly network: Network;
  readonly alerts: Alerts;
  readonly entrance: PublicEntrance;
  readonly store: CollectorStore;
  readonly database: CollectorDatabase;
  /** The real-time table, from stage 4. */
  readonly realtime?: { table: dynamodb.ITableV2; hotWindowDays: number };
}

/** The forklift's own design, kept on purpose until stage 5 replaces the fleet; each reason is the talk's. */
function acknowledgeForkliftDesign(fleet: AppPool, entrance: PublicEntrance): void {
  acknowledge(
    fleet,
    {
      rule: 'WellArchitected-FleetServesOneComponent',
      reason: 'The talk: "all of the data collection and analysis is done on a single auto-scaling pool", the forklift\'s blast radius; stage 5 splits them into a Lambda per event and Fargate jobs.',
    },
    {
      rule: 'WellArchitected-ManagedCompute',
      reason: 'The forklift keeps the EC2 fleet the team knew how to run ("that code is solid"); stage 5 migrates compute to Lambda and Fargate.',
    },
  );
  acknowledge(entrance, {
    rule: 'WellArchitected-EntryPointAuthenticated',
    reason: 'Forklifted as it ran on premises: devices post readings to an open HTTP endpoint; device identity (X.509 certificates) arrives with IoT Core in stage 5.',
  });
}

/**
 * The forklifted fleet: one Auto Scaling group that both collects (POST /telemetry) and analyses
 * (per-device stats), behind the ingestion load balancer. Sized for a platform whose customers pay for
 * very little downtime: two instances at least, in two AZs, scaling on requests.
 */
export function collectorFleet(scope: Construct, props: CollectorFleetProps): AppPool {
  const bundle = new NodeAppBundle(scope, 'CollectorBundle', {
    entry: 'lib/runtime/telemetry-collector/main.ts',
    // Optional native add-ons the pure-JavaScript drivers never load (pg's libpq binding).
    externals: ['pg-native'],
  });
  const fleet = new AppPool(scope, 'CollectorFleet', {
    network: props.network,
    bundle,
    alerts: props.alerts,
    serviceName: 'telemetry-collector',
    component: 'collect+analyse',
    healthCheckPath: '/health',
    minCapacity: 2,
    maxCapacity: 10,
    environment: {
      STORE: props.store,
      DATABASE_SECRET_ARN: props.database.secret.secretArn,
      DATABASE_NAME: props.database.name,
      DB_CA_FILE: '/opt/telemetry-collector/global-bundle.pem',
      ...(props.realtime ? { TABLE_NAME: props.realtime.table.tableName, HOT_WINDOW_DAYS: String(props.realtime.hotWindowDays) } : {}),
    },
  });
  props.database.allowAppAccess(fleet.asg, 'Collector fleet');
  props.realtime?.table.grant(fleet.instanceRole, 'dynamodb:BatchWriteItem', 'dynamodb:PutItem', 'dynamodb:Query');
  // Devices post readings to /telemetry and analysts query /devices/*; the load balancer sends both to the one fleet.
  props.entrance.routePaths(fleet, ['/telemetry', '/devices/*'], 10);
  fleet.asg.scaleOnRequestCount('RequestsPerTarget', { targetRequestsPerMinute: 6000 });
  acknowledgeForkliftDesign(fleet, props.entrance);
  return fleet;
}

import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { REALTIME_KEYS } from '../runtime/telemetry/realtime-item';

/** Properties of {@link RealtimeReadings}. */
export interface RealtimeReadingsProps {
  /**
   * Days a reading stays in the table before TTL removes it (the history lives in Aurora or S3).
   * @default 7
   */
  readonly hotWindowDays?: number;
}

/**
 * Recent readings per device in DynamoDB: a device id partition (high cardinality, so no hot
 * partitions) and a time sort key; on-demand capacity for a spiky, global fleet; TTL on the hot
 * window; point-in-time recovery; a stream of new items for event-driven consumers.
 */
export class RealtimeReadings extends Construct {
  public readonly table: dynamodb.TableV2;
  public readonly hotWindowDays: number;

  constructor(scope: Construct, id: string, props: RealtimeReadingsProps = {}) {
    super(scope, id);
    this.hotWindowDays = props.hotWindowDays ?? 7;
    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: { name: REALTIME_KEYS.partition, type: dynamodb.AttributeType.STRING },
      sortKey: { name: REALTIME_KEYS.sort, type: dynamodb.AttributeType.NUMBER },
      billing: dynamodb.Billing.onDemand(),
      timeToLiveAttribute: REALTIME_KEYS.ttl,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // Every device writes under its own key: a device stuck in a retry loop is a hot key no table-level metric shows.
      contributorInsightsSpecification: { enabled: true },
      dynamoStream: dynamodb.StreamViewType.NEW_IMAGE,
      encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}

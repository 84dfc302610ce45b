import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { Alerts } from './alerts';

const ITEM_OPERATIONS = [
  dynamodb.Operation.GET_ITEM,
  dynamodb.Operation.PUT_ITEM,
  dynamodb.Operation.UPDATE_ITEM,
  dynamodb.Operation.DELETE_ITEM,
  dynamodb.Operation.QUERY,
  dynamodb.Operation.SCAN,
];

/**
 * Alarms on a DynamoDB table's own health, so a table that throttles shows as the table's problem
 * rather than as its callers' timeouts and retries: read or write throttle events, which on an
 * on-demand table mean a hot partition or the table's throughput ceiling, and DynamoDB's own 5xx
 * errors. Callers' error alarms say that something fails; these say where.
 */
export function watchTableHealth(scope: Construct, id: string, table: dynamodb.ITableV2, alerts: Alerts): void {
  const period = Duration.minutes(1);
  alerts.alarm(scope, `${id}Throttled`, {
    description: `Requests to the ${id} table are throttled (hot partition key or throughput ceiling)`,
    metric: new cloudwatch.MathExpression({
      expression: 'reads + writes',
      usingMetrics: {
        reads: table.metric('ReadThrottleEvents', { statistic: 'Sum', period }),
        writes: table.metric('WriteThrottleEvents', { statistic: 'Sum', period }),
      },
      period,
    }),
    threshold: 0,
  });
  alerts.alarm(scope, `${id}SystemErrors`, {
    description: `DynamoDB answers requests to the ${id} table with server errors`,
    // A metric math alarm takes at most 10 metrics: the item and query operations, not every batch and transaction one.
    metric: table.metricSystemErrorsForOperations({ period, operations: ITEM_OPERATIONS }),
    threshold: 0,
  });
}

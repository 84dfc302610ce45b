import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ANONYMOUS_CATALOG_ROUTES, CATALOG_ROUTES } from '../runtime/video-catalog/catalog-routes';
import {
  BY_CREATED_AT_INDEX,
  CREATED_AT_ATTRIBUTE,
  ID_ATTRIBUTE,
  LISTING_ATTRIBUTE,
} from '../runtime/video-catalog/catalog-table-schema';
import { Alerts } from './alerts';
import { LiveAlias } from './live-alias';
import { watchTableHealth } from './table-health';
import { UserJourneyCanary } from './user-journey-canary';
import { nodeFunction } from './node-function';
import { ViewerApi } from './viewer-api';

/** Properties of {@link VideoCatalog}. */
export interface VideoCatalogProps {
  /** The HTTP API the catalog's routes join. */
  readonly api: ViewerApi;
  readonly alerts: Alerts;
  /**
   * Where a canary that lists the catalog, as a viewer's page does, keeps its run reports.
   * @default - no canary
   */
  readonly journeyArtifacts?: s3.IBucket;
}

/**
 * The video catalog without servers: the routes the video pool served (list, read, add), now on the
 * platform's HTTP API, one Lambda function and a DynamoDB table. Reads are anonymous; adding a video
 * takes an IAM-signed request, since publishers are the team, not the audience.
 */
export class VideoCatalog extends Construct {
  public readonly table: dynamodb.TableV2;
  public readonly handler: lambda.IFunction;

  constructor(scope: Construct, id: string, props: VideoCatalogProps) {
    super(scope, id);
    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: { name: ID_ATTRIBUTE, type: dynamodb.AttributeType.STRING },
      globalSecondaryIndexes: [
        {
          indexName: BY_CREATED_AT_INDEX,
          partitionKey: { name: LISTING_ATTRIBUTE, type: dynamodb.AttributeType.STRING },
          sortKey: { name: CREATED_AT_ATTRIBUTE, type: dynamodb.AttributeType.STRING },
        },
      ],
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const handler = nodeFunction(this, 'Api', {
      entry: 'lib/runtime/video-catalog/catalog-api.ts',
      environment: { CATALOG_TABLE_NAME: this.table.tableName },
      timeout: Duration.seconds(10),
    });
    // Exact grants: the table's own grant() adds every index (index/*), and the API queries one.
    handler.addToRolePolicy(new iam.PolicyStatement({ actions: ['dynamodb:GetItem', 'dynamodb:PutItem'], resources: [this.table.tableArn] }));
    handler.addToRolePolicy(new iam.PolicyStatement({ actions: ['dynamodb:Query'], resources: [`${this.table.tableArn}/index/${BY_CREATED_AT_INDEX}`] }));
    // The API invokes the live alias, so a new version serves a canary share of requests first.
    const live = new LiveAlias(this, 'Live', handler, { alerts: props.alerts });
    props.api.addRoutes('Catalog', live.alias, Object.values(CATALOG_ROUTES), (key) => (ANONYMOUS_CATALOG_ROUTES.includes(key) ? 'anyone' : 'iam'));
    props.alerts.notifyOn(
      new cloudwatch.Alarm(handler, 'Errors', {
        alarmDescription: 'The catalog API function is failing',
        metric: handler.metricErrors({ period: Duration.minutes(1) }),
        threshold: 5,
        evaluationPeriods: 3,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );
    watchTableHealth(this, 'Catalog', this.table, props.alerts);
    if (props.journeyArtifacts) {
      const [, listPath] = CATALOG_ROUTES.list.split(' ');
      new UserJourneyCanary(this, 'ViewerJourney', { alerts: props.alerts, artifacts: props.journeyArtifacts, steps: { 'list the catalog': `${props.api.url}${listPath}` } });
    }
    this.handler = handler;
  }
}

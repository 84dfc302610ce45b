import { CustomResource, Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ChatDatabase } from './chat-database';
import { Network } from './network';
import { nodeFunction } from './node-function';
import { VideoCatalog } from './video-catalog';

/** Properties of {@link CatalogImport}. */
export interface CatalogImportProps {
  /** Where the catalog goes. */
  readonly catalog: VideoCatalog;
  /** The video pool's DocumentDB, where the catalog is. */
  readonly database: ChatDatabase;
  /** Runs in the app subnets: their egress reaches Secrets Manager, DynamoDB and CloudFormation's response URL. */
  readonly network: Network;
}

/**
 * Copies the catalog from DocumentDB into the catalog table while the stage that retires the video
 * pool deploys: a custom resource, created before CloudFormation removes anything, so the pool keeps
 * serving until the copy is done, and a failed copy rolls the whole change back. It has done its job
 * once that stage is deployed; the next stage retires it.
 */
export class CatalogImport extends Construct {
  constructor(scope: Construct, id: string, props: CatalogImportProps) {
    super(scope, id);
    const copier = nodeFunction(this, 'Copier', {
      entry: 'lib/runtime/video-catalog/catalog-import.ts',
      environment: { CATALOG_TABLE_NAME: props.catalog.table.tableName, DOCDB_SECRET_ARN: props.database.cluster.secret!.secretArn },
      timeout: Duration.minutes(5),
      vpc: { vpc: props.network.vpc, subnets: props.network.appSubnets },
      // Optional add-ons of the MongoDB driver that DocumentDB never uses.
      externalModules: ['kerberos', '@mongodb-js/zstd', '@aws-sdk/credential-providers', 'gcp-metadata', 'snappy', 'socks', 'aws4', 'mongodb-client-encryption'],
    });
    props.database.allowAppAccess(copier);
    copier.addToRolePolicy(new iam.PolicyStatement({ actions: ['dynamodb:PutItem'], resources: [props.catalog.table.tableArn] }));
    const copy = new CustomResource(this, 'Copy', {
      serviceToken: copier.functionArn,
      resourceType: 'Custom::VideoCatalogImport',
      // If the copier times out (5 minutes) it never answers; CloudFormation would wait an hour for it.
      // A minute after the function's own timeout, the resource fails and the stage change rolls back.
      serviceTimeout: Duration.minutes(6),
      properties: { Table: props.catalog.table.tableName, Cluster: props.database.cluster.clusterIdentifier },
    });
    // The cluster's members must be up to answer, whatever order the stage change creates things in.
    copy.node.addDependency(props.database.cluster);
  }
}

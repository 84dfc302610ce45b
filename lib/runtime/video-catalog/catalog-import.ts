/**
 * A custom resource that copies the catalog from the video pool's DocumentDB into the catalog table
 * while CloudFormation deploys the stage that retires the pool (stage 3). It runs before the pool is
 * removed (removals come last), and a failed copy fails the deploy, which rolls back with the pool
 * still serving: the catalog is never left behind. Update runs the copy again (it only adds what is
 * missing); Delete does nothing, because the table keeps the entries.
 *
 * Env: CATALOG_TABLE_NAME, DOCDB_SECRET_ARN (required); DOCDB_CA_FILE (default
 *      /var/runtime/ca-cert.pem: the Lambda runtime's Amazon CA bundle, which holds the RDS CAs);
 *      DOCDB_DATABASE (default videoapp, as the video app).
 * IAM: dynamodb:PutItem on the catalog table; secretsmanager:GetSecretValue on the cluster secret.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { optionalEnv, requireEnv } from '../shared/env';
import { describeError, errorMessage } from '../shared/error-fields';
import { log } from '../shared/json-logger';
import { DEFAULT_DOCDB_DATABASE } from '../video-app/config';
import { loadDocDbCredentials } from '../video-app/docdb-secret';
import type { VideoEntry } from '../video-app/storage';
import { sendCfnResponse } from './cfn-response';
import { documentDbVideos } from './documentdb-videos';
import { DynamoDbCatalog } from './dynamodb-catalog';
import { importVideos, type ImportTarget } from './import-videos';

export const PHYSICAL_RESOURCE_ID = 'video-catalog-import';
export const LAMBDA_CA_BUNDLE = '/var/runtime/ca-cert.pem';

export interface ImportDeps {
  /** The entries to copy, opened per run. */
  source(): AsyncIterable<VideoEntry>;
  target: ImportTarget;
  respond: typeof sendCfnResponse;
}

/** The handler for the given dependencies; tests pass their own. */
export function importHandler(deps: ImportDeps): (event: CloudFormationCustomResourceEvent) => Promise<void> {
  return async (event) => {
    try {
      if (event.RequestType === 'Delete') {
        await deps.respond(event, { status: 'SUCCESS', reason: 'Nothing to do: the catalog table keeps its entries', physicalResourceId: PHYSICAL_RESOURCE_ID });
        return;
      }
      const summary = await importVideos(deps.source(), deps.target);
      log.info('catalog.imported', { requestType: event.RequestType, ...summary });
      await deps.respond(event, {
        status: 'SUCCESS',
        reason: `Copied ${summary.copied} catalog entries from DocumentDB; ${summary.alreadyThere} were already there`,
        physicalResourceId: PHYSICAL_RESOURCE_ID,
        data: { Copied: summary.copied, AlreadyThere: summary.alreadyThere },
      });
    } catch (error) {
      log.error('catalog.import_failed', { requestType: event.RequestType, ...describeError(error) });
      await deps.respond(event, {
        status: 'FAILED',
        reason: `Copying the catalog from DocumentDB failed: ${errorMessage(error)}`,
        // Keeps the id CloudFormation knows, so a failed update rolls back instead of replacing.
        physicalResourceId: event.RequestType === 'Create' ? PHYSICAL_RESOURCE_ID : event.PhysicalResourceId,
      });
    }
  };
}

/** The deployed dependencies, from the environment; built on first use so tests can import this module. */
function deployedDeps(): ImportDeps {
  const tableName = requireEnv('CATALOG_TABLE_NAME');
  const secretArn = requireEnv('DOCDB_SECRET_ARN');
  const caFile = optionalEnv('DOCDB_CA_FILE') ?? LAMBDA_CA_BUNDLE;
  const database = optionalEnv('DOCDB_DATABASE') ?? DEFAULT_DOCDB_DATABASE;
  const secrets = new SecretsManagerClient({});
  return {
    source: async function* () {
      yield* documentDbVideos({ credentials: await loadDocDbCredentials(secretArn, secrets), caFile, database });
    },
    target: new DynamoDbCatalog(DynamoDBDocumentClient.from(new DynamoDBClient({})), tableName),
    respond: sendCfnResponse,
  };
}

let deployed: ReturnType<typeof importHandler> | undefined;

export async function handler(event: CloudFormationCustomResourceEvent): Promise<void> {
  try {
    deployed ??= importHandler(deployedDeps());
  } catch (error) {
    // A configuration mistake must still answer CloudFormation, or the stack waits an hour.
    await sendCfnResponse(event, {
      status: 'FAILED',
      reason: errorMessage(error),
      physicalResourceId: event.RequestType === 'Create' ? PHYSICAL_RESOURCE_ID : event.PhysicalResourceId,
    });
    return;
  }
  await deployed(event);
}

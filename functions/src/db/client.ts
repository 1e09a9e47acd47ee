import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoOptions {
  region: string;
  /** DynamoDB Local's URL; unset on AWS. */
  endpoint?: string;
}

/**
 * A document client that fails fast: a request the store cannot answer becomes a
 * 503 within seconds instead of hanging the caller on a slow network.
 */
export function createDynamoClient({ region, endpoint }: DynamoOptions): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region,
    maxAttempts: 2,
    // Writes are conditional, so a request abandoned at the timeout and retried cannot apply twice.
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000, throwOnRequestTimeout: true },
    ...(endpoint
      ? {
          endpoint,
          // DynamoDB Local checks only that credentials are present; it is run with -sharedDb.
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

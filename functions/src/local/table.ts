import { CreateTableCommand, DescribeTableCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createTableInput } from '../db/tableSchema.js';

/** Creates the table with every GSI from the key-schema module, unless it exists. Returns true when created. */
export async function ensureTable(db: DynamoDBDocumentClient, tableName: string): Promise<boolean> {
  try {
    await db.send(new DescribeTableCommand({ TableName: tableName }));
    return false;
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'ResourceNotFoundException') throw error;
  }
  try {
    await db.send(new CreateTableCommand(createTableInput(tableName)));
  } catch (error) {
    // A create that timed out on a busy machine and was retried finds its own table: that is success.
    if (!(error instanceof Error) || error.name !== 'ResourceInUseException') throw error;
  }
  await waitUntilTableExists({ client: db, maxWaitTime: 60 }, { TableName: tableName });
  return true;
}

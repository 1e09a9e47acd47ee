import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { demoLoginSchema, type DemoLogin } from '@bangfu/shared';
import { keys } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';

/** The seeded demo accounts, in the order the dev-login page shows them. */
export async function listDemoLogins({ db, tableName }: TableRef): Promise<DemoLogin[]> {
  const { Items = [] } = await db.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.demoLogins() },
    }),
  );
  return Items.map((item) => demoLoginSchema.parse(item));
}

import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { batchPut } from '../../db/batchWrite.js';
import { keys } from '../../db/tableSchema.js';
import type { TableRef } from '../../db/versioned.js';
import { regionItem } from '../../regions/regionRepository.js';
import { userItem } from '../../users/userRepository.js';
import { buildDemoCounty, DEMO_COUNTY_CODE } from './demoCounty.js';
import { loadCounty } from './divisions.js';

export interface SeedResult {
  regions: number;
  users: number;
  logins: number;
}

/** Seeds the demo county into an empty table; returns undefined when the table already holds data. */
export async function seedIfEmpty(table: TableRef): Promise<SeedResult | undefined> {
  // A one-item Scan at start-up, never on a request path.
  const { Items = [] } = await table.db.send(new ScanCommand({ TableName: table.tableName, Limit: 1 }));
  if (Items.length > 0) return undefined;
  return seedDemoCounty(table);
}

export async function seedDemoCounty(table: TableRef): Promise<SeedResult> {
  const regions = await loadCounty(DEMO_COUNTY_CODE);
  const { users, logins } = buildDemoCounty(regions);
  await batchPut(table, [
    ...regions.map(regionItem),
    ...users.map(userItem),
    ...logins.map((login, order) => ({ ...keys.demoLogin(order, login.userId), type: 'demoLogin', ...login })),
  ]);
  return { regions: regions.length, users: users.length, logins: logins.length };
}

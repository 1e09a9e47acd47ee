import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { batchPut } from '../../db/batchWrite.js';
import { keys } from '../../db/tableSchema.js';
import type { AppContext } from '../../appContext.js';
import { createWorkerTransactItems, newWorkerItem } from '../../registry/workerRepository.js';
import { employerItem } from '../../positions/employerRepository.js';
import { putNewPositions } from '../../positions/positionRepository.js';
import { regionItem } from '../../regions/regionRepository.js';
import { userItem } from '../../users/userRepository.js';
import { buildDemoCounty, DEMO_COUNTY_CODE } from './demoCounty.js';
import { loadCounty } from './divisions.js';
import { demoWelfarePosts } from './demoPosts.js';
import { demoReliefProject } from './demoRelief.js';
import { welfarePostItem } from '../../welfarePosts/postRepository.js';

export interface SeedResult {
  regions: number;
  users: number;
  logins: number;
  workers: number;
  employers: number;
  positions: number;
}

type SeedContext = Pick<AppContext, 'table' | 'idVault'>;

/** Seeds the demo county into an empty table; returns undefined when the table already holds data. */
export async function seedIfEmpty({ table, idVault }: SeedContext): Promise<SeedResult | undefined> {
  // A one-item Scan at start-up, never on a request path.
  const { Items = [] } = await table.db.send(new ScanCommand({ TableName: table.tableName, Limit: 1 }));
  if (Items.length > 0) return undefined;
  return seedDemoCounty({ table, idVault });
}

export async function seedDemoCounty({ table, idVault }: SeedContext): Promise<SeedResult> {
  const { regions, users, logins, people, employers, positions } = buildDemoCounty(await loadCounty(DEMO_COUNTY_CODE));
  const workers = await Promise.all(people.map((person) => newWorkerItem(idVault, person)));
  await batchPut(table, [
    ...regions.map(regionItem),
    ...users.map(userItem),
    ...employers.map(employerItem),
    ...logins.map((login, order) => ({ ...keys.demoLogin(order, login.userId), type: 'demoLogin', ...login })),
    // Each record with its ID-hash item, as the registry writes them (the table is empty, so no conditions are needed).
    ...workers.flatMap((item) => createWorkerTransactItems(table.tableName, item).map((write) => write.Put.Item)),
    ...demoWelfarePosts(regions).map(welfarePostItem),
    ...demoReliefProject(regions, workers),
  ]);
  await putNewPositions(table, positions);
  return {
    regions: regions.length,
    users: users.length,
    logins: logins.length,
    workers: workers.length,
    employers: employers.length,
    positions: positions.length,
  };
}

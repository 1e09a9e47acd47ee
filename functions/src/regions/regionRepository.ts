import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { gcj02PointSchema, REGION_LEVELS, regionCodeSchema } from '@bangfu/shared';
import { queryAll } from '../db/paging.js';
import { keys } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';

export const regionSchema = z.object({
  code: regionCodeSchema,
  name: z.string(),
  /** e.g. 内蒙古自治区包头市固阳县金山镇 */
  fullName: z.string(),
  level: z.enum(REGION_LEVELS),
  parentCode: regionCodeSchema.optional(),
  /** Where the map centres for someone of this region whose own location is unknown (GCJ-02). */
  center: gcj02PointSchema.optional(),
});
export type Region = z.infer<typeof regionSchema>;

export function regionItem(region: Region) {
  return {
    ...keys.region(region.code),
    type: 'region',
    ...region,
    ...(region.parentCode ? { gsi1pk: keys.regionChildren(region.parentCode), gsi1sk: region.code } : {}),
  };
}

export function createRegionRepository({ db, tableName }: TableRef) {
  return {
    async get(code: string): Promise<Region | undefined> {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.region(code) }));
      return Item ? regionSchema.parse(Item) : undefined;
    },
    async children(code: string): Promise<Region[]> {
      const items = await queryAll(db, {
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.regionChildren(code) },
      });
      return items.map((item) => regionSchema.parse(item));
    },
  };
}

export type RegionRepository = ReturnType<typeof createRegionRepository>;

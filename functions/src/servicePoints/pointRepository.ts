/**
 * 就业服务网点 in the table: one item a point, listed in its county by region (staff's list) and
 * on the map by geohash cell (entities.ts). A change puts the whole item on the version read,
 * so a moved point moves on the map in the same write.
 *
 * A map box costs one Query per coarse cell it touches (at most 4 for the widest box allowed),
 * more only when one cell holds more than a page; the cursor is the cell and sort key of the
 * last point shown, so a page starts there without re-reading what came before.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  servicePointSchema,
  type Bbox,
  type ServicePoint,
  type ServicePointInput,
  type ServicePointUpdate,
} from '@bangfu/shared';
import * as z from 'zod';
import { servicePointEntity } from '../db/entities.js';
import { isConditionFailed } from '../db/errors.js';
import { encodeCursor, invalidCursor, queryPage } from '../db/paging.js';
import { keys } from '../db/tableSchema.js';
import { putNew, putOnVersion, type TableRef } from '../db/versioned.js';
import { Conflict, notFound, VersionConflict } from '../errors.js';

/** A point as the table stores it. */
export const servicePointItem = (point: ServicePoint) => ({
  ...keys.servicePoint(point.pointId),
  ...servicePointEntity.indexes(point),
  type: 'servicePoint',
  ...point,
});

export const servicePointNotFound = () => notFound('没有这个服务网点', 'No such service point.');
const stale = (field: string) =>
  new VersionConflict('这个网点刚被别人改过，请刷新后再试', 'The service point was changed meanwhile; reload it.', field);

/** Where the last page of a box ended: a cell of the box and the sort key of its last point shown. */
const boxCursorSchema = z.object({ cell: z.string().max(12), after: z.string().max(200) });

export function createServicePointRepository(table: TableRef) {
  const { db, tableName } = table;

  return {
    /** Read for a change (staff's): consistently, so a point just removed is not edited back to life. */
    async get(pointId: string): Promise<ServicePoint | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.servicePoint(pointId), ConsistentRead: true }),
      );
      return Item && !Item.removedAt ? servicePointSchema.parse(Item) : undefined;
    },

    async create(input: ServicePointInput, by: string, now = new Date()): Promise<ServicePoint> {
      const at = now.toISOString();
      const point: ServicePoint = {
        ...input,
        pointId: `sp_${randomUUID()}`,
        createdBy: by,
        createdAt: at,
        updatedBy: by,
        updatedAt: at,
        version: 1,
      };
      await putNew(table, servicePointItem(point), new Conflict('网点编号重复，请再试一次', 'Point id collision; try again.'));
      return point;
    },

    /** Every editable field anew, only while the point is still at `change.version`. */
    async update(current: ServicePoint, change: ServicePointUpdate, by: string, now = new Date()): Promise<ServicePoint> {
      const { version, ...fields } = change;
      const point: ServicePoint = { ...current, ...fields, updatedBy: by, updatedAt: now.toISOString(), version: version + 1 };
      await putOnVersion(table, servicePointItem(point), version, stale('body.version'));
      return point;
    },

    /**
     * Takes the point off the map and the lists while it is still at `version`: 409 when changed
     * meanwhile, 404 when already gone. Nothing in this table is deleted: the item stays, marked
     * with who removed it and when, for whoever asks later why a phone number disappeared.
     */
    async remove(pointId: string, version: number, by: string, now = new Date()): Promise<void> {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.servicePoint(pointId),
            ConditionExpression: '#version = :version AND attribute_not_exists(removedAt)',
            UpdateExpression: `SET removedAt = :at, removedBy = :by, #version = :next REMOVE ${servicePointEntity.attributeNames}`,
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':version': version, ':next': version + 1, ':at': now.toISOString(), ':by': by },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
        throw error.Item && !error.Item.removedAt ? stale('query.version') : servicePointNotFound();
      }
    },

    /** A county's (township's, village's) points, by region code: the county's own first, then each township with its villages. */
    async inRegion(regionCode: string, page: { cursor?: string | undefined; limit: number }) {
      const { items, nextCursor } = await queryPage(
        db,
        { TableName: tableName, ...servicePointEntity.inRegion(regionCode) },
        page,
      );
      return { points: items.map((item) => servicePointSchema.parse(item)), ...(nextCursor ? { nextCursor } : {}) };
    },

    /** The points inside `bounds`, cell by cell, a page at a time; `queries` says what the read cost. */
    async inBox(bounds: Bbox, page: { cursor?: string | undefined; limit: number }) {
      const ranges = servicePointEntity.rangesOf(bounds);
      let first = 0;
      let after: string | undefined;
      if (page.cursor !== undefined) {
        const cursor = decodeBoxCursor(page.cursor);
        first = ranges.findIndex((range) => range.partition === cursor.cell);
        const range = ranges[first];
        // A cursor of another box: its cell or its point is not one of this box's.
        if (!range || cursor.after < range.from || cursor.after > range.to) throw invalidCursor();
        after = cursor.after;
      }
      const found: { point: ServicePoint; cell: string; sort: string }[] = [];
      let queries = 0;
      // One more than the page: whether there is a next page is known without another call.
      for (const range of ranges.slice(first)) {
        const from = after ?? range.from;
        after = undefined;
        let start: Record<string, unknown> | undefined;
        do {
          const result = await db.send(
            new QueryCommand({
              TableName: tableName,
              ...servicePointEntity.onMap({ ...range, from }),
              // Points outside the box come back too (the range is the box clipped to its cell): read a margin.
              Limit: 2 * (page.limit + 1 - found.length),
              ExclusiveStartKey: start,
            }),
          );
          queries++;
          for (const item of result.Items ?? []) {
            const sort = servicePointEntity.mapSortKey(item);
            if (sort === from) continue; // the last point of the previous page (a range's own start is no point's key)
            const point = servicePointSchema.parse(item);
            if (inside(point.location, bounds)) found.push({ point, cell: range.partition, sort });
          }
          start = result.LastEvaluatedKey;
        } while (start && found.length <= page.limit);
        if (found.length > page.limit) break;
      }
      const shown = found.slice(0, page.limit);
      const last = shown.at(-1);
      return {
        points: shown.map((f) => f.point),
        ...(found.length > page.limit && last ? { nextCursor: encodeCursor({ cell: last.cell, after: last.sort })! } : {}),
        queries,
      };
    },
  };
}

export type ServicePointRepository = ReturnType<typeof createServicePointRepository>;

const inside = ({ lat, lng }: { lat: number; lng: number }, box: Bbox) =>
  lat >= box.minLat && lat <= box.maxLat && lng >= box.minLng && lng <= box.maxLng;

function decodeBoxCursor(cursor: string) {
  try {
    return boxCursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw invalidCursor();
  }
}

/**
 * Positions. The item carries its own index keys (db/entities.ts): staff find it by
 * region, its employer by owner, and the job map by geohash — the last only
 * while it is public (open, and its employer verified), so a draft, a closed or a
 * filled position, or one of an unverified employer, is simply not on the map.
 * Every change is a whole Put on the version read; hires bump the version too, so
 * an edit never overwrites a hire it did not see.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  chinaDate,
  effectiveStatus,
  encodeGeohash,
  POINT_PRECISION,
  positionSchema,
  type Employer,
  type LatLng,
  type Position,
  type PositionInput,
  type PositionStatus,
} from '@bangfu/shared';
import { isConditionFailed } from '../db/errors.js';
import { positionEntity, type QueryFilter } from '../db/entities.js';
import { queryAll, queryCount, queryPage } from '../db/paging.js';
import { batchGet } from '../db/batchGet.js';
import { batchPut } from '../db/batchWrite.js';
import { inPool } from '../db/inPool.js';
import { INDEX, keys } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';
import { notFound, VersionConflict } from '../errors.js';
import { countOnMap, type MapChange } from './mapCounts.js';
import { raisePositionsEpoch } from './positionsEpoch.js';

export const positionNotFound = () => notFound('找不到这个岗位', 'No such position.');

const versionConflict = () =>
  new VersionConflict(
    '岗位已被别人修改（可能刚录用了人），请刷新后再试',
    'The position was changed meanwhile; reload and try again.',
    'body.version',
  );

/** A stored position: the API's fields, plus whether its employer is verified (decides the map index). */
export interface PositionRecord {
  position: Position;
  employerVerified: boolean;
}

/** On the map index: open and its employer verified (headcount and expiry are checked as it is read). */
export function isPublic(record: PositionRecord): boolean {
  return record.employerVerified && record.position.status === 'open';
}

export function positionItem(record: PositionRecord) {
  const { position } = record;
  const geohash = encodeGeohash(position.location, POINT_PRECISION);
  return {
    ...keys.position(position.positionId),
    type: 'position',
    ...position,
    employerVerified: record.employerVerified,
    geohash,
    ...positionEntity.indexes(position, isPublic(record) ? geohash : undefined),
  };
}

/** The position as readers see it today: an open one past its last day shows as expired. */
/** Items parsed already: the job map's reads hand out the same held items again (mapReads.ts). */
const parsed = new WeakMap<Record<string, unknown>, Position>();

export function toRecord(item: Record<string, unknown>, today = chinaDate(new Date())): PositionRecord {
  let position = parsed.get(item);
  if (!position) parsed.set(item, (position = positionSchema.parse(item)));
  return {
    position: { ...position, status: effectiveStatus(position, today) },
    employerVerified: item.employerVerified === true,
  };
}

export function newPosition(employer: Employer, input: PositionInput, status: PositionStatus, now = new Date()): Position {
  const at = now.toISOString();
  return {
    ...input,
    positionId: `p_${randomUUID()}`,
    employerId: employer.employerId,
    employerName: employer.name,
    employerKind: employer.kind,
    employerRegionCode: employer.regionCode,
    status,
    filled: 0,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

/** Every position of a county, whatever its state: the push snapshot picks the open public ones. */
export async function countyPositions(
  { db, tableName }: TableRef,
  countyCode: string,
  today?: string,
): Promise<PositionRecord[]> {
  const items = await queryAll(db, { TableName: tableName, ...positionEntity.inRegion(countyCode) });
  return items.map((item) => toRecord(item, today));
}

/**
 * After a position item was written (`before` it, `after` it): what was derived from the
 * positions where it was and is goes stale, and the map's counts follow it on and off.
 */
async function followWrite(table: TableRef, before: Record<string, unknown> | undefined, after: Record<string, unknown>) {
  const location = (item: Record<string, unknown>) => item.location as LatLng;
  const positionId = String((before ?? after).positionId); // `after` may be only where it was
  const changes: MapChange[] = [
    ...(before && positionEntity.isOnMap(before) ? [{ location: location(before), delta: -1 }] : []),
    ...(positionEntity.isOnMap(after) ? [{ location: location(after), delta: 1 }] : []),
  ];
  await Promise.all([
    raisePositionsEpoch(
      table,
      [after, ...(before ? [before] : [])].map((item) => ({ positionId, location: location(item) })),
    ),
    countOnMap(table, changes),
  ]);
}

/** Writes new positions in bulk, without conditions (a seed, a test's or a benchmark's data), as `create` leaves them. */
export async function putNewPositions(table: TableRef, records: readonly PositionRecord[]): Promise<void> {
  await batchPut(table, records.map(positionItem), 8);
  await Promise.all([
    raisePositionsEpoch(
      table,
      records.map(({ position }) => position),
    ),
    countOnMap(
      table,
      records.filter(isPublic).map(({ position }) => ({ location: position.location, delta: 1 })),
    ),
  ]);
}

type Page = { cursor?: string | undefined; limit: number };

export function createPositionRepository(table: TableRef) {
  const { db, tableName } = table;

  /** A page of an employer's positions, newest first, those the filter keeps. */
  async function employerPage(employerId: string, page: Page, today = chinaDate(new Date()), filter?: QueryFilter) {
    const { items, nextCursor } = await queryPage(
      db,
      { TableName: tableName, ...positionEntity.ofEmployer(employerId, filter), ScanIndexForward: false },
      page,
    );
    return { positions: items.map((item) => toRecord(item, today).position), ...(nextCursor ? { nextCursor } : {}) };
  }

  async function get(positionId: string): Promise<PositionRecord | undefined> {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: keys.position(positionId), ConsistentRead: true }),
    );
    return Item ? toRecord(Item) : undefined;
  }

  return {
    get,

    /** Many positions at once (those that exist), in the order asked. */
    async getMany(positionIds: readonly string[]): Promise<(PositionRecord | undefined)[]> {
      const found = new Map(
        (
          await batchGet(
            table,
            positionIds.map((id) => keys.position(id)),
          )
        ).map((item) => [String(item.pk), toRecord(item)]),
      );
      return positionIds.map((id) => found.get(keys.position(id).pk));
    },

    async create(record: PositionRecord): Promise<Position> {
      const item = positionItem(record);
      await db.send(new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
      await followWrite(table, undefined, item);
      return record.position;
    },

    /**
     * Writes the whole position on the version read, one version up. An expired
     * position is stored as open (expiry is derived), so it is written back as open.
     */
    async save(record: PositionRecord, expectedVersion: number): Promise<Position> {
      // No position reaches a version whose successor is not a safe integer: naming one is stale, not a 500.
      if (!Number.isSafeInteger(expectedVersion + 1)) throw versionConflict();
      const stored = record.position.status === 'expired' ? { ...record.position, status: 'open' as const } : record.position;
      const next = { ...stored, version: expectedVersion + 1, updatedAt: new Date().toISOString() };
      const item = positionItem({ ...record, position: next });
      let before: Record<string, unknown> | undefined;
      try {
        ({ Attributes: before } = await db.send(
          new PutCommand({
            TableName: tableName,
            Item: item,
            ConditionExpression: 'attribute_exists(pk) AND #version = :expected',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':expected': expectedVersion },
            ReturnValues: 'ALL_OLD',
          }),
        ));
      } catch (error) {
        if (isConditionFailed(error)) throw versionConflict();
        throw error;
      }
      await followWrite(table, before, item);
      return toRecord(item).position;
    },

    /**
     * After a hire that may have taken the last opening: a full position becomes
     * filled and leaves the map. Harmless to repeat; a reader also hides a full
     * position, so a crash between the hire and this step shows nothing wrong.
     */
    async markFilledIfFull(positionId: string): Promise<void> {
      try {
        const { Attributes: before } = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.position(positionId),
            UpdateExpression: `SET #status = :filled, #version = #version + :one, updatedAt = :now REMOVE ${positionEntity.mapAttributeNames}`,
            ConditionExpression: '#status = :open AND filled >= headcount',
            ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
            ExpressionAttributeValues: { ':filled': 'filled', ':open': 'open', ':one': 1, ':now': new Date().toISOString() },
            ReturnValues: 'ALL_OLD',
          }),
        );
        if (before) await followWrite(table, before, { location: before.location });
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
      }
    },

    /**
     * Takes the positions whose last day was `lastDay` off the map, its index and its counts: a
     * reader already hides them, but they still swelled the zoomed-out map's counts and the
     * nearby search's reads. Safe to repeat; a position given a later last day meanwhile stays.
     * Answers how many left.
     */
    async leaveMapAfter(lastDay: string): Promise<number> {
      const items = await queryAll(db, {
        TableName: tableName,
        ...positionEntity.leavingMapAfter(lastDay),
        ProjectionExpression: 'pk, sk',
      });
      let left = 0;
      await inPool(items, 8, async ({ pk, sk }) => {
        try {
          const { Attributes: before } = await db.send(
            new UpdateCommand({
              TableName: tableName,
              Key: { pk, sk },
              UpdateExpression: `REMOVE ${positionEntity.mapAttributeNames}`,
              ConditionExpression: 'validUntil = :lastDay AND attribute_exists(#onMap)',
              ExpressionAttributeNames: { '#onMap': INDEX.byGeoCell.partitionKey },
              ExpressionAttributeValues: { ':lastDay': lastDay },
              ReturnValues: 'ALL_OLD',
            }),
          );
          await followWrite(table, before, { location: before!.location });
          left++;
        } catch (error) {
          if (!isConditionFailed(error)) throw error;
        }
      });
      return left;
    },

    /** A page of an employer's positions, newest first. */
    pageOfEmployer: (employerId: string, page: Page) => employerPage(employerId, page),

    /**
     * A page of an employer's positions anyone may see open today (isReadableByAll and isListable),
     * newest first: what its poster leads to.
     */
    listableOfEmployer: (employerId: string, page: Page, today = chinaDate(new Date())) =>
      employerPage(employerId, page, today, {
        FilterExpression: 'employerVerified = :yes AND #status = :open AND validUntil >= :today AND filled < headcount',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':yes': true, ':open': 'open', ':today': today },
      }),

    /** How many positions an employer has, and how many are open today: one count, no item read out. */
    async countsOfEmployer(employerId: string, today = chinaDate(new Date())) {
      const { scanned, matched } = await queryCount(db, {
        TableName: tableName,
        ...positionEntity.ofEmployer(employerId, {
          // effectiveStatus's 'open': stored open and not past its last day.
          FilterExpression: '#status = :open AND validUntil >= :today',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':open': 'open', ':today': today },
        }),
      });
      return { all: scanned, open: matched };
    },

    /** Every position of an employer, newest first: for work over all of them (its subsidies, a change of name). */
    async ofEmployer(employerId: string): Promise<PositionRecord[]> {
      const items = await queryAll(db, {
        TableName: tableName,
        ...positionEntity.ofEmployer(employerId),
        ScanIndexForward: false,
      });
      return items.map((item) => toRecord(item));
    },

    /** The positions of a county, township or village, for staff. */
    async listInRegion(regionCode: string, page: { cursor?: string; limit: number }) {
      const { records, nextCursor } = await this.recordsInRegion(regionCode, page);
      return { positions: records.map((record) => record.position), ...(nextCursor ? { nextCursor } : {}) };
    },

    /** The same, with whether each one's employer is verified (what the public may read). */
    async recordsInRegion(regionCode: string, page: { cursor?: string; limit: number }) {
      const { items, nextCursor } = await queryPage(db, { TableName: tableName, ...positionEntity.inRegion(regionCode) }, page);
      return { records: items.map((item) => toRecord(item)), ...(nextCursor ? { nextCursor } : {}) };
    },

    /**
     * Carries an employer's verification, name and region onto each of its positions, so
     * the map shows exactly the verified employers' open positions and the employer's own
     * staff oversee them. Retries a position that a hire or an edit changed meanwhile.
     */
    async followEmployer(employer: Employer): Promise<void> {
      const verified = employer.verification.status === 'verified';
      const follows = { employerName: employer.name, employerRegionCode: employer.regionCode };
      for (const { position } of await this.ofEmployer(employer.employerId)) {
        for (let current = await get(position.positionId); current; current = await get(position.positionId)) {
          if (
            current.employerVerified === verified &&
            current.position.employerName === follows.employerName &&
            current.position.employerRegionCode === follows.employerRegionCode
          ) {
            break;
          }
          try {
            await this.save(
              { position: { ...current.position, ...follows }, employerVerified: verified },
              current.position.version,
            );
            break;
          } catch (error) {
            if (!(error instanceof VersionConflict)) throw error;
          }
        }
      }
    },
  };
}

export type PositionRepository = ReturnType<typeof createPositionRepository>;

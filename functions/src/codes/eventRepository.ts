/**
 * 招聘会: the event (listed in its county by the organising region) and who checked in, one
 * item per worker written under attribute_not_exists with the event's count in one
 * transaction, so a worker scanning twice is counted once.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { recruitmentEventSchema, type Principal, type RecruitmentEvent, type RecruitmentEventInput } from '@bangfu/shared';
import { eventEntity } from '../db/entities.js';
import { queryPage } from '../db/paging.js';
import { putOnceAndAdd } from '../db/putOnce.js';
import { keys } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';
import { notFound } from '../errors.js';

export const eventNotFound = () => notFound('没有这场招聘会', 'No such recruitment event.');

export function createEventRepository(table: TableRef) {
  const { db, tableName } = table;
  return {
    async create(input: RecruitmentEventInput, principal: Principal, now = new Date()): Promise<RecruitmentEvent> {
      const event: RecruitmentEvent = {
        ...input,
        eventId: `v_${randomUUID()}`,
        createdBy: principal.userId,
        createdAt: now.toISOString(),
        attendance: 0,
      };
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.event(event.eventId), type: 'event', ...event, ...eventEntity.indexes(event) },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return event;
    },

    async get(eventId: string): Promise<RecruitmentEvent | undefined> {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.event(eventId) }));
      return Item ? recruitmentEventSchema.parse(Item) : undefined;
    },

    async inRegion(regionCode: string, page: { cursor?: string | undefined; limit: number }) {
      const { items, nextCursor } = await queryPage(db, { TableName: tableName, ...eventEntity.inRegion(regionCode) }, page);
      return { events: items.map((item) => recruitmentEventSchema.parse(item)), ...(nextCursor ? { nextCursor } : {}) };
    },

    /** Checks a worker in once; `first` is false when they had already. */
    async checkIn(eventId: string, workerId: string, now = new Date()): Promise<{ first: boolean }> {
      const first = await putOnceAndAdd(
        table,
        { ...keys.attendance(eventId, workerId), type: 'attendance', eventId, workerId, at: now.toISOString() },
        { key: keys.event(eventId), add: { attendance: 1 }, mustExist: true },
      );
      return { first };
    },

    /** Who checked in, a page at a time (by worker id; the time is on each). */
    async attendees(eventId: string, page: { cursor?: string | undefined; limit: number }) {
      const { items, nextCursor } = await queryPage(
        db,
        {
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.event(eventId).pk, ':prefix': keys.attendancePrefix() },
        },
        page,
      );
      return {
        attendees: items.map((item) => ({ workerId: String(item.workerId), at: String(item.at) })),
        ...(nextCursor ? { nextCursor } : {}),
      };
    },
  };
}

export type EventRepository = ReturnType<typeof createEventRepository>;

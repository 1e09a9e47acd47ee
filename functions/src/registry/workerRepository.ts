/**
 * The worker registry (实名制台账). A record is written together with the item
 * keyed by the hash of its ID number, both conditional, so one person can have
 * one record only ("杜绝一人多号或一号多人", file 001 item 12), even when two
 * staff enter the same person at once.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  chinaDate,
  maskIdNumber,
  ownCircumstances,
  parseIdNumber,
  stampBy,
  stampsAfter,
  workerSchema,
  workerSummarySchema,
  workerView,
  type CircumstanceStamp,
  type Principal,
  type Worker,
  type WorkerInput,
  type WorkerSummary,
  type WorkerView,
} from '@bangfu/shared';
import { batchGet } from '../db/batchGet.js';
import { cancellationReasons } from '../db/errors.js';
import { setIndexAttributes, userEntity, workerEntity } from '../db/entities.js';
import { queryPage } from '../db/paging.js';
import { keys } from '../db/tableSchema.js';
import { updateVersioned, type TableRef } from '../db/versioned.js';
import { Conflict, notFound } from '../errors.js';
import { auditItem } from './audit.js';
import type { IdVault, SealedId } from './idVault.js';

export const workerNotFound = () => notFound('台账中没有这个人', 'No such worker in the registry.');

export const duplicateIdNumber = () =>
  new Conflict('这个身份证号已经在台账中，一人只能有一条记录', 'That ID number is already in the registry.', 'body.idNumber');

/** What the table holds beyond the API view: the sealed number and its lookup hash. */
export interface WorkerItem extends Worker {
  idSealed: SealedId;
  idHash: string;
  /** The 公益性岗位 they are on (welfarePosts/postRepository.ts), and the last one they were on. */
  welfarePostId?: string;
  lastWelfarePostId?: string;
}

/** Builds the stored item of a new record: derived facts filled, the number sealed and hashed. */
export async function newWorkerItem(
  vault: IdVault,
  input: WorkerInput,
  now = new Date(),
  /** Who sets its groups, trainings and certificates: the officer or the import (none for demo data). */
  stamp?: CircumstanceStamp,
): Promise<WorkerItem & Record<string, unknown>> {
  const parsed = parseIdNumber(input.idNumber, now);
  if (!parsed.ok) throw new Error('newWorkerItem needs a validated ID number');
  const { idNumber, ...rest } = input;
  const workerId = `w_${randomUUID()}`;
  const at = now.toISOString();
  return {
    ...keys.worker(workerId),
    type: 'worker',
    ...rest,
    workerId,
    idNumberMasked: maskIdNumber(idNumber),
    birthDate: parsed.facts.birthDate,
    sex: parsed.facts.sex,
    idSealed: await vault.seal(idNumber),
    idHash: vault.hash(idNumber),
    ...(stamp ? { stamps: stampsAfter(rest, stamp) } : {}),
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...workerEntity.indexes({ workerId, villageCode: input.villageCode, idLast4: idNumber.slice(-4) }),
  };
}

/** The two conditional puts that create a record; shared by single creation and import. */
export function createWorkerTransactItems(tableName: string, item: WorkerItem & Record<string, unknown>) {
  return [
    { Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
    {
      Put: {
        TableName: tableName,
        Item: { ...keys.idHash(item.idHash), type: 'idHash', workerId: item.workerId },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
}

export const toWorker = (item: WorkerItem | Record<string, unknown>): Worker => workerSchema.parse(item);

/** What the API shows of a record today (China's date): aged, never with its birth date. */
export const toWorkerView = (item: Worker | Record<string, unknown>): WorkerView =>
  workerView(toWorker(item), chinaDate(new Date()));

/** The worker's own record, as 我的信息 shows it: the same, without the accounts of the officers behind its circumstances. */
export const toOwnWorkerView = (item: Worker | Record<string, unknown>): WorkerView => {
  // Who set their facts is on their trail (个人信息使用记录), not an officer's account id here.
  const { stamps: _stamps, ...view } = toWorkerView(item);
  return view.circumstances ? { ...view, circumstances: ownCircumstances(view.circumstances) } : view;
};

export const toWorkerSummary = (item: Record<string, unknown>): WorkerSummary =>
  workerSummarySchema.parse({ ...toWorkerView(item), bound: item.boundUserId !== undefined });

/** A search of four digits (or X) is by the end of the ID number, anything else by name. */
export const isLast4Search = (q: string) => /^[\dXx]{4}$/.test(q);

export interface WorkerFilters {
  regionCode: string;
  group?: string;
  labourClass?: string;
  employed?: boolean;
  /** A name (or part of one), or the last four characters of the ID number. */
  q?: string;
  cursor?: string;
  limit: number;
}

export function createWorkerRepository(table: TableRef, vault: IdVault) {
  const { db, tableName } = table;

  async function getItem(workerId: string, consistent = false): Promise<WorkerItem | undefined> {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: keys.worker(workerId), ConsistentRead: consistent }),
    );
    return Item as WorkerItem | undefined;
  }

  return {
    getItem,
    /** Many records at once (those that exist), e.g. the people who checked in at an event. */
    async getItems(workerIds: readonly string[]): Promise<WorkerItem[]> {
      return (await batchGet(
        { db, tableName },
        workerIds.map((id) => keys.worker(id)),
      )) as unknown as WorkerItem[];
    },

    async create(input: WorkerInput, principal: Principal): Promise<Worker> {
      const item = await newWorkerItem(vault, input, new Date(), stampBy(principal, 'staff'));
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              ...createWorkerTransactItems(tableName, item),
              { Put: { TableName: tableName, Item: auditItem(principal, item.workerId, 'create', '新建台账记录') } },
            ],
          }),
        );
      } catch (error) {
        if (cancellationReasons(error)?.[1] === 'ConditionalCheckFailed') throw duplicateIdNumber();
        throw error;
      }
      return toWorker(item);
    },

    async update(workerId: string, changes: { version: number } & Record<string, unknown>): Promise<Worker> {
      const { version, ...fields } = changes;
      return toWorker(
        await updateVersioned(
          table,
          keys.worker(workerId),
          version,
          { ...fields, updatedAt: new Date().toISOString() },
          workerNotFound(),
        ),
      );
    },

    /** The record of an ID number, found through its keyed hash. */
    async findByIdNumber(idNumber: string): Promise<WorkerItem | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.idHash(vault.hash(idNumber)), ConsistentRead: true }),
      );
      return Item ? getItem(String(Item.workerId), true) : undefined;
    },

    /** A page of the registry as the list shows it. */
    async list(filters: WorkerFilters) {
      const { items, nextCursor } = await this.page(filters);
      return { workers: items.map(toWorkerSummary), nextCursor };
    },

    /** A page of full records (sealed numbers included): for the audited export only. */
    async page(filters: WorkerFilters) {
      const conditions: string[] = [];
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = {};
      const byLast4 = filters.q !== undefined && isLast4Search(filters.q);
      if (filters.group) {
        conditions.push('contains(#groups, :group)');
        names['#groups'] = 'groups';
        values[':group'] = filters.group;
      }
      if (filters.labourClass) {
        conditions.push('#labourClass = :labourClass');
        names['#labourClass'] = 'labourClass';
        values[':labourClass'] = filters.labourClass;
      }
      if (filters.employed !== undefined) {
        conditions.push(
          filters.employed ? '#latest.#status = :employed' : '(attribute_not_exists(#latest) OR #latest.#status <> :employed)',
        );
        names['#latest'] = 'latestEmployment';
        names['#status'] = 'status';
        values[':employed'] = 'employed';
      }
      if (filters.q && !byLast4) {
        conditions.push('contains(#name, :q)');
        names['#name'] = 'name';
        values[':q'] = filters.q.trim();
      }
      const filter = {
        ...(conditions.length ? { FilterExpression: conditions.join(' AND ') } : {}),
        ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
        ExpressionAttributeValues: values,
      };
      const { items, nextCursor } = await queryPage(
        db,
        {
          TableName: tableName,
          ...(byLast4
            ? workerEntity.byIdLast4(filters.regionCode, filters.q!.toUpperCase(), filter)
            : workerEntity.inRegion(filters.regionCode, filter)),
        },
        filters,
      );
      return { items, nextCursor };
    },

    /** Opens the sealed number; the caller writes the audit entry in the same breath. */
    async revealIdNumber(item: WorkerItem): Promise<string> {
      return vault.open(item.idSealed);
    },

    /**
     * Binds a WeChat account to its registry record: both sides are conditional,
     * so an account binds one record and a record one account, whatever races.
     */
    async bind(userId: string, item: WorkerItem, regionName: string | undefined): Promise<void> {
      // The account takes the record's village, and is listed there for its staff.
      const listed = setIndexAttributes(userEntity.indexes({ userId, regionCode: item.villageCode }));
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: tableName,
                  Key: keys.worker(item.workerId),
                  UpdateExpression: 'SET boundUserId = :user, version = version + :one, updatedAt = :now',
                  ConditionExpression:
                    'attribute_exists(pk) AND attribute_not_exists(boundUserId) AND attribute_not_exists(registryExitDate)',
                  ExpressionAttributeValues: { ':user': userId, ':one': 1, ':now': new Date().toISOString() },
                },
              },
              {
                Update: {
                  TableName: tableName,
                  Key: keys.user(userId),
                  UpdateExpression: `SET workerId = :worker, regionCode = :village, regionName = :regionName, displayName = :name, ${listed.expression}, version = version + :one`,
                  ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(workerId)',
                  ExpressionAttributeValues: {
                    ':worker': item.workerId,
                    ':village': item.villageCode,
                    ':regionName': regionName ?? item.villageCode,
                    ':name': item.name,
                    ...listed.values,
                    ':one': 1,
                  },
                },
              },
            ],
          }),
        );
      } catch (error) {
        const reasons = cancellationReasons(error);
        if (reasons?.[0] === 'ConditionalCheckFailed') {
          throw new Conflict(
            '这个身份已经绑定了另一个微信，如需换绑请联系村里的信息员',
            'This registry record is already bound to another account.',
          );
        }
        if (reasons?.[1] === 'ConditionalCheckFailed') {
          throw new Conflict('您的微信已经绑定了一个身份', 'This account is already bound to a registry record.');
        }
        throw error;
      }
    },

    /** Staff undo a binding, with the reason kept in the audit trail. */
    async unbind(item: WorkerItem, principal: Principal, reason: string): Promise<void> {
      if (!item.boundUserId) throw new Conflict('这个人还没有绑定微信', 'This record is not bound to any account.');
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: tableName,
                  Key: keys.worker(item.workerId),
                  UpdateExpression: 'REMOVE boundUserId SET version = version + :one, updatedAt = :now',
                  ConditionExpression: 'boundUserId = :user',
                  ExpressionAttributeValues: { ':user': item.boundUserId, ':one': 1, ':now': new Date().toISOString() },
                },
              },
              {
                Update: {
                  TableName: tableName,
                  Key: keys.user(item.boundUserId),
                  UpdateExpression: 'REMOVE workerId SET version = version + :one',
                  ConditionExpression: 'workerId = :worker',
                  ExpressionAttributeValues: { ':worker': item.workerId, ':one': 1 },
                },
              },
              { Put: { TableName: tableName, Item: auditItem(principal, item.workerId, 'unbind', reason) } },
            ],
          }),
        );
      } catch (error) {
        if (cancellationReasons(error)) {
          throw new Conflict('绑定状态刚刚变了，请刷新后再试', 'The binding changed meanwhile; reload and try again.');
        }
        throw error;
      }
    },
  };
}

export type WorkerRepository = ReturnType<typeof createWorkerRepository>;

/**
 * The audit trail of personal data: every staff read of a full worker record or
 * of a list that showed the worker, every reveal of an ID number, every
 * unbinding — who, when, which worker, why.
 */
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { auditEntrySchema, type AuditEntry, type Principal } from '@bangfu/shared';
import { batchPut } from '../db/batchWrite.js';
import { queryPage } from '../db/paging.js';
import { auditEntity } from '../db/entities.js';
import { keys } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';

/** The item for one audit entry; callers put it alone or inside the transaction it records. */
export function auditItem(principal: Principal, workerId: string, action: AuditEntry['action'], reason: string) {
  const at = new Date().toISOString();
  const entry: AuditEntry = {
    workerId,
    actorId: principal.userId,
    actorRole: principal.role,
    ...(principal.regionCode ? { actorRegionCode: principal.regionCode } : {}),
    action,
    reason,
    at,
  };
  const id = randomUUID();
  return {
    pk: keys.auditOfWorker(workerId),
    sk: keys.auditEntry(at, id),
    type: 'audit',
    ...entry,
    ...auditEntity.indexes({ actorId: principal.userId, at, id }),
  };
}

/** An export of a region's registry: on the region's trail and on the staff member's. */
function exportAuditItem(principal: Principal, regionCode: string, what: string) {
  const at = new Date().toISOString();
  return {
    pk: keys.auditOfExport(regionCode),
    sk: keys.auditEntry(at, principal.userId),
    type: 'audit',
    action: 'export',
    actorId: principal.userId,
    regionCode,
    what,
    at,
    ...auditEntity.indexes({ actorId: principal.userId, at, id: regionCode }),
  };
}

/**
 * A failed binding (the name or ID number did not match): which account, from which client
 * address, the number's keyed hash (never the number). On the record's trail when the number
 * is in the registry, so its officer sees who tried; otherwise kept by the hash.
 */
function bindFailureItem(principal: Principal, idHash: string, ip: string, workerId: string | undefined) {
  const { workerId: _, ...item } = auditItem(principal, workerId ?? '', 'bindFailed', '绑定失败：姓名或身份证号与台账不一致');
  return workerId ? { ...item, workerId, idHash, ip } : { ...item, pk: keys.bindFailuresOfIdHash(idHash), idHash, ip };
}

/**
 * The one way an audit entry is written on its own (a transaction that records itself puts
 * `auditItem` inside it instead): entries land before what they record is shown.
 */
export function createAuditRepository(table: TableRef) {
  return {
    /** One entry per worker shown or acted on, with the same action and reason. */
    async record(principal: Principal, workerIds: readonly string[], action: AuditEntry['action'], reason: string) {
      await batchPut(
        table,
        workerIds.map((workerId) => auditItem(principal, workerId, action, reason)),
      );
    },
    async bindFailed(principal: Principal, idHash: string, ip: string, workerId: string | undefined) {
      await table.db.send(new PutCommand({ TableName: table.tableName, Item: bindFailureItem(principal, idHash, ip, workerId) }));
    },
    /** A download of a region's data, on the region's trail: `what` (the registry, a quarter's report). */
    async exported(principal: Principal, regionCode: string, what = 'registry') {
      await table.db.send(new PutCommand({ TableName: table.tableName, Item: exportAuditItem(principal, regionCode, what) }));
    },
    /** A page of a worker's trail, newest first (staff, and the worker's 个人信息使用记录). */
    async page(workerId: string, page: { cursor?: string | undefined; limit: number }) {
      const { items, nextCursor } = await queryPage(
        table.db,
        {
          TableName: table.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.auditOfWorker(workerId) },
          ScanIndexForward: false,
        },
        page,
      );
      return { entries: items.map((item) => auditEntrySchema.parse(item)), ...(nextCursor ? { nextCursor } : {}) };
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;

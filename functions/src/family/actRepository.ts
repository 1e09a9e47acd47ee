/**
 * 亲情服务's record: what family members did in a worker's name (由 X 代办), beside the worker's
 * account, newest first — the links made and ended, each acting session, and what was done in
 * it. An act done by an 'act' route has an id made from what it wrote and that write's time, so
 * a retried request puts the same item again rather than a second one.
 */
import { randomUUID } from 'node:crypto';
import { familyActSchema, type FamilyAct, type Principal } from '@bangfu/shared';
import { batchPut } from '../db/batchWrite.js';
import { queryPage } from '../db/paging.js';
import { keys } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';

/** One act to record, and the id that keeps a retry from recording it twice. */
export type NewAct = Omit<FamilyAct, 'helper' | 'linkId'> & { id?: string };

/** The item of one act of a link's family member, on the worker's list; put alone or inside the write it records. */
export function familyActItem(
  workerUserId: string,
  link: Pick<FamilyAct, 'linkId' | 'helper'>,
  { id = randomUUID(), ...act }: NewAct,
) {
  return { ...keys.familyAct(workerUserId, act.at, id), type: 'familyAct', ...act, ...link };
}

export function createFamilyActRepository(table: TableRef) {
  /** Acts of one link's family member, in the worker's list. */
  async function record(workerUserId: string, link: Pick<FamilyAct, 'linkId' | 'helper'>, acts: readonly NewAct[]) {
    await batchPut(
      table,
      acts.map((act) => familyActItem(workerUserId, link, act)),
    );
  }

  return {
    record,

    /** A page of the acts done in a worker's name, newest first. */
    async page(workerUserId: string, page: { cursor?: string | undefined; limit: number }) {
      const { items, nextCursor } = await queryPage(
        table.db,
        {
          TableName: table.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.familyAct(workerUserId, '', '').pk, ':prefix': keys.familyActPrefix() },
          ScanIndexForward: false,
        },
        page,
      );
      return { acts: items.map((item) => familyActSchema.parse(item)), ...(nextCursor ? { nextCursor } : {}) };
    },

    /**
     * What an 'act' route did, on the worker's list when a family member did it (Principal.proxy);
     * nothing when the worker did it themself.
     */
    async ofRoute(principal: Principal, acts: readonly NewAct[]): Promise<void> {
      const { proxy } = principal;
      if (!proxy || acts.length === 0) return;
      const { linkId, ...helper } = proxy;
      await record(principal.userId, { linkId, helper }, acts);
    },
  };
}

export type FamilyActRepository = ReturnType<typeof createFamilyActRepository>;

/**
 * Claims. Each sits at its natural key (beneficiary, subsidy, period key) and is
 * written only where none exists, so a double tap, a retry or ten requests at once
 * create one claim; a request that lost the race gets the claim that won. Its id
 * encodes that key, so finding it needs no index. Every transition names the status
 * and version it was decided on and appends to the claim's history, in one update.
 * A first transfer's service (首次输出) is paid once per person whoever placed them: its claim
 * also takes the person (keys.firstTransferTaken), which only a rejected claim gives up.
 */
import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  beneficiaryKey,
  claimSchema,
  firstTransferOf,
  summariseClaims,
  type Claim,
  type Recovery,
  type BeneficiaryRef,
  type ClaimStatus,
} from '@bangfu/shared';
import { batchGet } from '../db/batchGet.js';
import { cancellationReasons, isConditionFailed } from '../db/errors.js';
import { claimEntity, setIndexAttributes } from '../db/entities.js';
import { queryAll, queryPage } from '../db/paging.js';
import { keys } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';
import { Conflict, notFound } from '../errors.js';

/** `c_` and the base64url of the beneficiary's key, the subsidy and the period key. */
export function claimIdOf(beneficiary: BeneficiaryRef, subsidy: string, periodKey: string): string {
  return `c_${Buffer.from(JSON.stringify([beneficiaryKey(beneficiary), subsidy, periodKey])).toString('base64url')}`;
}

function naturalKeyOf(claimId: string): { beneficiary: string; subsidy: string; periodKey: string } | undefined {
  try {
    const parts: unknown = JSON.parse(Buffer.from(claimId.slice(2), 'base64url').toString('utf8'));
    if (!Array.isArray(parts) || parts.length !== 3 || !parts.every((p) => typeof p === 'string')) return undefined;
    const [beneficiary, subsidy, periodKey] = parts as [string, string, string];
    return /^(worker|employer)#/.test(beneficiary) ? { beneficiary, subsidy, periodKey } : undefined;
  } catch {
    return undefined;
  }
}

/** The item by which a claim takes a person's first transfer. */
const takenItem = (workerId: string, claimId: string, takenAt: string) => ({
  ...keys.firstTransferTaken(workerId),
  type: 'firstTransferTaken',
  workerId,
  claimId,
  takenAt,
});

const claimChanged = () =>
  new Conflict('这份申领刚被别人处理过，请刷新后再看', 'The claim changed since it was read.', 'body.version');

export const claimNotFound = () => notFound('找不到这份申领', 'No such claim.');

export type NewClaim = Omit<Claim, 'claimId' | 'status' | 'createdAt' | 'version' | 'approvals' | 'history'>;

function claimItem(claim: Claim) {
  return {
    ...keys.claim(beneficiaryKey(claim.beneficiary), claim.subsidy, claim.periodKey),
    type: 'claim',
    ...claim,
    ...claimEntity.indexes(claim),
  };
}

const toClaim = (item: Record<string, unknown>): Claim => claimSchema.parse(item);

export function createClaimRepository({ db, tableName }: TableRef) {
  /** One claim's update, conditional on what it was read as: 409 when someone changed it meanwhile. */
  async function updateClaim(input: Omit<UpdateCommandInput, 'ReturnValues'>): Promise<Claim> {
    try {
      const { Attributes } = await db.send(new UpdateCommand({ ...input, ReturnValues: 'ALL_NEW' }));
      return toClaim(Attributes ?? {});
    } catch (error) {
      if (isConditionFailed(error)) {
        throw claimChanged();
      }
      throw error;
    }
  }

  async function get(claimId: string): Promise<Claim | undefined> {
    const key = naturalKeyOf(claimId);
    if (!key) return undefined;
    const { Item } = await db.send(
      new GetCommand({
        TableName: tableName,
        Key: keys.claim(key.beneficiary, key.subsidy, key.periodKey),
        ConsistentRead: true,
      }),
    );
    return Item ? toClaim(Item) : undefined;
  }

  async function itemsOf(claimIds: readonly string[]) {
    const found = claimIds.flatMap((claimId) => {
      const key = naturalKeyOf(claimId);
      return key ? [keys.claim(key.beneficiary, key.subsidy, key.periodKey)] : [];
    });
    return batchGet({ db, tableName }, found);
  }

  /** Every claim of a worker or employer, by its natural key. */
  const claimsOf = (beneficiary: BeneficiaryRef) => ({
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.claimsOf(beneficiaryKey(beneficiary)), ':prefix': keys.claimPrefix() },
  });

  async function of(beneficiary: BeneficiaryRef): Promise<Claim[]> {
    return (await queryAll(db, claimsOf(beneficiary))).map(toClaim);
  }

  /**
   * The claim and the person it takes, in one transaction: under a holder's id when `freed` (a
   * rejected claim gives the person up). A claim already there is returned; a person another
   * claim holds is refused (409), changing nothing.
   */
  async function createTaking(full: Claim, workerId: string, freed?: string): Promise<{ claim: Claim; created: boolean }> {
    try {
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tableName, Item: claimItem(full), ConditionExpression: 'attribute_not_exists(pk)' } },
            {
              Put: {
                TableName: tableName,
                Item: takenItem(workerId, full.claimId, full.createdAt),
                ...(freed
                  ? { ConditionExpression: 'claimId = :freed', ExpressionAttributeValues: { ':freed': freed } }
                  : { ConditionExpression: 'attribute_not_exists(pk)' }),
              },
            },
          ],
        }),
      );
      return { claim: full, created: true };
    } catch (error) {
      const [claimThere, personTaken] = cancellationReasons(error) ?? [];
      if (claimThere === 'ConditionalCheckFailed') return { claim: (await get(full.claimId))!, created: false };
      if (personTaken !== 'ConditionalCheckFailed') throw error;
      const holder = await firstTransferHolder(workerId);
      if (holder && holder !== freed && (await get(holder))?.status === 'rejected') return createTaking(full, workerId, holder);
      throw new Conflict(
        '这个人的首次输出服务补助已经有机构申领了，每人只补助一次',
        'The service for this worker’s first transfer is claimed already.',
        'body.subsidies',
      );
    }
  }

  async function firstTransferHolder(workerId: string): Promise<string | undefined> {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: keys.firstTransferTaken(workerId), ConsistentRead: true }),
    );
    return Item?.claimId as string | undefined;
  }

  return {
    get,
    /** A worker's claims, every one (a person has a bounded number): what the rules weigh past claims by. */
    ofWorker: (workerId: string) => of({ kind: 'worker', workerId }),
    /** An employer's or agency's claims, every one. */
    ofEmployer: (employerId: string) => of({ kind: 'employer', employerId }),

    /** What all of someone's claims come to: their status, amount and recovery only are read out. */
    async summary(beneficiary: BeneficiaryRef) {
      const items = await queryAll(db, {
        ...claimsOf(beneficiary),
        ProjectionExpression: '#status, amountFen, recovery',
        ExpressionAttributeNames: { '#status': 'status' },
      });
      return summariseClaims(items as Pick<Claim, 'status' | 'amountFen' | 'recovery'>[]);
    },

    /** A page of a worker's or employer's claims, newest first. */
    async page(beneficiary: BeneficiaryRef, page: { cursor?: string | undefined; limit: number }) {
      const { items, nextCursor } = await queryPage(
        db,
        { TableName: tableName, ...claimEntity.ofBeneficiary(beneficiary), ScanIndexForward: false },
        page,
      );
      return { claims: items.map(toClaim), ...(nextCursor ? { nextCursor } : {}) };
    },

    /** Creates the claim unless its natural key has one; returns the claim there, and whether it is new. */
    async create(claim: NewClaim, now = new Date()): Promise<{ claim: Claim; created: boolean }> {
      const at = now.toISOString();
      const full: Claim = {
        ...claim,
        claimId: claimIdOf(claim.beneficiary, claim.subsidy, claim.periodKey),
        status: 'submitted',
        approvals: [],
        history: [{ at, by: claim.createdBy, from: null, to: 'submitted' }],
        createdAt: at,
        version: 1,
      };
      const person = firstTransferOf(full);
      if (person) return createTaking(full, person);
      try {
        await db.send(
          new PutCommand({ TableName: tableName, Item: claimItem(full), ConditionExpression: 'attribute_not_exists(pk)' }),
        );
        return { claim: full, created: true };
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
        return { claim: (await get(full.claimId))!, created: false };
      }
    },

    /**
     * Who holds each person's first transfer (the claim that took them), for the persons given:
     * one BatchGetItem. A person nobody took is absent.
     */
    async firstTransferHolders(workerIds: readonly string[]): Promise<Map<string, string>> {
      const items = await batchGet({ db, tableName }, workerIds.map(keys.firstTransferTaken));
      return new Map(items.map((item) => [item.workerId as string, item.claimId as string]));
    },

    /** Claims by id, those that exist (one BatchGetItem a hundred): their status, for the holders above. */
    async statusesOf(claimIds: readonly string[]): Promise<Map<string, ClaimStatus>> {
      const items = await itemsOf(claimIds);
      return new Map(items.map((item) => [item.claimId as string, item.status as ClaimStatus]));
    },

    /** Claims by id, those that exist, as last written (one BatchGetItem a hundred; a write checks its version). */
    async many(claimIds: readonly string[]): Promise<Map<string, Claim>> {
      return new Map((await itemsOf(claimIds)).map((item) => [item.claimId as string, toClaim(item)]));
    },

    /** A county's, township's or village's claims in one status, oldest first. */
    async queue(regionCode: string, status: ClaimStatus, page: { cursor?: string; limit: number }) {
      const { items, nextCursor } = await queryPage(
        db,
        {
          TableName: tableName,
          ...claimEntity.inQueue(regionCode, status),
        },
        page,
      );
      return { claims: items.map(toClaim), ...(nextCursor ? { nextCursor } : {}) };
    },

    /**
     * The claim brought up to date with the facts: the month weighed, the amount, the reasons and
     * who vouched for them as its rule now gives them, back to 待审核 with no approvals (an approval
     * was of the old amount) — before anyone approves it, or claimed again after a rejection. Only
     * from the status and version it was read at.
     */
    async restate(
      claim: Claim,
      expectedVersion: number,
      now: Pick<Claim, 'amountFen' | 'trace' | 'needsSecondApproval' | 'period'> & { vouchedBy: readonly string[] },
      step: { by: string; reason: string },
      at = new Date(),
    ): Promise<Claim> {
      const history = { at: at.toISOString(), by: step.by, from: claim.status, to: 'submitted', reason: step.reason };
      const queue = setIndexAttributes(claimEntity.indexes({ ...claim, status: 'submitted' }));
      const update = {
        TableName: tableName,
        Key: keys.claim(beneficiaryKey(claim.beneficiary), claim.subsidy, claim.periodKey),
        UpdateExpression:
          'SET #status = :to, #period = :period, amountFen = :amount, #trace = :trace, vouchedBy = :vouchedBy, ' +
          'needsSecondApproval = :second, approvals = :none, history = list_append(history, :step), ' +
          `#version = #version + :one, ${queue.expression}`,
        ConditionExpression: '#status = :from AND #version = :version',
        ExpressionAttributeNames: { '#status': 'status', '#version': 'version', '#trace': 'trace', '#period': 'period' },
        ExpressionAttributeValues: {
          ':period': now.period,
          ':to': 'submitted',
          ':from': claim.status,
          ':version': expectedVersion,
          ':amount': now.amountFen,
          ':trace': now.trace,
          ':vouchedBy': [...now.vouchedBy],
          ':second': now.needsSecondApproval,
          ':none': [],
          ':step': [history],
          ':one': 1,
          ...queue.values,
        },
      };
      // A rejected first transfer's service claimed again only while it still holds the person (or,
      // made before claims took persons, while nobody does: it takes them now).
      const person = claim.status === 'rejected' ? firstTransferOf(claim) : undefined;
      if (!person) return updateClaim(update);
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              { Update: update },
              {
                Put: {
                  TableName: tableName,
                  Item: takenItem(person, claim.claimId, history.at),
                  ConditionExpression: 'attribute_not_exists(pk) OR claimId = :mine',
                  ExpressionAttributeValues: { ':mine': claim.claimId },
                },
              },
            ],
          }),
        );
      } catch (error) {
        if (!cancellationReasons(error)?.includes('ConditionalCheckFailed')) throw error;
        throw claimChanged();
      }
      return (await get(claim.claimId))!;
    },

    /** The person's word on a paid claim (收到了 / 没收到), once: 409 when it is no longer paid or was answered meanwhile. */
    async answerReceipt(claim: Claim, receipt: NonNullable<Claim['receipt']>): Promise<Claim> {
      return updateClaim({
        TableName: tableName,
        Key: keys.claim(beneficiaryKey(claim.beneficiary), claim.subsidy, claim.periodKey),
        UpdateExpression: 'SET receipt = :receipt, #version = #version + :one',
        ConditionExpression: '#status = :paid AND attribute_not_exists(receipt)',
        ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
        ExpressionAttributeValues: { ':receipt': receipt, ':paid': 'paid', ':one': 1 },
      });
    },

    /**
     * The claim's part of a bank return (paymentRepository.recordReturn's transaction): paid by
     * this batch → approved, out of the batch, the step on its history; only as it was read.
     */
    returnedUpdate(claim: Claim, batchId: string, step: { by: string; reason: string }, now = new Date()) {
      const history = { at: now.toISOString(), by: step.by, from: 'paid', to: 'approved', reason: step.reason };
      const queue = setIndexAttributes(claimEntity.indexes({ ...claim, status: 'approved' }));
      return {
        TableName: tableName,
        Key: keys.claim(beneficiaryKey(claim.beneficiary), claim.subsidy, claim.periodKey),
        // The person's word (收到了 / 没收到) was about the payment that came back: the next is asked again.
        UpdateExpression: `SET #status = :to, history = list_append(history, :step), #version = #version + :one, ${queue.expression} REMOVE paymentBatchId, receipt`,
        ConditionExpression: '#status = :paid AND #version = :version AND paymentBatchId = :batch',
        ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
        ExpressionAttributeValues: {
          ':to': 'approved',
          ':paid': 'paid',
          ':version': claim.version,
          ':batch': batchId,
          ':step': [history],
          ':one': 1,
          ...queue.values,
        },
      };
    },

    /**
     * Moves a claim to `to`, only from the status and version it was decided on;
     * appends the step to its history (and the approval, when there is one).
     */
    async transition(
      claim: Claim,
      expectedVersion: number,
      step: {
        to: ClaimStatus;
        by: string;
        reason?: string;
        approval?: { by: string; level: string };
        paymentBatchId?: string;
        /** 追回: ordered, or received. */
        recovery?: Recovery;
      },
      now = new Date(),
    ): Promise<Claim> {
      const at = now.toISOString();
      const history = { at, by: step.by, from: claim.status, to: step.to, ...(step.reason ? { reason: step.reason } : {}) };
      // The claim moves to the staff queue of its new status (its place among its beneficiary's stays).
      const queue = setIndexAttributes(claimEntity.indexes({ ...claim, status: step.to }));
      return updateClaim({
        TableName: tableName,
        Key: keys.claim(beneficiaryKey(claim.beneficiary), claim.subsidy, claim.periodKey),
        UpdateExpression:
          'SET #status = :to, history = list_append(history, :step), approvals = list_append(approvals, :approval), ' +
          `#version = #version + :one, ${queue.expression}` +
          (step.recovery ? ', recovery = :recovery' : ''),
        // A claim is paid only by the batch it was reserved into.
        ConditionExpression:
          '#status = :from AND #version = :version' + (step.paymentBatchId ? ' AND paymentBatchId = :batch' : ''),
        ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
        ExpressionAttributeValues: {
          ':to': step.to,
          ':from': claim.status,
          ':version': expectedVersion,
          ':step': [history],
          ':approval': step.approval ? [{ ...step.approval, at }] : [],
          ':one': 1,
          ...queue.values,
          ...(step.paymentBatchId ? { ':batch': step.paymentBatchId } : {}),
          ...(step.recovery ? { ':recovery': step.recovery } : {}),
        },
      });
    },
  };
}

export type ClaimRepository = ReturnType<typeof createClaimRepository>;

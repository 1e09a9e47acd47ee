/**
 * Payout accounts and payment batches. A batch is claimed first under its key (from the
 * caller's idempotency key), so a retry returns the same batch; each claim in it moves
 * approved → paid by a conditional update, so no claim is ever paid twice, even when two
 * batches are made at once.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  paymentBatchSchema,
  storedPayoutAccountSchema,
  type BeneficiaryRef,
  type PaymentBatch,
  type PayoutAccount,
} from '@bangfu/shared';
import { isConditionFailed } from '../db/errors.js';
import { keys } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';

const accountKey = (owner: BeneficiaryRef) =>
  owner.kind === 'worker' ? keys.payoutAccount(owner.workerId) : keys.employerPayoutAccount(owner.employerId);

export function createPaymentRepository({ db, tableName }: TableRef) {
  return {
    async account(owner: BeneficiaryRef): Promise<PayoutAccount | undefined> {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: accountKey(owner), ConsistentRead: true }));
      if (!Item) return undefined;
      const { kind, number, bankName } = Item;
      return storedPayoutAccountSchema.parse({ kind, number, ...(bankName ? { bankName } : {}) });
    },

    async setAccount(owner: BeneficiaryRef, account: PayoutAccount, by: string): Promise<void> {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...accountKey(owner),
            type: 'payoutAccount',
            ...account,
            setBy: by,
            setAt: new Date().toISOString(),
          },
        }),
      );
    },

    async batch(batchId: string): Promise<PaymentBatch | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.paymentBatch(batchId), ConsistentRead: true }),
      );
      return Item && Item.state === 'done' ? paymentBatchSchema.parse(Item) : undefined;
    },

    /** Claims the batch's key; false when a batch with that key exists already (a retry). */
    async start(batchId: string, regionCode: string, by: string): Promise<boolean> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...keys.paymentBatch(batchId), type: 'paymentBatch', batchId, regionCode, createdBy: by, state: 'building' },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailed(error)) return false;
        throw error;
      }
    },

    async finish(batch: PaymentBatch): Promise<void> {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.paymentBatch(batch.batchId),
          UpdateExpression:
            'SET #state = :done, createdAt = :createdAt, claimIds = :claimIds, #count = :count, totalFen = :totalFen, skipped = :skipped',
          ExpressionAttributeNames: { '#state': 'state', '#count': 'count' },
          ExpressionAttributeValues: {
            ':done': 'done',
            ':createdAt': batch.createdAt,
            ':claimIds': batch.claimIds,
            ':count': batch.count,
            ':totalFen': batch.totalFen,
            ':skipped': batch.skipped,
          },
        }),
      );
    },
  };
}

export type PaymentRepository = ReturnType<typeof createPaymentRepository>;

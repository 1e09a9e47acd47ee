/**
 * Claims. Each sits at its natural key (beneficiary, subsidy, period key) and is
 * written only where none exists, so a double tap, a retry or ten requests at once
 * create one claim; a request that lost the race gets the claim that won.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ancestorAt, claimSchema, type Claim } from '@bangfu/shared';
import { isConditionFailed } from '../db/errors.js';
import { queryAll } from '../db/paging.js';
import { keys } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';

export const workerBeneficiary = (workerId: string) => `worker#${workerId}`;

export type NewClaim = Omit<Claim, 'claimId' | 'status' | 'createdAt' | 'version'>;

function claimItem(claim: Claim) {
  return {
    ...keys.claim(workerBeneficiary(claim.beneficiary.workerId), claim.subsidy, claim.periodKey),
    type: 'claim',
    ...claim,
    gsi4pk: keys.claimQueue(ancestorAt(claim.regionCode, 'county'), claim.status),
    gsi4sk: keys.claimInQueue(claim.regionCode, claim.createdAt, claim.claimId),
  };
}

const toClaim = (item: Record<string, unknown>): Claim => claimSchema.parse(item);

export function createClaimRepository({ db, tableName }: TableRef) {
  return {
    /** A worker's claims, every one (a person has a bounded number). */
    async ofWorker(workerId: string): Promise<Claim[]> {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.claimsOf(workerBeneficiary(workerId)), ':prefix': keys.claimPrefix() },
      });
      return items.map(toClaim);
    },

    /** Creates the claim unless its natural key has one; returns the claim there, and whether it is new. */
    async create(claim: NewClaim, now = new Date()): Promise<{ claim: Claim; created: boolean }> {
      const full: Claim = {
        ...claim,
        claimId: `c_${randomUUID()}`,
        status: 'submitted',
        createdAt: now.toISOString(),
        version: 1,
      };
      try {
        await db.send(
          new PutCommand({ TableName: tableName, Item: claimItem(full), ConditionExpression: 'attribute_not_exists(pk)' }),
        );
        return { claim: full, created: true };
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
        const { Item } = await db.send(
          new GetCommand({
            TableName: tableName,
            Key: keys.claim(workerBeneficiary(claim.beneficiary.workerId), claim.subsidy, claim.periodKey),
            ConsistentRead: true,
          }),
        );
        return { claim: toClaim(Item!), created: false };
      }
    },
  };
}

export type ClaimRepository = ReturnType<typeof createClaimRepository>;

/**
 * Employer profiles. An employer account creates its one profile (the account
 * and the profile are bound in one transaction); staff of its region verify it
 * and, for a 帮扶车间, record its recognition.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  ancestorAt,
  builtAs,
  changesVerifiedFacts,
  employerSchema,
  type Employer,
  type EmployerInput,
  type Principal,
  type VerificationStatus,
  type WorkshopStatus,
} from '@bangfu/shared';
import { cancellationReasons } from '../db/errors.js';
import { employerEntity } from '../db/entities.js';
import { queryAll, queryPage } from '../db/paging.js';
import { keys } from '../db/tableSchema.js';
import { updateVersioned, type TableRef } from '../db/versioned.js';
import { Conflict, notFound } from '../errors.js';

export const employerNotFound = () => notFound('找不到这个用人单位', 'No such employer.');

export function employerItem(employer: Employer) {
  return {
    ...keys.employer(employer.employerId),
    type: 'employer',
    ...employer,
    ...employerEntity.indexes(employer),
  };
}

export function newEmployer(input: EmployerInput, ownerUserId: string, now = new Date()): Employer {
  const at = now.toISOString();
  return {
    ...input,
    employerId: `e_${randomUUID()}`,
    ownerUserId,
    verification: { status: 'pending' },
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

const toEmployer = (item: Record<string, unknown>): Employer => employerSchema.parse(item);

export function createEmployerRepository(table: TableRef) {
  const { db, tableName } = table;

  async function get(employerId: string): Promise<Employer | undefined> {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: keys.employer(employerId), ConsistentRead: true }),
    );
    return Item ? toEmployer(Item) : undefined;
  }

  async function update(employerId: string, version: number, changes: Record<string, unknown>): Promise<Employer> {
    return toEmployer(
      await updateVersioned(
        table,
        keys.employer(employerId),
        version,
        { ...changes, updatedAt: new Date().toISOString() },
        employerNotFound(),
      ),
    );
  }

  return {
    get,

    /** The account's one profile: both written, or neither (a second profile is refused). */
    async create(input: EmployerInput, owner: Principal): Promise<Employer> {
      const employer = newEmployer(input, owner.userId);
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: tableName, Item: employerItem(employer), ConditionExpression: 'attribute_not_exists(pk)' } },
              {
                Update: {
                  TableName: tableName,
                  Key: keys.user(owner.userId),
                  UpdateExpression: 'SET employerId = :employerId, #version = #version + :one',
                  ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(employerId)',
                  ExpressionAttributeNames: { '#version': 'version' },
                  ExpressionAttributeValues: { ':employerId': employer.employerId, ':one': 1 },
                },
              },
            ],
          }),
        );
      } catch (error) {
        if (cancellationReasons(error)) {
          throw new Conflict('这个账号已经有单位信息了', 'This account already has an employer profile.');
        }
        throw error;
      }
      return employer;
    },

    /**
     * The employer's own change, on the version read. Renamed or moved, it waits for
     * verification again (its positions leave the map once they follow it); moved, its
     * index keys move with it, so the new region's staff find it and the old one's do not.
     */
    async updateProfile(current: Employer, version: number, changes: Partial<EmployerInput>): Promise<Employer> {
      return update(current.employerId, version, {
        ...changes,
        ...(changes.regionCode ? employerEntity.indexes({ employerId: current.employerId, regionCode: changes.regionCode }) : {}),
        ...(current.verification.status !== 'pending' && changesVerifiedFacts(current, changes)
          ? { verification: { status: 'pending' } }
          : {}),
      });
    },

    async decideVerification(
      employer: Employer,
      version: number,
      decision: Exclude<VerificationStatus, 'pending'>,
      by: Principal,
      note: string | undefined,
    ): Promise<Employer> {
      return update(employer.employerId, version, {
        verification: { status: decision, decidedBy: by.userId, decidedAt: new Date().toISOString(), ...(note ? { note } : {}) },
      });
    },

    async setWorkshop(employerId: string, version: number, workshop: WorkshopStatus): Promise<Employer> {
      return update(employerId, version, { workshop });
    },

    /** The employers of a county, township or village, optionally by verification status (pending first for review). */
    async listInRegion(regionCode: string, options: { status?: VerificationStatus; cursor?: string; limit: number }) {
      const { items, nextCursor } = await queryPage(
        db,
        {
          TableName: tableName,
          ...employerEntity.inRegion(
            regionCode,
            options.status
              ? {
                  FilterExpression: 'verification.#status = :status',
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: { ':status': options.status },
                }
              : undefined,
          ),
        },
        options,
      );
      return { employers: items.map(toEmployer), ...(nextCursor ? { nextCursor } : {}) };
    },

    /**
     * Workshops standing recognised and bases verified (建成) in a county or township, by the
     * township they sit in: one Query of the region's employers, only the two kinds, read as
     * kind and standing.
     */
    async builtByTownship(regionCode: string): Promise<Map<string, Record<'workshops' | 'bases', number>>> {
      const items = await queryAll(db, {
        TableName: tableName,
        ...employerEntity.inRegion(regionCode, {
          FilterExpression: 'kind IN (:workshop, :base)',
          ExpressionAttributeValues: { ':workshop': 'assistanceWorkshop', ':base': 'assistanceBase' },
        }),
        ProjectionExpression: 'kind, regionCode, workshop, verification',
      });
      const built = new Map<string, Record<'workshops' | 'bases', number>>();
      for (const item of items) {
        const as = builtAs(item as Parameters<typeof builtAs>[0]);
        if (!as) continue;
        const township = ancestorAt(String(item.regionCode), 'township');
        const counts = built.get(township) ?? { workshops: 0, bases: 0 };
        counts[as]++;
        built.set(township, counts);
      }
      return built;
    },
  };
}

export type EmployerRepository = ReturnType<typeof createEmployerRepository>;

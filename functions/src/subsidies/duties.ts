/**
 * A staff member as separation of duties sees them: the duties their account was given
 * (审核 / 复核 / 发放) and their own household — the households and members they
 * declared, and the household of a registry record their account is bound to.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { BeneficiaryPerson, Principal, StaffDuty, StaffHousehold } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { keys } from '../db/tableSchema.js';
import { isConditionFailed } from '../db/errors.js';
import { Conflict, Forbidden } from '../errors.js';
import type { WorkerItem } from '../registry/workerRepository.js';

export interface StaffMember {
  userId: string;
  regionCode: string;
  duties: readonly StaffDuty[];
  household: StaffHousehold;
}

export async function staffMember(
  ctx: Pick<AppContext, 'users' | 'table' | 'workers'>,
  principal: Principal,
): Promise<StaffMember> {
  const [account, declared] = await Promise.all([
    ctx.users.ofPrincipal(principal),
    ctx.table.db.send(
      new GetCommand({ TableName: ctx.table.tableName, Key: keys.staffHousehold(principal.userId), ConsistentRead: true }),
    ),
  ]);
  const ownRecord = account?.workerId ? await ctx.workers.getItem(account.workerId) : undefined;
  const item = declared.Item as Partial<StaffHousehold> | undefined;
  return {
    userId: principal.userId,
    regionCode: principal.regionCode ?? '',
    duties: account?.duties ?? [],
    household: {
      householdIds: [...(item?.householdIds ?? []), ...(ownRecord ? [ownRecord.householdId] : [])],
      memberIdHashes: item?.memberIdHashes ?? [],
    },
  };
}

/** The household and ID hash of a worker's record read already (nothing for an employer's claim). */
export function personOf(record: WorkerItem | undefined): BeneficiaryPerson & { idNumberMasked?: string } {
  return record ? { householdId: record.householdId, idHash: record.idHash, idNumberMasked: record.idNumberMasked } : {};
}

/** Paying and recovering money are the county's (旗县人社局) business: a county officer's, or above. */
export const atCountyOrAbove = (principal: Principal) =>
  principal.role === 'admin' || (principal.regionCode !== undefined && principal.regionCode.length <= 6);

/** 403 unless the account was given this duty. */
export function requireDuty(member: StaffMember, duty: StaffDuty, zh: string): void {
  if (!member.duties.includes(duty)) throw new Forbidden(zh, `Your account has no ${duty} duty.`);
}

/** Declarations a record keeps the history of (each one's time and how many members it named). */
const DECLARATIONS_KEPT = 100;

/**
 * Keeps what a staff member declared of their household: the keyed hashes of the members'
 * ID numbers (never the numbers) and the registry households those people belong to. A
 * declaration adds to what was declared before and never takes a member away: an officer who
 * could drop a relative, decide their claim and declare them again would have no household
 * rule at all. Each declaration is kept in the record's history, written on the version read.
 */
export async function declareHousehold(
  ctx: Pick<AppContext, 'workers' | 'idVault' | 'table'>,
  userId: string,
  idNumbers: readonly string[],
): Promise<StaffHousehold> {
  const { db, tableName } = ctx.table;
  const key = keys.staffHousehold(userId);
  const [records, { Item }] = await Promise.all([
    Promise.all(idNumbers.map((idNumber) => ctx.workers.findByIdNumber(idNumber))),
    db.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true })),
  ]);
  const before = Item as (StaffHousehold & DeclarationHistory) | undefined;
  const household: StaffHousehold = {
    memberIdHashes: [...new Set([...(before?.memberIdHashes ?? []), ...idNumbers.map((n) => ctx.idVault.hash(n))])],
    householdIds: [
      ...new Set([...(before?.householdIds ?? []), ...records.flatMap((record) => (record ? [record.householdId] : []))]),
    ],
  };
  const at = new Date().toISOString();
  const declarations = [...(before?.declarations ?? []), { at, members: idNumbers.length }].slice(-DECLARATIONS_KEPT);
  try {
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...key, type: 'staffHousehold', ...household, declaredAt: at, declarations, version: (before?.version ?? 0) + 1 },
        ...asRead(before),
      }),
    );
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
    throw new Conflict('刚刚有另一次申报，请再提交一次', 'The household was declared again meanwhile.', 'body.idNumbers');
  }
  return household;
}

interface DeclarationHistory {
  declarations?: { at: string; members: number }[];
  version?: number;
}

/** The put's condition: on the version read (none on a record from before versions), or no record when none was read. */
function asRead(before: DeclarationHistory | undefined) {
  if (!before) return { ConditionExpression: 'attribute_not_exists(pk)' };
  const names = { ExpressionAttributeNames: { '#version': 'version' } };
  if (!before.version) return { ConditionExpression: 'attribute_not_exists(#version)', ...names };
  return { ConditionExpression: '#version = :read', ...names, ExpressionAttributeValues: { ':read': before.version } };
}

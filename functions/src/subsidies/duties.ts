/**
 * A staff member as separation of duties sees them: the duties their account was given
 * (审核 / 复核 / 发放) and their own household — the households and members they
 * declared, and the household of a registry record their account is bound to.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { BeneficiaryPerson, Claim, Principal, StaffDuty, StaffHousehold } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { keys } from '../db/tableSchema.js';
import { Forbidden } from '../errors.js';
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

/** Whom a claim pays, as the household rule sees them (a worker's household and ID-number hash), and the masked number. */
export async function beneficiaryPerson(
  ctx: Pick<AppContext, 'workers'>,
  claim: Claim,
): Promise<BeneficiaryPerson & { idNumberMasked?: string }> {
  return personOf(claim.beneficiary.kind === 'worker' ? await ctx.workers.getItem(claim.beneficiary.workerId) : undefined);
}

/** The household and ID hash of a worker's record read already (nothing for an employer's claim). */
export function personOf(record: WorkerItem | undefined): BeneficiaryPerson & { idNumberMasked?: string } {
  return record ? { householdId: record.householdId, idHash: record.idHash, idNumberMasked: record.idNumberMasked } : {};
}

/** 403 unless the account was given this duty. */
export function requireDuty(member: StaffMember, duty: StaffDuty, zh: string): void {
  if (!member.duties.includes(duty)) throw new Forbidden(zh, `Your account has no ${duty} duty.`);
}

/**
 * Keeps what a staff member declared of their household: the keyed hashes of the members'
 * ID numbers (never the numbers) and the registry households those people belong to.
 */
export async function declareHousehold(
  ctx: Pick<AppContext, 'workers' | 'idVault' | 'table'>,
  userId: string,
  idNumbers: readonly string[],
): Promise<StaffHousehold> {
  const records = await Promise.all(idNumbers.map((idNumber) => ctx.workers.findByIdNumber(idNumber)));
  const household: StaffHousehold = {
    memberIdHashes: [...new Set(idNumbers.map((idNumber) => ctx.idVault.hash(idNumber)))],
    householdIds: [...new Set(records.flatMap((record) => (record ? [record.householdId] : [])))],
  };
  await ctx.table.db.send(
    new PutCommand({
      TableName: ctx.table.tableName,
      Item: { ...keys.staffHousehold(userId), type: 'staffHousehold', ...household, declaredAt: new Date().toISOString() },
    }),
  );
  return household;
}

/**
 * 追回, apart from HTTP: a county officer who rechecks orders a paid claim's money back (the
 * rules are shared/src/subsidies/recovery.ts), the worker's village is given the errand of telling
 * them; another county officer who pays records it received. Each only on the version read; the
 * same request again (a retry after a lost answer) is answered with the claim as it stands.
 */
import {
  addDays,
  chinaDate,
  type Claim,
  formatYuan,
  type Principal,
  type Recovery,
  type RecoveryOfficer,
  type RecoveryOrder,
  recoveryClosingRefusal,
  recoveryOrderRefusal,
  type recoveryReceiptSchema,
  type RecoveryWriteOff,
  recoveryOverdueWarning,
  recoveryStepReason,
  recoveryWarning,
  type Warning,
} from '@bangfu/shared';
import type * as z from 'zod';
import type { AppContext } from '../appContext.js';
import { DomainError } from '../errors.js';
import { warningParameters, type WarningParameterContext } from '../monitoring/warningParameters.js';
import { taskIdOf } from '../monitoring/taskRepository.js';
import { atCountyOrAbove, staffMember } from './duties.js';

type RecoveryContext = Pick<AppContext, 'table' | 'users' | 'workers' | 'claims' | 'tasks'> & WarningParameterContext;

async function officerOf(deps: RecoveryContext, principal: Principal): Promise<RecoveryOfficer> {
  const member = await staffMember(deps, principal);
  return { userId: principal.userId, duties: member.duties, atCountyOrAbove: atCountyOrAbove(principal) };
}

function refused(refusal: { status: 403 | 409; zh: string; en: string; field?: string }): DomainError {
  return new DomainError(
    refusal.status === 403 ? 'FORBIDDEN' : 'CONFLICT',
    refusal.zh,
    refusal.en,
    refusal.field ?? 'params.claimId',
  );
}

export async function orderRecovery(
  deps: RecoveryContext,
  principal: Principal,
  claim: Claim,
  order: RecoveryOrder,
): Promise<Claim> {
  const officer = await officerOf(deps, principal);
  const { recovery } = claim;
  // A retry of this very order, after its answer was lost.
  if (
    claim.status === 'recovering' &&
    recovery?.orderedBy === officer.userId &&
    recovery.amountFen === order.amountFen &&
    recovery.reason === order.reason
  ) {
    return claim;
  }
  const refusal = recoveryOrderRefusal(claim, officer, order.amountFen);
  if (refusal) throw refused(refusal);
  const now = new Date();
  const recovering = await deps.claims.transition(
    claim,
    order.version,
    {
      to: 'recovering',
      by: officer.userId,
      reason: recoveryStepReason(order),
      recovery: { amountFen: order.amountFen, reason: order.reason, orderedBy: officer.userId, orderedAt: now.toISOString() },
    },
    now,
  );
  const warning = recoveryWarning(recovering, order, now);
  if (warning) {
    const today = chinaDate(now);
    const { taskDays } = (await warningParameters(deps))(claim.regionCode, today);
    await deps.tasks.open(warning, addDays(today, taskDays), now);
  }
  return recovering;
}

/** How a recovery is closed: its status after, the step's reason, and what is kept on the recovery. */
interface Closing {
  to: 'recovered' | 'writtenOff';
  reason: string;
  record: (by: string, at: string) => Partial<Recovery>;
  /** This very closing, by this officer, already made (a retry after a lost answer). */
  madeBy: (recovery: Recovery | undefined, by: string) => boolean;
}

/** What the village's errand is told when the recovery closes. */
const CLOSED_ZH: Record<Closing['to'], string> = { recovered: '钱已退回', writtenOff: '已核销' };

/**
 * Closes a recovery on the version read: a county payer's, never the one who ordered it. The
 * village's errand, if still open, learns that nobody is to be asked for the money any more.
 */
async function closeRecovery(
  deps: RecoveryContext,
  principal: Principal,
  claim: Claim,
  version: number,
  closing: Closing,
): Promise<Claim> {
  const officer = await officerOf(deps, principal);
  if (claim.status === closing.to && closing.madeBy(claim.recovery, officer.userId)) return claim;
  const refusal = recoveryClosingRefusal(claim, officer, closing.to);
  if (refusal) throw refused(refusal);
  const now = new Date();
  const recovery = claim.recovery!; // the refusal is a 409 without one
  const closed = await deps.claims.transition(
    claim,
    version,
    {
      to: closing.to,
      by: officer.userId,
      reason: closing.reason,
      recovery: { ...recovery, ...closing.record(officer.userId, now.toISOString()) },
    },
    now,
  );
  // The village's errand of telling the person to pay back, if not done yet, is told it is over.
  const errand = await deps.tasks.get(
    taskIdOf({ cause: 'recoveryOrdered', month: chinaDate(new Date(recovery.orderedAt)).slice(0, 7), subject: claim.claimId }),
  );
  if (errand?.status === 'open') {
    await deps.tasks.amend(errand, { label: CLOSED_ZH[closing.to], value: `${closing.reason}。不用再找本人退钱了` });
  }
  return closed;
}

export function receiveRecovery(
  deps: RecoveryContext,
  principal: Principal,
  claim: Claim,
  receipt: z.infer<typeof recoveryReceiptSchema>,
): Promise<Claim> {
  const { bankReference } = receipt;
  return closeRecovery(deps, principal, claim, receipt.version, {
    to: 'recovered',
    reason: `已收回 ${formatYuan(claim.recovery?.amountFen ?? 0)}（流水号 ${bankReference}）`,
    record: (by, at) => ({ received: { by, at, bankReference } }),
    madeBy: (recovery, by) => recovery?.received?.by === by && recovery.received.bankReference === bankReference,
  });
}

/**
 * 核销: a county payer other than who ordered it records that the money ordered back will not come
 * back, on the county's approval document: the person owes nothing more, and the claim keeps
 * counting as paid (the money went out) and as made (its period is never paid again).
 */
export function writeOffRecovery(
  deps: RecoveryContext,
  principal: Principal,
  claim: Claim,
  writeOff: RecoveryWriteOff,
): Promise<Claim> {
  const { documentNo, reason } = writeOff;
  return closeRecovery(deps, principal, claim, writeOff.version, {
    to: 'writtenOff',
    reason: `核销 ${formatYuan(claim.recovery?.amountFen ?? 0)}，不再追回：${reason}（${documentNo}）`,
    record: (by, at) => ({ writtenOff: { by, at, documentNo, reason } }),
    madeBy: (recovery, by) => recovery?.writtenOff?.by === by && recovery.writtenOff.documentNo === documentNo,
  });
}

/**
 * The daily run's recoveries of a county still out past `dueDays`: its claims in 追回中, from the
 * status queue a page of a hundred at a time (few are ever out at once).
 */
export async function countyOverdueRecoveries(
  ctx: Pick<AppContext, 'claims'>,
  countyCode: string,
  today: string,
  dueDays: number,
): Promise<Warning[]> {
  const warnings: Warning[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.claims.queue(countyCode, 'recovering', { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const claim of page.claims) {
      const warning = recoveryOverdueWarning(claim, today, dueDays);
      if (warning) warnings.push(warning);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return warnings;
}

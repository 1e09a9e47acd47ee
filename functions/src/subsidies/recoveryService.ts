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
  type RecoveryOfficer,
  type RecoveryOrder,
  recoveryOrderRefusal,
  type recoveryReceiptSchema,
  recoveryReceiptRefusal,
  recoveryOverdueWarning,
  recoveryStepReason,
  recoveryWarning,
  type Warning,
} from '@bangfu/shared';
import type * as z from 'zod';
import type { AppContext } from '../appContext.js';
import { DomainError } from '../errors.js';
import { warningParameters, type WarningParameterContext } from '../monitoring/warningParameters.js';
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

export async function receiveRecovery(
  deps: RecoveryContext,
  principal: Principal,
  claim: Claim,
  receipt: z.infer<typeof recoveryReceiptSchema>,
): Promise<Claim> {
  const officer = await officerOf(deps, principal);
  const { received } = claim.recovery ?? {};
  // A retry of this very receipt, after its answer was lost.
  if (claim.status === 'recovered' && received?.by === officer.userId && received.bankReference === receipt.bankReference) {
    return claim;
  }
  const refusal = recoveryReceiptRefusal(claim, officer);
  if (refusal) throw refused(refusal);
  const recovery = claim.recovery!; // the refusal is a 409 without one
  const now = new Date();
  return deps.claims.transition(
    claim,
    receipt.version,
    {
      to: 'recovered',
      by: officer.userId,
      reason: `已收回 ${formatYuan(recovery.amountFen)}（流水号 ${receipt.bankReference}）`,
      recovery: { ...recovery, received: { by: officer.userId, at: now.toISOString(), bankReference: receipt.bankReference } },
    },
    now,
  );
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

/**
 * A staff decision on a claim, apart from HTTP: separation of duties (never one's own or
 * one's household's claim; the duty 审核, or 复核 for a second approval) decided by the
 * shared rules, then the claim moved on the version the approver read; and 退回重审 of an
 * approved claim before it is paid.
 */
import {
  type Claim,
  type claimDecisionSchema,
  type claimReopenSchema,
  decideClaim,
  FLAG_KIND_ZH,
  openFlagsOf,
  type Principal,
  reopenRefusal,
} from '@bangfu/shared';
import type * as z from 'zod';
import type { AppContext } from '../appContext.js';
import { DomainError } from '../errors.js';
import { flaggedMonth } from '../welfarePosts/flagService.js';
import { personOf, staffMember } from './duties.js';
import { requireStillDue, type ReassessmentContext } from './reassessment.js';

/**
 * A month on a public-welfare post is approved only once its integrity flags have been looked
 * into (cleared with a reason): 409 naming them otherwise. The flags are the post's township's,
 * which keeps the month's attendance; a holder may live in another (then both are read).
 */
async function requireFlagsLookedInto(deps: Pick<AppContext, 'attendance' | 'reliefProjects' | 'table'>, claim: Claim) {
  if (claim.subsidy !== 'public_welfare_post' || claim.beneficiary.kind !== 'worker') return;
  const workerId = claim.beneficiary.workerId;
  const townships = new Set([claim.postVillageCode ?? claim.regionCode, claim.regionCode].map((code) => code.slice(0, 9)));
  const months = await Promise.all([...townships].map((township) => flaggedMonth(deps, township, claim.periodKey)));
  const open = openFlagsOf(
    months.flatMap(({ flags }) => flags),
    workerId,
  );
  if (open.length > 0) {
    throw new DomainError(
      'CONFLICT',
      `这个月有 ${open.length} 条诚信提示还没有核实（${open.map((f) => FLAG_KIND_ZH[f.kind]).join('、')}），请先在「考勤与诚信提示」里核实`,
      'The month has integrity flags not yet looked into.',
      'params.claimId',
    );
  }
}

/** The claim after the decision; 403 when this officer may not decide it, 409 when it is not theirs to decide now. */
/**
 * 退回重审: an approved claim not yet in a batch goes back to 待审核 as it stands, its approvals
 * cleared, the reason on its history for the person to read. Only from the version read.
 */
export async function reopenClaim(
  deps: Pick<AppContext, 'table' | 'users' | 'workers' | 'claims'>,
  principal: Principal,
  claim: Claim,
  request: z.infer<typeof claimReopenSchema>,
): Promise<Claim> {
  const refusal = reopenRefusal(claim, await staffMember(deps, principal));
  if (refusal) throw new DomainError(refusal.status === 403 ? 'FORBIDDEN' : 'CONFLICT', refusal.zh, refusal.en, 'params.claimId');
  return deps.claims.restate(
    claim,
    request.version,
    {
      period: claim.period,
      amountFen: claim.amountFen,
      trace: claim.trace,
      vouchedBy: claim.vouchedBy ?? [],
      needsSecondApproval: claim.needsSecondApproval,
    },
    { by: principal.userId, reason: `退回重审：${request.reason}` },
  );
}

export async function decideOnClaim(
  deps: Pick<AppContext, 'table' | 'users' | 'attendance' | 'reliefProjects'> & ReassessmentContext,
  principal: Principal,
  claim: Claim,
  decision: z.infer<typeof claimDecisionSchema>,
): Promise<Claim> {
  // The worker's record read once, consistently: for their household here, their facts in the reassessment.
  const [approver, record] = await Promise.all([
    staffMember(deps, principal),
    claim.beneficiary.kind === 'worker' ? deps.workers.getItem(claim.beneficiary.workerId, true) : undefined,
  ]);
  const outcome = decideClaim(claim, personOf(record), approver, decision.decision);
  if (!outcome.ok)
    throw new DomainError(outcome.status === 403 ? 'FORBIDDEN' : 'CONFLICT', outcome.zh, outcome.en, 'params.claimId');
  if (decision.decision === 'approve') {
    await requireFlagsLookedInto(deps, claim);
    await requireStillDue(deps, claim, { version: decision.version, by: principal.userId, record });
  }
  return deps.claims.transition(claim, decision.version, {
    to: outcome.to,
    by: principal.userId,
    ...(decision.reason ? { reason: decision.reason } : {}),
    ...(outcome.approval ? { approval: outcome.approval } : {}),
  });
}

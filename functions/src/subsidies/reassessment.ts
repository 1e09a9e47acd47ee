/**
 * A claim is approved on the facts as they stand, not as they stood when it was made: the person
 * left the registry, an officer cleared a circumstance, a month was corrected. Before an approval
 * the claim's rule is evaluated again for its period, the claim itself set aside (file 001 item 10:
 * leaving the registry stops every subsidy from the next month).
 *
 * - No longer due: 409 saying why, for the approver to reject with that reason (nothing changes).
 * - Due at another amount: the claim is restated (amount, reasons, who vouched, back to 待审核
 *   with no approvals) and 409 says so, so nobody approves an amount they did not see.
 *
 * A 在岗领补 month rests on its confirmed attendance line, which never changes: not weighed again.
 * The same weighing runs again before a batch pays an approved claim (sentBackBeforePayment).
 */
import { formatYuan, type Claim, type SubsidyResult } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { DomainError } from '../errors.js';
import { employerNotFound } from '../positions/employerRepository.js';
import { toWorker, workerNotFound, type WorkerItem } from '../registry/workerRepository.js';
import { createSubsidyService, WORKER_RULES, type SubsidyService } from './service.js';

export type ReassessmentContext = Pick<
  AppContext,
  'employment' | 'claims' | 'parameterSteps' | 'positions' | 'applications' | 'workers' | 'employers'
>;

/** The claim's rule's result for its beneficiary now, the claim set aside; undefined when the rule no longer holds there. */
async function resultNow(
  ctx: ReassessmentContext,
  subsidies: SubsidyService,
  claim: Claim,
  record: WorkerItem | undefined,
): Promise<SubsidyResult | undefined> {
  const setAside = claim.claimId;
  const { beneficiary } = claim;
  let results: SubsidyResult[];
  if (beneficiary.kind === 'worker') {
    const item = record ?? (await ctx.workers.getItem(beneficiary.workerId, true));
    if (!item) throw workerNotFound();
    const rules = WORKER_RULES.filter((rule) => rule.id === claim.subsidy);
    ({ results } = await subsidies.evaluateWorker(toWorker(item), claim.period, { rules, setAside }));
  } else {
    const employer = await ctx.employers.get(beneficiary.employerId);
    if (!employer) throw employerNotFound();
    ({ results } = await subsidies.evaluateEmployer(employer, claim.period, { setAside }));
  }
  return results.find((r) => r.subsidy === claim.subsidy && r.periodKey === claim.periodKey && r.item === claim.item);
}

/** What the claim's rule gives now: still due as it is, no longer due (why), or due at another amount. */
type Weighed =
  | { kind: 'due' }
  | { kind: 'notDue'; why: string }
  | { kind: 'moved'; now: SubsidyResult; change: string; needsSecondApproval: boolean };

async function weighAgain(ctx: ReassessmentContext, claim: Claim, record: WorkerItem | undefined): Promise<Weighed> {
  if (claim.subsidy === 'public_welfare_post') return { kind: 'due' };
  const subsidies = createSubsidyService(ctx);
  const now = await resultNow(ctx, subsidies, claim, record);
  if (!now?.eligible) {
    return { kind: 'notDue', why: now?.trace.filter((line) => line.kind === 'rule').at(-1)?.text ?? '这项补贴在当地已不再执行' };
  }
  if (now.amountFen === claim.amountFen) return { kind: 'due' };
  return {
    kind: 'moved',
    now,
    change: `按最新记录重新计算，金额从 ${formatYuan(claim.amountFen)} 变为 ${formatYuan(now.amountFen)}`,
    needsSecondApproval: await subsidies.secondApprovalNeeded(now.amountFen, claim.regionCode),
  };
}

/** Back to 待审核 with no approvals, as the rule now gives it (its amount, reasons and who vouched), or as it was when no longer due. */
async function restated(
  ctx: ReassessmentContext,
  claim: Claim,
  version: number,
  weighed: Weighed,
  step: { by: string; reason: string },
) {
  const { now } = weighed.kind === 'moved' ? weighed : { now: undefined };
  await ctx.claims.restate(
    claim,
    version,
    {
      period: claim.period,
      amountFen: now?.amountFen ?? claim.amountFen,
      trace: now?.trace ?? claim.trace,
      vouchedBy: now ? (now.vouchedBy ?? []) : (claim.vouchedBy ?? []),
      needsSecondApproval: weighed.kind === 'moved' ? weighed.needsSecondApproval : claim.needsSecondApproval,
    },
    step,
  );
}

/**
 * Resolves when the claim is still due as it stands; otherwise 409, having restated it if only its
 * amount moved. `record`: the worker's record, when the caller read it already (consistently).
 */
export async function requireStillDue(
  ctx: ReassessmentContext,
  claim: Claim,
  { version, by, record }: { version: number; by: string; record?: WorkerItem | undefined },
): Promise<void> {
  const weighed = await weighAgain(ctx, claim, record);
  if (weighed.kind === 'due') return;
  if (weighed.kind === 'notDue') {
    throw new DomainError(
      'CONFLICT',
      `按现在的记录，这份申领已不符合条件：${weighed.why}。请驳回，并把这个原因写给申领人`,
      'The claim is no longer due on the facts as they stand.',
      'params.claimId',
    );
  }
  await restated(ctx, claim, version, weighed, { by, reason: weighed.change });
  throw new DomainError(
    'CONFLICT',
    `${weighed.change}，申领已退回待审核。请看一遍新的依据再审核`,
    'The amount changed with the facts; the claim was restated for review.',
    'params.claimId',
  );
}

/**
 * Before an approved claim goes into a payment batch it is weighed again: the records may have
 * changed since it was approved (a month corrected, the person left the registry, a standard
 * edited). Undefined when it is still due as approved; otherwise it is sent back to 待审核 — at its
 * new amount, or as it was with why it is no longer due, for the reviewer to reject — and the
 * answer is why, for the batch's `skipped`. A claim someone changed meanwhile is left to them.
 */
export async function sentBackBeforePayment(
  ctx: ReassessmentContext,
  claim: Claim,
  { by, record }: { by: string; record: WorkerItem | undefined },
): Promise<string | undefined> {
  const weighed = await weighAgain(ctx, claim, record);
  if (weighed.kind === 'due') return undefined;
  const reason =
    weighed.kind === 'moved'
      ? `发放前复核：${weighed.change}，已退回待审核`
      : `发放前复核：按现在的记录已不符合条件（${weighed.why}），已退回待审核，请驳回`;
  try {
    await restated(ctx, claim, claim.version, weighed, { by, reason });
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'CONFLICT')) throw error;
    return '这份申领刚被别人处理过，这一批先不发';
  }
  return reason;
}

/**
 * 收到了 / 没收到 on a paid subsidy, from the person it was paid to (shared/src/subsidies/receipt.ts
 * says why). Said once a payment; the same said again (a retry) answers as the first and opens the
 * county's task again if it was lost, since the task is keyed by the claim. Money the bank sent back
 * clears the answer: the next payment is asked about again.
 */
import {
  addDays,
  chinaDate,
  formatYuan,
  subsidyNotReceivedWarning,
  type Claim,
  type Principal,
  type ReceiptAnswer,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { Conflict } from '../errors.js';
import { warningParameters } from '../monitoring/warningParameters.js';
import { boundWorker } from '../registry/access.js';
import { claimNotFound } from './claimRepository.js';

export async function answerReceipt(
  ctx: AppContext,
  principal: Principal,
  claimId: string,
  answer: ReceiptAnswer,
): Promise<Claim> {
  const worker = await boundWorker(ctx, principal);
  const found = await ctx.claims.get(claimId);
  // Another person's claim is not found: saying so would confirm it exists.
  if (!found || found.beneficiary.kind !== 'worker' || found.beneficiary.workerId !== worker.workerId) throw claimNotFound();
  const received = answer === 'received';
  let claim = found;
  if (found.receipt) {
    if (found.receipt.received !== received) {
      throw new Conflict('您已经说过这笔补贴收到没有了，有变化请告诉村里', 'Already answered.', 'body.answer');
    }
  } else {
    if (found.status !== 'paid' || !found.paymentBatchId) {
      throw new Conflict('这笔补贴还没有发放，发放以后再告诉我们收到没有', 'The claim is not paid.', 'body.answer');
    }
    const now = new Date().toISOString();
    claim = await ctx.claims.answerReceipt(found, { received, at: now, by: principal.userId });
    await ctx.audit.record(
      principal,
      [worker.workerId],
      'subsidyReceipt',
      `本人说${found.name} ${formatYuan(found.amountFen)}${received ? '收到了' : '没有收到'}`,
    );
  }
  // Said again after the money came back (no batch pays it now): nothing more to tell.
  if (!received && claim.paymentBatchId) await tellCounty(ctx, claim, worker.workerId, worker.name);
  return claim;
}

/** 没收到: the county's task, with the card the batch paid to. */
async function tellCounty(ctx: AppContext, claim: Claim, workerId: string, name: string) {
  const batchId = claim.paymentBatchId!;
  const row = await ctx.payments.reservation(batchId, claim.claimId);
  const now = new Date();
  const warning = subsidyNotReceivedWarning({
    claimId: claim.claimId,
    workerId,
    name,
    regionCode: claim.regionCode,
    subsidyName: claim.name,
    amountFen: claim.amountFen,
    batchId,
    paidAt: claim.history.findLast((step) => step.to === 'paid')?.at ?? now.toISOString(),
    cardLastFour: row?.account.numberMasked.slice(-4) ?? '？？？？',
    at: now,
  });
  const today = chinaDate(now);
  const { taskDays } = (await warningParameters(ctx))(claim.regionCode, today);
  await ctx.tasks.open(warning, addDays(today, taskDays), now);
}

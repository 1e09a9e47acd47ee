/**
 * Payout accounts and payment batches over HTTP (contracts in shared/src/api/subsidies.ts);
 * what paying means is paymentService.ts's.
 */
import { bankReturnText, maskAccount, maskPhone, paymentContracts, PAYMENT_FILE_MEDIA_TYPE } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { Conflict } from '../errors.js';
import { implement, type AnyRoute } from '../http/route.js';
import { ownEmployer } from '../positions/access.js';
import { boundWorker, boundWorkerId } from '../registry/access.js';
import { accountView, batchSummary, type AccountEntries, type SealedAccount } from './paymentRepository.js';
import { createPaymentService } from './paymentService.js';
import { createReturnFileService } from './returnFileService.js';

/** 银行退回 on an account, as staff and its worker read it. */
const bankReturned = ({ bankReturn }: SealedAccount) =>
  bankReturn ? { bankReturned: { at: bankReturn.at, reason: bankReturnText(bankReturn) } } : {};

/** The entries as the staff who may confirm one see them: masked, with who entered each and when, and what the worker said. */
function onFile({ current, pending, withdrawn }: AccountEntries) {
  const shown = (account: SealedAccount | undefined) =>
    account
      ? {
          ...accountView(account),
          setBy: account.setBy,
          setAt: account.setAt,
          ...(account.ownerAnswer ? { ownerAnswer: account.ownerAnswer } : {}),
          ...bankReturned(account),
          ...(account.texted ? { texted: account.texted } : {}),
        }
      : null;
  return { account: shown(current), pending: shown(pending), withdrawn: shown(withdrawn) };
}

/**
 * A worker's cards as they see them: kind, last digits, when entered and what they said; nothing of
 * who entered them. With the WeChat template their notices use, if any, and the 允许 kept.
 */
function workerCards({ current, pending, cardNotices }: AccountEntries, templateId: string) {
  const card = (account: SealedAccount | undefined) =>
    account && account.kind !== 'corporateAccount'
      ? {
          kind: account.kind,
          numberMasked: account.numberMasked,
          enteredAt: account.setAt,
          ...(account.ownerAnswer ? { ownerAnswer: account.ownerAnswer } : {}),
          ...bankReturned(account),
        }
      : null;
  return {
    card: card(current),
    waiting: card(pending),
    notices: { templateId: templateId || null, allowed: cardNotices ?? 0 },
  };
}

export function paymentRoutes(ctx: AppContext): AnyRoute[] {
  const payments = createPaymentService(ctx);
  const returnFiles = createReturnFileService(ctx, payments);

  return [
    implement(paymentContracts.setWorkerAccount, async ({ object: worker, principal, body }) => {
      const { pending, notified } = await payments.setWorkerAccount(principal, worker, body);
      // Sent off the table's stream (notices/textNotices.ts) to the phone the record has then.
      const textTo = ctx.textTemplates.cardEntered && worker.phone ? maskPhone(worker.phone) : null;
      return { kind: body.kind, numberMasked: maskAccount(body.number), pending, notified, textTo };
    }),

    implement(paymentContracts.workerAccount, async ({ object: worker }) =>
      onFile(await ctx.payments.entries({ kind: 'worker', workerId: worker.workerId })),
    ),

    implement(paymentContracts.confirmWorkerAccount, async ({ object: worker, principal, body }) =>
      accountView(await payments.confirmWorkerAccount(principal, worker.workerId, body.setAt)),
    ),

    // The worker (or their family member, reading) sees where the money goes: a card they do not
    // know is theirs to report to the village at once.
    implement(paymentContracts.myCard, async ({ principal }) =>
      workerCards(
        await ctx.payments.entries({ kind: 'worker', workerId: await boundWorkerId(ctx, principal) }),
        ctx.subscribeMessages.cardTemplateId,
      ),
    ),

    implement(paymentContracts.answerMyCard, async ({ principal, body }) => {
      const worker = await boundWorker(ctx, principal);
      const now = await payments.answerMyCard(principal, worker, body.enteredAt, body.answer);
      return workerCards(now, ctx.subscribeMessages.cardTemplateId);
    }),

    implement(paymentContracts.allowCardNotice, async ({ principal, body }) => {
      const templateId = ctx.subscribeMessages.cardTemplateId;
      if (!templateId) throw new Conflict('这里还没有开通微信提醒', 'Card notices are off here.');
      // A 允许 for another template (an old build's) lets no message of ours through.
      if (body.templateId !== templateId) {
        throw new Conflict('微信提醒换了新样式，请再点一次', 'The consent was for another template.', 'body.templateId');
      }
      return { allowed: await ctx.payments.allowCardNotice(await boundWorkerId(ctx, principal)) };
    }),

    implement(paymentContracts.employerAccountForStaff, async ({ object: employer }) =>
      onFile(await ctx.payments.entries({ kind: 'employer', employerId: employer.employerId })),
    ),

    implement(paymentContracts.confirmEmployerAccount, async ({ object: employer, principal, body }) =>
      accountView(
        await ctx.payments.confirmChange({ kind: 'employer', employerId: employer.employerId }, principal.userId, body.setAt),
      ),
    ),

    implement(paymentContracts.setEmployerAccount, async ({ principal, body }) => {
      const employer = await ownEmployer(ctx, principal);
      const { pending } = await ctx.payments.setAccount(
        { kind: 'employer', employerId: employer.employerId },
        body,
        principal.userId,
        { firstInForce: true }, // its own account: its own money
      );
      return { kind: body.kind, bankName: body.bankName, numberMasked: maskAccount(body.number), pending };
    }),

    implement(paymentContracts.employerAccount, async ({ principal }) => {
      const employer = await ownEmployer(ctx, principal);
      // Both entries, as the worker's and the staff's views read them: record() has none while no account is in force.
      const { current, pending } = await ctx.payments.entries({ kind: 'employer', employerId: employer.employerId });
      // Only a corporate account is ever stored for an employer; the full number never leaves.
      const shown = (account: SealedAccount | undefined) =>
        account?.kind === 'corporateAccount' && account.bankName
          ? { kind: account.kind, bankName: account.bankName, numberMasked: account.numberMasked, ...bankReturned(account) }
          : null;
      return { account: shown(current), pending: shown(pending) };
    }),

    implement(paymentContracts.pay, async ({ principal, body }) => ({
      batch: await payments.payApproved(principal, body.regionCode, body.idempotencyKey),
    })),

    implement(paymentContracts.batches, async ({ principal, query }) => payments.batchesOf(principal, query.regionCode, query)),

    implement(paymentContracts.batch, async ({ principal, object: batch, query }) =>
      payments.batchLines(principal, batch, query),
    ),

    implement(paymentContracts.returnPayment, async ({ principal, object: batch, body }) => ({
      batch: await payments.recordBankReturn(principal, batch, body),
    })),

    implement(paymentContracts.readReturnFile, async ({ principal, object: batch, query, req }) => {
      const file = { body: req, contentType: req.get('content-type') };
      const { header, ...reading } = await returnFiles.read(principal, batch, file, query.record);
      return { ...reading, batch: batchSummary(header, principal.userId) };
    }),

    implement(paymentContracts.file, async ({ principal, object: batch, res }) => {
      const file = await payments.bankFile(principal, batch.batchId);
      res.status(200);
      res.setHeader('content-type', PAYMENT_FILE_MEDIA_TYPE);
      res.setHeader('content-disposition', `attachment; filename="payment-${batch.batchId}.csv"`);
      res.end(file);
      return undefined;
    }),
  ];
}

/**
 * Paying approved claims, apart from HTTP: a worker's card entered and confirmed (each on
 * their record's audit), a county batch that pays every approved claim of a region exactly
 * once (resumed by its key after a crash), and the batch's file for the bank.
 */
import {
  addDays,
  type BankReturnRequest,
  bankReturnStepReason,
  bankReturnWarning,
  type BeneficiaryRef,
  formatYuan,
  type CardAnswer,
  cardDisputeWarning,
  chinaDate,
  type Claim,
  csvField,
  isOwnHousehold,
  maskIdNumber,
  type PaymentBatch,
  type PaymentLine,
  bankReturnText,
  paymentObstacle,
  PAYOUT_KIND_ZH,
  type payoutAccountSchema,
  type Principal,
} from '@bangfu/shared';
import type * as z from 'zod';
import type { AppContext } from '../appContext.js';
import { inPool } from '../db/inPool.js';
import { pageInKeyOrder } from '../db/paging.js';
import { Conflict, DomainError, Forbidden, NotFound } from '../errors.js';
import { warningParameters, type WarningParameterContext } from '../monitoring/warningParameters.js';
import type { WorkerItem } from '../registry/workerRepository.js';
import {
  batchIdOf,
  batchSummary,
  type AccountEntries,
  type BatchHeader,
  type Reservation,
  type RowReturn,
} from './paymentRepository.js';
import { atCountyOrAbove, personOf, requireDuty, staffMember, type StaffMember } from './duties.js';
import { sentBackBeforePayment, type ReassessmentContext } from './reassessment.js';

/** Whether this batch paid the claim as it now stands: only such a payment can come back from the bank. */
export const paidBy = (claim: Claim | undefined, batchId: string): claim is Claim =>
  claim?.status === 'paid' && claim.paymentBatchId === batchId;

export const notPaidByBatch = () =>
  new Conflict('这份申领现在不是这一批发放的，不能登记退回', 'The claim is not paid by this batch.', 'body.claimId');

/** Claims weighed and reserved at once in a batch: each is a handful of reads, then a transaction. */
const RESERVING_AT_ONCE = 4;

/** Yuan with two decimals, as banks take amounts: 66600 → "666.00" (integer arithmetic). */
const bankAmount = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

export function createPaymentService(
  deps: Pick<AppContext, 'audit' | 'claims' | 'payments' | 'subscribeMessages' | 'table' | 'tasks' | 'users' | 'workers'> &
    WarningParameterContext &
    ReassessmentContext,
) {
  const { claims, payments } = deps;

  /** Paying is the county's (旗县人社局) business, and only for an officer given the duty 发放. */
  async function payer(principal: Principal): Promise<StaffMember> {
    if (!atCountyOrAbove(principal)) {
      throw new Forbidden('补贴发放由旗县人社局办理', 'Payments are made at county level or above.');
    }
    const member = await staffMember(deps, principal);
    requireDuty(member, 'pay', '您的账号没有发放补贴的职责，请由负责发放的工作人员办理');
    return member;
  }

  async function approvedClaims(regionCode: string): Promise<Claim[]> {
    const found: Claim[] = [];
    let cursor: string | undefined;
    do {
      const page = await claims.queue(regionCode, 'approved', { limit: 100, ...(cursor ? { cursor } : {}) });
      found.push(...page.claims);
      cursor = page.nextCursor;
    } while (cursor);
    return found;
  }

  /**
   * Reserves every approved claim of the region this payer may pay into the batch; says
   * which it left out and why. Claims already in a batch (this one, on a retry) are passed.
   * Each is weighed again on the records as they now stand first: one no longer due as approved
   * goes back to 待审核 instead (reassessment.ts).
   */
  async function reserveAll(batchId: string, regionCode: string, member: StaffMember): Promise<PaymentBatch['skipped']> {
    const claimsToPay = (await approvedClaims(regionCode)).filter((claim) => !claim.paymentBatchId);
    const skips: (PaymentBatch['skipped'][number] | undefined)[] = [];
    await inPool([...claimsToPay.entries()], RESERVING_AT_ONCE, async ([i, claim]) => {
      const skip = (reason: string) => {
        skips[i] = { claimId: claim.claimId, name: claim.beneficiary.name, reason };
      };
      const { beneficiary } = claim;
      const [account, worker] = await Promise.all([
        payments.record(beneficiary),
        beneficiary.kind === 'worker' ? deps.workers.getItem(beneficiary.workerId, true) : undefined,
      ]);
      const person = personOf(worker);
      const obstacle = paymentObstacle(claim, account, {
        userId: member.userId,
        ownHousehold: isOwnHousehold(member.household, person),
      });
      if (obstacle || !account) return skip(obstacle!);
      const sentBack = await sentBackBeforePayment(deps, claim, { by: member.userId, record: worker });
      if (sentBack) return skip(sentBack);
      // False when another batch reserved it meanwhile: it is that batch's to pay.
      await payments.reserve(batchId, claim, account.current, person);
    });
    return skips.filter((s) => s !== undefined);
  }

  /** approved → paid for a claim reserved into the batch; already paid by it (an earlier attempt) is fine. */
  async function payReserved(claimId: string, batchId: string, by: string): Promise<void> {
    const claim = (await claims.get(claimId))!;
    if (claim.status === 'paid' && claim.paymentBatchId === batchId) return;
    try {
      await claims.transition(claim, claim.version, {
        to: 'paid',
        by,
        reason: `发放批次 ${batchId}`,
        paymentBatchId: batchId,
      });
    } catch (error) {
      const now = error instanceof DomainError && error.code === 'CONFLICT' ? await claims.get(claimId) : undefined;
      if (now?.status !== 'paid' || now.paymentBatchId !== batchId) throw error;
    }
  }

  /**
   * Enters a worker's card, first or changed, to wait for a second person; on their record's audit.
   * The worker is told on WeChat when they allowed it (收款卡变更提醒): the person whose money it is
   * hears of a card at once, not only when they next open the mini-program.
   */
  async function setWorkerAccount(
    principal: Principal,
    worker: WorkerItem,
    account: z.infer<typeof payoutAccountSchema>,
  ): Promise<{ pending: boolean; notified: boolean }> {
    const { workerId } = worker;
    const { pending } = await payments.setAccount({ kind: 'worker', workerId }, account, principal.userId, {
      firstInForce: false,
    });
    const what = `登记${PAYOUT_KIND_ZH[account.kind]}（待另一位工作人员确认）`;
    await deps.audit.record(principal, [workerId], 'payoutAccount', what);
    return { pending, notified: await tellWorker(worker, account) };
  }

  /** One WeChat message about a card entered for the worker, using one 允许 they gave; whether it was sent. */
  async function tellWorker(worker: WorkerItem, account: z.infer<typeof payoutAccountSchema>): Promise<boolean> {
    const { subscribeMessages } = deps;
    if (!subscribeMessages.cardTemplateId) return false;
    // The record the route's scope read: whom it is bound to needs no second read.
    const openid = worker.boundUserId ? await deps.users.openidOf(worker.boundUserId) : undefined;
    if (!openid || !(await payments.useCardNotice(worker.workerId))) return false;
    const outcome = await subscribeMessages.sendCardNotice({
      openid,
      page: 'worker/pages/subsidies/index',
      kindText: PAYOUT_KIND_ZH[account.kind],
      lastFour: account.number.slice(-4),
      enteredOn: chinaDate(new Date()),
    });
    return outcome === 'sent';
  }

  /** Puts the worker's card the officer saw waiting in force (not by who entered it); on their record's audit. */
  async function confirmWorkerAccount(principal: Principal, workerId: string, seenSetAt: string) {
    const account = await payments.confirmChange({ kind: 'worker', workerId }, principal.userId, seenSetAt);
    await deps.audit.record(
      principal,
      [workerId],
      'payoutAccount',
      `确认${PAYOUT_KIND_ZH[account.kind]}（尾号 ${account.numberMasked.slice(-4)}）`,
    );
    return account;
  }

  /**
   * What the worker says of a card entered for them, on their record's audit. 不是我的卡 also
   * gives the county a task at once (a card changed to divert someone's money is the county's to
   * look into, not the village's that may have entered it). Answers the entries as they now stand.
   */
  async function answerMyCard(
    principal: Principal,
    worker: WorkerItem,
    enteredAt: string,
    answer: CardAnswer,
  ): Promise<AccountEntries> {
    const now = new Date();
    const owner = { kind: 'worker', workerId: worker.workerId } as const;
    const answered = await payments.answer(owner, enteredAt, answer, now.toISOString());
    const { entry, inForce, confirmedBy, changed } = answered;
    const card = `${PAYOUT_KIND_ZH[entry.kind]}（尾号 ${entry.numberMasked.slice(-4)}）`;
    if (changed) {
      await deps.audit.record(
        principal,
        [worker.workerId],
        'payoutAccount',
        `本人说${card}${answer === 'mine' ? '是' : '不是'}自己的卡`,
      );
    }
    // Opened again when said again: the task is keyed by the card, so a retry after a lost task opens it and no other.
    if (answer === 'mine' || entry.kind === 'corporateAccount') return answered.now;
    const warning = cardDisputeWarning({
      workerId: worker.workerId,
      name: worker.name,
      villageCode: worker.villageCode,
      card: { kind: entry.kind, numberMasked: entry.numberMasked, setBy: entry.setBy, setAt: entry.setAt },
      confirmedBy: inForce ? confirmedBy : undefined,
      at: now,
    });
    const today = chinaDate(now);
    const { taskDays } = (await warningParameters(deps))(worker.villageCode, today);
    await deps.tasks.open(warning, addDays(today, taskDays), now);
    return answered.now;
  }

  /**
   * Pays every approved claim of a region in the batch the key names, each exactly once; a
   * retry with the same key resumes that batch and answers with it.
   */
  async function payApproved(principal: Principal, regionCode: string, idempotencyKey: string): Promise<PaymentBatch> {
    const member = await payer(principal);
    const batchId = batchIdOf(idempotencyKey);
    let batch = await payments.start(batchId, regionCode, principal.userId);
    // A retry resumes its own batch: the same region, the same payer.
    if (batch.regionCode !== regionCode || batch.createdBy !== principal.userId) {
      throw new Conflict(
        '这个编号已用于另一批发放，请重新发起',
        'That key belongs to another payment batch.',
        'body.idempotencyKey',
      );
    }
    if (batch.state === 'reserving') batch = await payments.file(batchId, await reserveAll(batchId, regionCode, member));
    // The file is fixed now (the reserved set, which paying does not change); only its claims become paid.
    const rows = await payments.reservations(batchId);
    if (batch.state === 'filed') {
      for (const row of rows) await payReserved(row.claimId, batchId, principal.userId);
      batch = await payments.finish(batchId, rows);
    }
    return payments.view(batch, rows);
  }

  /**
   * 银行退回: the bank sent back one payment of a batch. The claim waits for the next batch (paid by
   * another payer than who recorded this), the account it went to is paid nothing more until
   * another is entered and confirmed, and a worker's village is given the errand of seeing them.
   * The same return recorded again (a retry: the same reference) answers as the first time.
   */
  async function recordBankReturn(principal: Principal, batch: BatchHeader, request: BankReturnRequest): Promise<PaymentBatch> {
    await payer(principal);
    const { batchId } = batch;
    const rows = await payments.reservations(batchId);
    const row = rows.find((r) => r.claimId === request.claimId);
    if (!row) throw new NotFound('这一批里没有这份申领', 'No such claim in this batch.', 'body.claimId');
    // The batch as the route's scope read it (a finished one), with its rows as they now stand: nothing read twice.
    const answer = (now: Reservation[]) => payments.view(batch, now);
    if (row.returned) {
      if (row.returned.bankReference === request.bankReference) return answer(rows);
      throw new Conflict('这笔钱已经登记过银行退回', 'This payment was already returned.', 'body.claimId');
    }
    const claim = await claims.get(row.claimId);
    if (!paidBy(claim, batchId)) throw notPaidByBatch();
    const returned = await returnRow(principal, batchId, row, claim, request);
    return answer(rows.map((r) => (r === row ? { ...r, returned } : r)));
  }

  /**
   * Records the return of a row not yet returned, whose claim (as read) this batch paid: the claim,
   * the row, the batch's figures and the account in one transaction; then the audit and the task.
   */
  async function returnRow(
    principal: Principal,
    batchId: string,
    row: Reservation,
    claim: Claim,
    request: BankReturnRequest,
  ): Promise<RowReturn> {
    const now = new Date();
    const returned = {
      at: now.toISOString(),
      by: principal.userId,
      reason: request.reason,
      ...(request.note ? { note: request.note } : {}),
      bankReference: request.bankReference,
    };
    const step = { by: principal.userId, reason: bankReturnStepReason(request) };
    const owner: BeneficiaryRef =
      claim.beneficiary.kind === 'worker'
        ? { kind: 'worker', workerId: claim.beneficiary.workerId }
        : { kind: 'employer', employerId: claim.beneficiary.employerId };
    const { accountMarked } = await payments.recordReturn(
      batchId,
      row,
      owner,
      claims.returnedUpdate(claim, batchId, step, now),
      returned,
    );
    const workerIds = owner.kind === 'worker' ? [owner.workerId] : [];
    await deps.audit.record(principal, workerIds, 'payoutAccount', `登记银行退回 ${batchId}：${step.reason}`);
    if (owner.kind === 'worker' && accountMarked && row.account.kind !== 'corporateAccount') {
      const warning = bankReturnWarning({
        workerId: owner.workerId,
        name: claim.beneficiary.name,
        villageCode: claim.regionCode,
        subsidyName: row.subsidyName,
        amountText: formatYuan(row.amountFen),
        account: { kind: row.account.kind, numberMasked: row.account.numberMasked, setAt: row.account.setAt },
        mark: { at: returned.at, reason: request.reason, ...(request.note ? { note: request.note } : {}), batchId },
      });
      const today = chinaDate(now);
      const { taskDays } = (await warningParameters(deps))(claim.regionCode, today);
      await deps.tasks.open(warning, addDays(today, taskDays), now);
    }
    return returned;
  }

  /** The batch's CSV for the bank (name, masked ID, card, amount); every person's row is on their record's audit. */
  async function bankFile(principal: Principal, batchId: string): Promise<string> {
    await payer(principal);
    const rows: string[] = [['序号', '姓名或单位', '身份证号', '账户类型', '账号', '金额（元）', '补贴', '申领编号'].join(',')];
    const shownWorkers: string[] = [];
    // The rows as they were reserved: what was checked is what the bank gets.
    for (const [i, row] of (await payments.reservations(batchId)).entries()) {
      const account = await payments.open(row.account);
      // A person's ID and card leave the system here: each download is on their record.
      if (row.workerId) shownWorkers.push(row.workerId);
      rows.push(
        [
          i + 1,
          row.name,
          row.idNumberMasked ? maskIdNumber(row.idNumberMasked) : '', // narrows a mask stored the older way
          `${PAYOUT_KIND_ZH[account.kind]}${'bankName' in account ? `（${account.bankName}）` : ''}`,
          account.number,
          bankAmount(row.amountFen),
          row.subsidyName,
          row.claimId,
        ]
          .map(csvField)
          .join(','),
      );
    }
    await deps.audit.record(principal, shownWorkers, 'payoutAccount', `下载发放文件 ${batchId}`);
    // A byte-order mark, so spreadsheet programs read the Chinese as UTF-8.
    return `\uFEFF${rows.join('\r\n')}\r\n`;
  }

  /** 以前的发放批次 of a county or township, newest first. */
  async function batchesOf(principal: Principal, regionCode: string, page: { limit: number; cursor?: string | undefined }) {
    await payer(principal);
    const { batches, nextCursor } = await payments.inRegion(regionCode, page);
    return { batches: batches.map((b) => batchSummary(b, principal.userId)), ...(nextCursor ? { nextCursor } : {}) };
  }

  /**
   * A finished batch's rows as its file numbers them (序号), a page at a time, those whose name
   * holds `name` when given: what a payer reads to find the row a return slip (退票回单) names.
   * The rows are read whole (a batch is one region's claims at one time) and never opened.
   */
  async function batchLines(
    principal: Principal,
    batch: BatchHeader,
    query: { limit: number; cursor?: string | undefined; name?: string | undefined },
  ) {
    await payer(principal);
    const lines = (await payments.reservations(batch.batchId)).map(
      ({ claimId, name, subsidyName, amountFen, account, returned }, i): PaymentLine => ({
        row: i + 1,
        claimId,
        name,
        subsidyName,
        amountFen,
        account: { kind: account.kind, numberMasked: account.numberMasked },
        ...(returned
          ? {
              returned: {
                reason: bankReturnText(returned),
                bankReference: returned.bankReference,
                at: returned.at,
                by: returned.by,
              },
            }
          : {}),
      }),
    );
    const { name } = query;
    const { items, nextCursor } = pageInKeyOrder(
      name ? lines.filter((line) => line.name.includes(name)) : lines,
      (line) => line.claimId,
      query,
    );
    return { batch: batchSummary(batch, principal.userId), lines: items, ...(nextCursor ? { nextCursor } : {}) };
  }

  return {
    setWorkerAccount,
    confirmWorkerAccount,
    answerMyCard,
    payApproved,
    payer,
    recordBankReturn,
    returnRow,
    bankFile,
    batchesOf,
    batchLines,
  };
}

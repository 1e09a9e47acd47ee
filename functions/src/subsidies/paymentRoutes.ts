import { z } from 'zod';
import {
  type Claim,
  countyOrFinerSchema,
  csvField,
  employerPayoutAccountSchema,
  isOwnHousehold,
  maskAccount,
  maskIdNumber,
  type PaymentBatch,
  paymentBatchSchema,
  paymentObstacle,
  PAYOUT_KIND_ZH,
  payoutAccountSchema,
  perHour,
  type Principal,
  WORKER_PAYOUT_KINDS,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { batchPut } from '../db/batchWrite.js';
import { Conflict, DomainError, Forbidden } from '../errors.js';
import { defineRoute, type AnyRoute } from '../http/route.js';
import { ownEmployer } from '../positions/access.js';
import { STAFF } from '../registry/access.js';
import { auditItem } from '../registry/audit.js';
import { beneficiaryPerson, requireDuty, staffMember, type StaffMember } from './duties.js';
import { accountView } from './paymentRepository.js';

const CSV = 'text/csv; charset=utf-8';
const workerIdParams = z.object({ workerId: z.string().regex(/^w_[0-9a-f-]{36}$/, '不是台账记录编号') });
const batchIdParams = z.object({ batchId: z.string().regex(/^b_[0-9a-f-]{36}$/, '不是发放批次编号') });
/** An employer's corporate account as it is shown: the bank, and the number masked to its last four digits. */
const employerAccountView = z.object({ kind: z.literal('corporateAccount'), bankName: z.string(), numberMasked: z.string() });
/** Any account as staff see it: kind, bank, mask. */
const maskedAccountSchema = z.object({
  kind: z.enum(['bankCard', 'socialSecurityCard', 'corporateAccount']),
  bankName: z.string().optional(),
  numberMasked: z.string(),
});
/** True when what was entered changes an account in force: it waits for a second person (变更待确认). */
const pendingSchema = z.boolean();

/** Yuan with two decimals, as banks take amounts: 66600 → "666.00" (integer arithmetic). */
const bankAmount = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

export function paymentRoutes(ctx: AppContext): AnyRoute[] {
  /** Paying is the county's (旗县人社局) business, and only for an officer given the duty 发放. */
  async function payer(principal: Principal): Promise<StaffMember> {
    if (!(principal.role === 'admin' || (principal.regionCode && principal.regionCode.length <= 6))) {
      throw new Forbidden('补贴发放由旗县人社局办理', 'Payments are made at county level or above.');
    }
    const member = await staffMember(ctx, principal);
    requireDuty(member, 'pay', '您的账号没有发放补贴的职责，请由负责发放的工作人员办理');
    return member;
  }

  /**
   * Reserves every approved claim of the region this payer may pay into the batch; says
   * which it left out and why. Claims already in a batch (this one, on a retry) are passed.
   */
  async function reserveAll(batchId: string, regionCode: string, member: StaffMember): Promise<PaymentBatch['skipped']> {
    const skipped: PaymentBatch['skipped'] = [];
    for (const claim of await approvedClaims(regionCode)) {
      if (claim.paymentBatchId) continue;
      const [record, person] = await Promise.all([ctx.payments.record(claim.beneficiary), beneficiaryPerson(ctx, claim)]);
      const ownHousehold = isOwnHousehold(member.household, person);
      const obstacle = paymentObstacle(claim, record, { userId: member.userId, ownHousehold });
      if (obstacle || !record) {
        skipped.push({ claimId: claim.claimId, name: claim.beneficiary.name, reason: obstacle! });
        continue;
      }
      // False when another batch reserved it meanwhile: it is that batch's to pay.
      await ctx.payments.reserve(batchId, claim, record.current, person);
    }
    return skipped;
  }

  /** approved → paid for a claim reserved into the batch; already paid by it (an earlier attempt) is fine. */
  async function payReserved(claimId: string, batchId: string, by: string): Promise<void> {
    const claim = (await ctx.claims.get(claimId))!;
    if (claim.status === 'paid' && claim.paymentBatchId === batchId) return;
    try {
      await ctx.claims.transition(claim, claim.version, {
        to: 'paid',
        by,
        reason: `发放批次 ${batchId}`,
        paymentBatchId: batchId,
      });
    } catch (error) {
      const now = error instanceof DomainError && error.code === 'CONFLICT' ? await ctx.claims.get(claimId) : undefined;
      if (now?.status !== 'paid' || now.paymentBatchId !== batchId) throw error;
    }
  }

  async function approvedClaims(regionCode: string): Promise<Claim[]> {
    const claims: Claim[] = [];
    let cursor: string | undefined;
    do {
      const page = await ctx.claims.queue(regionCode, 'approved', { limit: 100, ...(cursor ? { cursor } : {}) });
      claims.push(...page.claims);
      cursor = page.nextCursor;
    } while (cursor);
    return claims;
  }

  return [
    defineRoute({
      method: 'put',
      path: '/api/v1/registry/workers/:workerId/payout-account',
      summary: 'Staff: the bank card or social security card a worker’s subsidies are paid to (audited; shown masked)',
      tag: 'subsidies',
      access: STAFF,
      scope: { kind: 'object', entity: 'worker', field: 'params.workerId', id: ({ params }) => params.workerId },
      params: workerIdParams,
      body: payoutAccountSchema,
      response: z.object({ kind: z.enum(WORKER_PAYOUT_KINDS), numberMasked: z.string(), pending: pendingSchema }),
      rateLimit: { perUser: perHour(100), perIp: perHour(500) },
      handler: async ({ object, principal, body }) => {
        const worker = object;
        const { pending } = await ctx.payments.setAccount({ kind: 'worker', workerId: worker.workerId }, body, principal.userId);
        const what = pending ? `变更${PAYOUT_KIND_ZH[body.kind]}（待另一位工作人员确认）` : `登记${PAYOUT_KIND_ZH[body.kind]}`;
        await batchPut(ctx.table, [auditItem(principal, worker.workerId, 'payoutAccount', what)]);
        return { kind: body.kind, numberMasked: maskAccount(body.number), pending };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/api/v1/registry/workers/:workerId/payout-account',
      summary: 'Staff: the worker’s account in force and a change waiting for confirmation, masked, with who entered each',
      tag: 'subsidies',
      access: STAFF,
      scope: { kind: 'object', entity: 'worker', field: 'params.workerId', id: ({ params }) => params.workerId },
      params: workerIdParams,
      response: z.object({
        account: maskedAccountSchema.extend({ setBy: z.string() }).nullable(),
        pending: maskedAccountSchema.extend({ setBy: z.string() }).nullable(),
      }),
      handler: async ({ object: worker }) => {
        const record = await ctx.payments.record({ kind: 'worker', workerId: worker.workerId });
        const shown = (account: NonNullable<typeof record>['current'] | undefined) =>
          account ? { ...accountView(account), setBy: account.setBy } : null;
        return { account: shown(record?.current), pending: shown(record?.pending) };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/api/v1/registry/workers/:workerId/payout-account/confirm',
      summary: 'Staff (not who entered it): put a change of the worker’s card in force (audited)',
      tag: 'subsidies',
      access: STAFF,
      scope: { kind: 'object', entity: 'worker', field: 'params.workerId', id: ({ params }) => params.workerId },
      params: workerIdParams,
      response: maskedAccountSchema,
      rateLimit: { perUser: perHour(100), perIp: perHour(500) },
      handler: async ({ object: worker, principal }) => {
        const account = await ctx.payments.confirmChange({ kind: 'worker', workerId: worker.workerId }, principal.userId);
        await batchPut(ctx.table, [
          auditItem(principal, worker.workerId, 'payoutAccount', `确认变更${PAYOUT_KIND_ZH[account.kind]}`),
        ]);
        return accountView(account);
      },
    }),

    defineRoute({
      method: 'post',
      path: '/api/v1/employers/:employerId/payout-account/confirm',
      summary: 'Staff in scope: put a change of an employer’s corporate account in force',
      tag: 'subsidies',
      access: STAFF,
      scope: { kind: 'object', entity: 'employer', field: 'params.employerId', id: ({ params }) => params.employerId },
      params: z.object({ employerId: z.string().regex(/^e_[0-9a-f-]{36}$/, '不是单位编号') }),
      response: maskedAccountSchema,
      rateLimit: { perUser: perHour(100), perIp: perHour(500) },
      handler: async ({ object: employer, principal }) =>
        accountView(await ctx.payments.confirmChange({ kind: 'employer', employerId: employer.employerId }, principal.userId)),
    }),

    defineRoute({
      method: 'put',
      path: '/api/v1/me/employer/payout-account',
      summary: 'Employer or agency: the corporate account (对公账户) its subsidies are paid to (shown masked)',
      tag: 'subsidies',
      access: ['employer'],
      scope: { kind: 'self' },
      body: employerPayoutAccountSchema,
      response: employerAccountView.extend({ pending: pendingSchema }),
      rateLimit: { perUser: perHour(10), perIp: perHour(100) },
      handler: async ({ principal, body }) => {
        const employer = await ownEmployer(ctx, principal);
        const { pending } = await ctx.payments.setAccount(
          { kind: 'employer', employerId: employer.employerId },
          body,
          principal.userId,
        );
        return { kind: body.kind, bankName: body.bankName, numberMasked: maskAccount(body.number), pending };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/api/v1/me/employer/payout-account',
      summary: 'Employer or agency: its corporate account on file (bank and masked number), or null when none is',
      tag: 'subsidies',
      access: ['employer'],
      scope: { kind: 'self' },
      response: z.object({ account: employerAccountView.nullable(), pending: employerAccountView.nullable() }),
      handler: async ({ principal }) => {
        const employer = await ownEmployer(ctx, principal);
        const record = await ctx.payments.record({ kind: 'employer', employerId: employer.employerId });
        // Only a corporate account is ever stored for an employer; the full number never leaves.
        const shown = (account: NonNullable<typeof record>['current'] | undefined) =>
          account?.kind === 'corporateAccount' && account.bankName
            ? { kind: account.kind, bankName: account.bankName, numberMasked: account.numberMasked }
            : null;
        return { account: shown(record?.current), pending: shown(record?.pending) };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/api/v1/claims/payments',
      summary: 'County staff: pay every approved claim of a region in one batch, each exactly once (a retry returns the batch)',
      tag: 'subsidies',
      access: STAFF,
      scope: { kind: 'region', field: 'body.regionCode', region: ({ body }) => body.regionCode },
      body: z.strictObject({
        regionCode: countyOrFinerSchema,
        idempotencyKey: z.uuid('应为 UUID'),
      }),
      response: z.object({ batch: paymentBatchSchema }),
      rateLimit: { perUser: perHour(10), perIp: perHour(100) },
      handler: async ({ principal, body }) => {
        const member = await payer(principal);
        const batchId = `b_${body.idempotencyKey}`;
        let batch = await ctx.payments.start(batchId, body.regionCode, principal.userId);
        // A retry resumes its own batch: the same region, the same payer.
        if (batch.regionCode !== body.regionCode || batch.createdBy !== principal.userId) {
          throw new Conflict(
            '这个编号已用于另一批发放，请重新发起',
            'That key belongs to another payment batch.',
            'body.idempotencyKey',
          );
        }
        if (batch.state === 'reserving')
          batch = await ctx.payments.file(batchId, await reserveAll(batchId, body.regionCode, member));
        // The file is fixed now (the reserved set); only its claims become paid.
        if (batch.state === 'filed') {
          for (const row of await ctx.payments.reservations(batchId)) await payReserved(row.claimId, batchId, principal.userId);
          batch = await ctx.payments.finish(batchId);
        }
        return { batch: ctx.payments.view(batch, await ctx.payments.reservations(batchId)) };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/api/v1/claims/payments/:batchId/file',
      summary: 'County staff: the batch as a CSV for the bank (name, masked ID, card, amount); every download is audited',
      tag: 'subsidies',
      access: STAFF,
      scope: { kind: 'object', entity: 'paymentBatch', field: 'params.batchId', id: ({ params }) => params.batchId },
      raw: CSV,
      params: batchIdParams,
      response: z.unknown(),
      rateLimit: { perUser: perHour(30), perIp: perHour(300) },
      handler: async ({ principal, object: batch, res }) => {
        await payer(principal);
        const rows: string[] = [
          ['序号', '姓名或单位', '身份证号', '账户类型', '账号', '金额（元）', '补贴', '申领编号'].join(','),
        ];
        const audits: Record<string, unknown>[] = [];
        // The rows as they were reserved: what was checked is what the bank gets.
        for (const [i, row] of (await ctx.payments.reservations(batch.batchId)).entries()) {
          const account = await ctx.payments.open(row.account);
          // A person's ID and card leave the system here: each download is on their record.
          if (row.workerId) audits.push(auditItem(principal, row.workerId, 'payoutAccount', `下载发放文件 ${batch.batchId}`));
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
        await batchPut(ctx.table, audits);
        res.status(200);
        res.setHeader('content-type', CSV);
        res.setHeader('content-disposition', `attachment; filename="payment-${batch.batchId}.csv"`);
        // A byte-order mark, so spreadsheet programs read the Chinese as UTF-8.
        res.end(`\uFEFF${rows.join('\r\n')}\r\n`);
        return undefined;
      },
    }),
  ];
}

import { z } from 'zod';
import {
  claimSchema,
  maskAccount,
  paymentBatchSchema,
  PAYOUT_KIND_ZH,
  perHour,
  WORKER_PAYOUT_KINDS,
  employerPayoutAccountSchema,
  payoutAccountSchema,
  regionCodeSchema,
  type Claim,
  type PaymentBatch,
  type Principal,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { requireRegionScope } from '../auth/scope.js';
import { batchPut } from '../db/batchWrite.js';
import { ApiError, notFound } from '../http/apiError.js';
import { defineRoute, type AnyRoute } from '../http/route.js';
import { ownEmployer } from '../positions/access.js';
import { STAFF, workerInScope } from '../registry/access.js';
import { auditItem } from '../registry/audit.js';

const CSV = 'text/csv; charset=utf-8';
const workerIdParams = z.object({ workerId: z.string().regex(/^w_[0-9a-f-]{36}$/, '不是台账记录编号') });
const batchIdParams = z.object({ batchId: z.string().regex(/^b_[0-9a-f-]{36}$/, '不是发放批次编号') });
/** An employer's corporate account as it is shown: the bank, and the number masked to its last four digits. */
const employerAccountView = z.object({ kind: z.literal('corporateAccount'), bankName: z.string(), numberMasked: z.string() });

/** One CSV field: quoted when it holds a comma, a quote or a line break. */
const field = (value: string | number) => {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Yuan with two decimals, as banks take amounts: 66600 → "666.00" (integer arithmetic). */
const bankAmount = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** Paying is the county's (旗县人社局) business, or an admin's. */
function requirePayer(principal: Principal): void {
  if (principal.role === 'admin' || (principal.regionCode && principal.regionCode.length <= 6)) return;
  throw new ApiError('FORBIDDEN', '补贴发放由旗县人社局办理', 'Payments are made at county level or above.');
}

export function paymentRoutes(ctx: AppContext): AnyRoute[] {
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
      params: workerIdParams,
      body: payoutAccountSchema,
      response: z.object({ kind: z.enum(WORKER_PAYOUT_KINDS), numberMasked: z.string() }),
      rateLimit: { perUser: perHour(100), perIp: perHour(500) },
      handler: async ({ principal, params, body }) => {
        const worker = await workerInScope(ctx, principal, params.workerId);
        await ctx.payments.setAccount({ kind: 'worker', workerId: worker.workerId }, body, principal.userId);
        await batchPut(ctx.table, [auditItem(principal, worker.workerId, 'payoutAccount', `登记${PAYOUT_KIND_ZH[body.kind]}`)]);
        return { kind: body.kind, numberMasked: maskAccount(body.number) };
      },
    }),

    defineRoute({
      method: 'put',
      path: '/api/v1/me/employer/payout-account',
      summary: 'Employer or agency: the corporate account (对公账户) its subsidies are paid to (shown masked)',
      tag: 'subsidies',
      access: ['employer'],
      body: employerPayoutAccountSchema,
      response: employerAccountView,
      rateLimit: { perUser: perHour(10), perIp: perHour(100) },
      handler: async ({ principal, body }) => {
        const employer = await ownEmployer(ctx, principal);
        await ctx.payments.setAccount({ kind: 'employer', employerId: employer.employerId }, body, principal.userId);
        return { kind: body.kind, bankName: body.bankName, numberMasked: maskAccount(body.number) };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/api/v1/me/employer/payout-account',
      summary: 'Employer or agency: its corporate account on file (bank and masked number), or null when none is',
      tag: 'subsidies',
      access: ['employer'],
      response: z.object({ account: employerAccountView.nullable() }),
      handler: async ({ principal }) => {
        const employer = await ownEmployer(ctx, principal);
        const account = await ctx.payments.account({ kind: 'employer', employerId: employer.employerId });
        // Only a corporate account is ever stored for an employer; the full number never leaves.
        if (!account || account.kind !== 'corporateAccount') return { account: null };
        return { account: { kind: account.kind, bankName: account.bankName, numberMasked: maskAccount(account.number) } };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/api/v1/claims/payments',
      summary: 'County staff: pay every approved claim of a region in one batch, each exactly once (a retry returns the batch)',
      tag: 'subsidies',
      access: STAFF,
      body: z.strictObject({
        regionCode: regionCodeSchema.refine((code) => code.length >= 6, '请选择一个旗县或更细的区域（至少 6 位代码）'),
        idempotencyKey: z.uuid('应为 UUID'),
      }),
      response: z.object({ batch: paymentBatchSchema }),
      rateLimit: { perUser: perHour(10), perIp: perHour(100) },
      handler: async ({ principal, body }) => {
        requireRegionScope(principal, STAFF, body.regionCode, 'body.regionCode');
        requirePayer(principal);
        const batchId = `b_${body.idempotencyKey}`;
        if (!(await ctx.payments.start(batchId, body.regionCode, principal.userId))) {
          const existing = await ctx.payments.batch(batchId);
          if (!existing) throw new ApiError('CONFLICT', '这批发放正在生成，请稍后刷新', 'The batch is being made.');
          return { batch: existing };
        }
        const batch: PaymentBatch = {
          batchId,
          regionCode: body.regionCode,
          createdBy: principal.userId,
          createdAt: new Date().toISOString(),
          claimIds: [],
          count: 0,
          totalFen: 0,
          skipped: [],
        };
        for (const claim of await approvedClaims(body.regionCode)) {
          if (!(await ctx.payments.account(claim.beneficiary))) {
            const missing = claim.beneficiary.kind === 'worker' ? '没有登记银行卡或社保卡' : '单位没有登记对公账户';
            batch.skipped.push({ claimId: claim.claimId, name: claim.beneficiary.name, reason: missing });
            continue;
          }
          try {
            await ctx.claims.transition(claim, claim.version, {
              to: 'paid',
              by: principal.userId,
              reason: `发放批次 ${batchId}`,
              paymentBatchId: batchId,
            });
          } catch (error) {
            if (error instanceof ApiError && error.code === 'CONFLICT') continue; // another batch paid it first
            throw error;
          }
          batch.claimIds.push(claim.claimId);
          batch.count++;
          batch.totalFen += claim.amountFen;
        }
        await ctx.payments.finish(batch);
        return { batch };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/api/v1/claims/payments/:batchId/file',
      summary: 'County staff: the batch as a CSV for the bank (name, masked ID, card, amount); every download is audited',
      tag: 'subsidies',
      access: STAFF,
      raw: CSV,
      params: batchIdParams,
      response: z.unknown(),
      rateLimit: { perUser: perHour(30), perIp: perHour(300) },
      handler: async ({ principal, params, res }) => {
        const batch = await ctx.payments.batch(params.batchId);
        if (!batch) throw notFound('没有这个发放批次', 'No such payment batch.');
        requireRegionScope(principal, STAFF, batch.regionCode, 'params.batchId');
        requirePayer(principal);
        const rows: string[] = [
          ['序号', '姓名或单位', '身份证号', '账户类型', '账号', '金额（元）', '补贴', '申领编号'].join(','),
        ];
        const audits: Record<string, unknown>[] = [];
        for (const [i, claimId] of batch.claimIds.entries()) {
          const claim = claimSchema.parse(await ctx.claims.get(claimId));
          const { beneficiary } = claim;
          const [worker, account] = await Promise.all([
            beneficiary.kind === 'worker' ? ctx.workers.getItem(beneficiary.workerId) : undefined,
            ctx.payments.account(beneficiary),
          ]);
          // A person's ID and card leave the system here: each download is on their record.
          if (beneficiary.kind === 'worker') {
            audits.push(auditItem(principal, beneficiary.workerId, 'payoutAccount', `下载发放文件 ${batch.batchId}`));
          }
          rows.push(
            [
              i + 1,
              claim.beneficiary.name,
              worker?.idNumberMasked ?? '',
              account ? `${PAYOUT_KIND_ZH[account.kind]}${'bankName' in account ? `（${account.bankName}）` : ''}` : '',
              account?.number ?? '',
              bankAmount(claim.amountFen),
              claim.item ? `${claim.name}（${claim.item}）` : claim.name,
              claim.claimId,
            ]
              .map(field)
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

/**
 * 创业担保贷款贴息, per month. File 003 §三(九): "按规定落实……创业担保贷款及贴息"; file 004
 * §二(三): "加大返乡农牧民、入乡留乡等创业人员创业担保贷款支持力度……将农牧民合伙创业贷款额度上限提高10%".
 * The loan cap and the subsidised rate are local ("按规定"): each region sets them; the
 * +10% for partnerships is the document's.
 *
 * Computation (integer fen): the subsidised principal is the loan, at most the cap — for a
 * partnership cap × (10000 + uplift in basis points) / 10000, rounded down; one month's
 * subsidy is principal × rate in basis points / (10000 × 12), rounded down to the fen.
 * Ratios are read as whole basis points (rounded to the nearest). A month is subsidised
 * when the loan is outstanding on its first day and has been repaid on schedule.
 * Per month, so that a claim lines up with the engine's months and a registry exit stops
 * the subsidy from the next month exactly.
 */
import type { Rule } from '../engine.js';
import type { Reference } from '../parameters.js';
import { registeredPersonOf } from './personFacts.js';
import { localStandard, notPaid, setByDocuments } from './ruleParts.js';
import { inStartupGroups } from './startupOnce.js';
import { formatYuan } from '../../money.js';
import { cite } from '../../policy/documents.js';

const reference: Reference = cite('003', '三、(九)');
const partnershipReference: Reference = cite('004', '二、(三)');

const BASIS = 10_000;
const basisPoints = (ratio: number) => Math.round(ratio * BASIS);

export const startupLoanInterest: Rule = {
  id: 'startup_loan_interest',
  beneficiary: 'worker',
  grants: [
    { policy: '003', section: '三、(九)' },
    { policy: '002', section: '三、(九)' },
    { policy: '001', section: '二、第7项' },
  ],
  parameters: {
    startupLoanCapFen: localStandard('个人创业担保贷款额度上限', 'fen', reference),
    startupLoanInterestRate: localStandard('创业担保贷款财政贴息年利率', 'ratio', reference),
    // File 004 (Baotou's 2023 plan) raises a partnership's cap by 10% in Baotou; elsewhere, and before, no uplift.
    startupLoanPartnershipUplift: setByDocuments('农牧民合伙创业贷款额度上限提高', 'ratio', partnershipReference, {
      '': [{ from: '2021-01-01', value: 0 }],
      '1502': [{ from: '2023-01-01', value: 0.1, policy: '004' }],
    }),
  },
  evaluate(ctx) {
    const periodKey = ctx.period;
    const no = notPaid(periodKey);
    const person = registeredPersonOf(ctx);
    const loan = ctx.facts.startup?.loan;
    if (!loan) ctx.need('startup.loan', '需要提供创业担保贷款的金额、期限和还款情况');
    if (!person || !loan) return no;

    if (!inStartupGroups(ctx, person, '创业担保贷款贴息', reference)) return no;
    ctx.fact(
      `创业担保贷款 ${formatYuan(loan.principalFen)}，${loan.startedOn} 至 ${loan.endsOn}${loan.partnership ? '，合伙创业' : ''}`,
      'startup.loan',
      loan.principalFen,
    );
    if (!(loan.startedOn <= ctx.date && ctx.date < loan.endsOn)) {
      ctx.rule(`${ctx.date} 不在贷款期内，只对贷款期内的月份贴息`);
      return no;
    }
    ctx.fact(loan.repaidOnSchedule ? '一直按期还款' : '没有按期还款', 'startup.loan.repaidOnSchedule', loan.repaidOnSchedule);
    if (!loan.repaidOnSchedule) {
      ctx.rule('没有按期还款的，不予贴息');
      return no;
    }
    const cap = ctx.param('startupLoanCapFen');
    const rate = ctx.param('startupLoanInterestRate');
    if (cap === undefined || rate === undefined) return no;
    let capFen = cap;
    if (loan.partnership) {
      const uplift = ctx.param('startupLoanPartnershipUplift');
      if (uplift !== undefined && uplift > 0) {
        capFen = Math.floor((cap * (BASIS + basisPoints(uplift))) / BASIS);
        ctx.rule(`合伙创业贷款额度上限提高 ${basisPoints(uplift) / 100}%，为 ${formatYuan(capFen)}`, partnershipReference);
      }
    }
    const principal = Math.min(loan.principalFen, capFen);
    if (principal < loan.principalFen) ctx.rule(`超过额度上限的部分不贴息，按 ${formatYuan(principal)} 计算`);
    const amountFen = Math.floor((principal * basisPoints(rate)) / (BASIS * 12));
    ctx.rule(`每月贴息 = ${formatYuan(principal)} × ${basisPoints(rate) / 100}% ÷ 12，不足一分的舍去`);
    return { eligible: amountFen > 0, amountFen, periodKey };
  },
};

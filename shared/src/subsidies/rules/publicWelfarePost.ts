/**
 * 公益性岗位补贴, per month on post. File 000 §二(四): "按需设岗、以岗聘用、在岗领补、有序退岗"
 * — the subsidy is for months on post; "根据岗位职责任务、劳动时间、劳动强度等因素，合理分类确定补贴标准"
 * — local amounts by kind of post (here full-time or part-time, set by each region); "取消年龄、残疾等不合理
 * 招用限制" — so no age or disability test here. File 003 §三(八): "落实监管责任、考勤考核、补贴发放……
 * 及时纠正查处不履职取酬" and "依法签订劳动合同或劳务协议……每次签订期限不超过1年".
 *
 * Our reading of 在岗领补 with attendance: a month is paid in proportion to the days on
 * post, min(daysWorked, daysRequired) / daysRequired of the monthly amount, rounded down
 * to the fen; a month with no day on post pays nothing (不履职不取酬). A contract longer
 * than the 12 months the documents allow covers only its first 12 months: later months
 * need a new contract before they are paid.
 */
import type { Rule } from '../engine.js';
import type { Reference } from '../parameters.js';
import { localStandard, notPaid, setByDocuments } from './ruleParts.js';
import { cite } from '../../policy/documents.js';

const reference: Reference = cite('000', '二、(四)');
const contractReference: Reference = cite('003', '三、(八)');

/** The date `months` months after an ISO date (same day of month, clamped to the month's end). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export const publicWelfarePost: Rule = {
  id: 'public_welfare_post',
  beneficiary: 'worker',
  grants: [
    { policy: '000', section: '二、(四)' },
    { policy: '003', section: '三、(八)' },
    { policy: '001', section: '二、第6项' },
  ],
  parameters: {
    publicWelfarePostFullTimeMonthlyFen: localStandard('全日制乡村公益性岗位补贴（每月）', 'fen', reference),
    publicWelfarePostPartTimeMonthlyFen: localStandard('非全日制乡村公益性岗位补贴（每月）', 'fen', reference),
    publicWelfarePostMaxContractMonths: setByDocuments(
      '公益性岗位每次签订劳动合同或劳务协议的最长期限',
      'months',
      contractReference,
      {
        // File 003's term, in Jiangxi; the other documents set no length.
        '36': [{ from: '2021-07-27', value: 12, policy: '003' }],
      },
    ),
  },
  evaluate(ctx) {
    const periodKey = ctx.period;
    const no = notPaid(periodKey);
    const post = ctx.facts.publicWelfarePost;
    if (!post) {
      ctx.need('publicWelfarePost', '需要提供公益性岗位的聘用情况');
      return no;
    }
    ctx.fact(
      `${post.fullTime ? '全日制' : '非全日制'}公益性岗位「${post.category}」，合同 ${post.contractStartedOn} 至 ${post.contractEndsOn}`,
      'publicWelfarePost',
      post.category,
    );
    const monthStart = ctx.date;
    const monthEnd = addMonths(monthStart, 1);
    if (post.contractStartedOn >= monthEnd || post.contractEndsOn < monthStart) {
      ctx.rule(`${ctx.period} 不在合同期内，在岗才领补贴`, reference);
      return no;
    }
    const maxMonths = ctx.term('publicWelfarePostMaxContractMonths');
    const coveredUntil = maxMonths === undefined ? undefined : addMonths(post.contractStartedOn, maxMonths);
    if (coveredUntil !== undefined && monthStart >= coveredUntil) {
      ctx.rule(
        `每次签订期限不超过 ${maxMonths} 个月，这份合同只管到 ${coveredUntil} 以前；${ctx.period} 需要重新签订合同或协议`,
        contractReference,
      );
      return no;
    }
    const attendance = post.attendance.find((a) => a.month === ctx.period);
    if (!attendance) {
      ctx.need('publicWelfarePost.attendance', `需要提供 ${ctx.period} 的考勤`);
      return no;
    }
    ctx.fact(
      `${ctx.period} 出勤 ${attendance.daysWorked} 天，应出勤 ${attendance.daysRequired} 天`,
      'publicWelfarePost.attendance',
      `${attendance.daysWorked}/${attendance.daysRequired}`,
      attendance,
    );
    if (attendance.daysRequired === 0) {
      ctx.rule(`${ctx.period} 没有应出勤的天数，不发补贴`);
      return no;
    }
    if (attendance.daysWorked === 0) {
      ctx.rule(`${ctx.period} 没有在岗，不履职不领补贴`, contractReference);
      return no;
    }
    const monthly = ctx.param(post.fullTime ? 'publicWelfarePostFullTimeMonthlyFen' : 'publicWelfarePostPartTimeMonthlyFen');
    if (monthly === undefined) return no;
    const days = Math.min(attendance.daysWorked, attendance.daysRequired);
    if (days < attendance.daysRequired) {
      ctx.rule(`在岗领补：按出勤天数折算，${days}/${attendance.daysRequired} 个月，不足一分的舍去`, reference);
    }
    return { eligible: true, amountFen: Math.floor((monthly * days) / attendance.daysRequired), periodKey };
  },
};

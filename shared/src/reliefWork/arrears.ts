/**
 * 欠薪防控预警 on 以工代赈 wage sheets (file 004 §二(七): "搭建工程建设领域欠薪防控预警平台……依法严厉
 * 打击恶意欠薪等违法行为"): a wage the person has confirmed and that stays unpaid past a number of
 * days, and every wage the person says is wrong, are raised to staff with the amount. Pure: the
 * repository reads the lines and this decides.
 */
import { formatYuan } from '../money.js';
import { cite } from '../policy/documents.js';
import { chinaDate, daysBetween } from '../registry/employment.js';
import type { Reference } from '../subsidies/parameters.js';
import type { ReliefWageLine } from './wageSheet.js';

export const ARREARS_REFERENCE: Reference = cite('004', '二、(七)');

export interface ArrearsFinding {
  workerId: string;
  name: string;
  month: string;
  payFen: number;
  kind: 'confirmedUnpaid' | 'disputed' | 'notReceived';
  /** Whole days since the person confirmed (or disputed) the line, China time. */
  sinceDays?: number;
  text: string;
}

/**
 * Lines to raise on `today` (an ISO date, China time): confirmed and unpaid more than
 * `unpaidAfterDays` days after the day of confirmation, disputed whatever their age, and paid by
 * the contractor's record but not received by the person's. In the lines' order.
 */
export function arrearsFindings(inputs: {
  lines: readonly Pick<
    ReliefWageLine,
    'workerId' | 'name' | 'month' | 'payFen' | 'status' | 'confirmation' | 'dispute' | 'payment' | 'receipt'
  >[];
  today: string;
  unpaidAfterDays: number;
}): ArrearsFinding[] {
  const findings: ArrearsFinding[] = [];
  for (const line of inputs.lines) {
    const base = { workerId: line.workerId, name: line.name, month: line.month, payFen: line.payFen };
    const wage = `${line.month} 的劳务报酬 ${formatYuan(line.payFen)}`;
    if (line.status === 'confirmed' && line.confirmation) {
      const confirmedOn = chinaDate(new Date(line.confirmation.at));
      const sinceDays = daysBetween(confirmedOn, inputs.today);
      if (sinceDays > inputs.unpaidAfterDays) {
        findings.push({
          ...base,
          kind: 'confirmedUnpaid',
          sinceDays,
          text: `${line.name} ${wage}，本人 ${confirmedOn} 已确认，${sinceDays} 天了还没有发放`,
        });
      }
    } else if (line.status === 'disputed') {
      const disputedOn = line.dispute ? chinaDate(new Date(line.dispute.at)) : undefined;
      findings.push({
        ...base,
        kind: 'disputed',
        ...(disputedOn ? { sinceDays: daysBetween(disputedOn, inputs.today) } : {}),
        text: `${line.name} 对${wage}有异议${disputedOn ? `（${disputedOn}）` : ''}：${line.dispute?.note ?? '没有说明'}`,
      });
    } else if (line.status === 'paid' && line.receipt?.received === false) {
      const saidOn = chinaDate(new Date(line.receipt.at));
      findings.push({
        ...base,
        kind: 'notReceived',
        sinceDays: daysBetween(saidOn, inputs.today),
        text: `${line.name} ${wage}，施工单位登记 ${line.payment?.paidOn ?? ''} 已发放，本人 ${saidOn} 说没有收到${
          line.receipt.note ? `：${line.receipt.note}` : ''
        }`,
      });
    }
  }
  return findings;
}

export interface ArrearsSummary {
  /** People with at least one finding. */
  workers: number;
  /** The amount of all findings, disputed lines included. */
  amountFen: number;
  disputed: number;
}

export function arrearsSummary(findings: readonly ArrearsFinding[]): ArrearsSummary {
  return {
    workers: new Set(findings.map((f) => f.workerId)).size,
    amountFen: findings.reduce((sum, f) => sum + f.payFen, 0),
    disputed: findings.filter((f) => f.kind === 'disputed').length,
  };
}

/**
 * 就业创业服务补助 (file 004 §(一)): HR agencies and labour brokers that organise rural
 * workers' transfer across county, city or province, where the worker works 6 months or
 * more in the year and it is their first transfer out, get 300 / 500 / 800 yuan per person.
 */
import type { Outcome, Rule } from '../engine.js';
import type { Reference } from '../parameters.js';
import { notPaid, setByDocuments } from './ruleParts.js';
import { cite } from '../../policy/documents.js';

const reference: Reference = cite('004', '二、(一)');

/**
 * A transfer's period key: the year and the worker. "首次输出" pays once per person, so a claim
 * also takes the person (claimRepository's once-per-person item): no second year, no second agency.
 */
export const transferPeriodKey = (year: string, workerId: string) => `${year}:${workerId}`;
/** The worker a transfer's period key is about. */
export const transferredWorkerOf = (periodKey: string) => periodKey.slice(periodKey.indexOf(':') + 1);
/** The worker a claim takes for good when it is a first transfer's service; undefined for every other subsidy. */
export const firstTransferOf = (claim: { subsidy: string; periodKey: string }) =>
  claim.subsidy === 'agency_transfer_service' ? transferredWorkerOf(claim.periodKey) : undefined;
const CLAIMED_BY_ZH = { byThisAgency: '本机构', byAnotherAgency: '另一家机构' } as const;
const PLACE_ZH = { acrossCounty: '跨旗县区', acrossCity: '跨盟市', acrossProvince: '跨省' } as const;
// File 004 is Baotou's plan: its numbers hold in Baotou (1502), set by the document itself.
const inBaotou = (value: number) => ({ '1502': [{ from: '2023-01-01', value }] });

export const agencyTransferService: Rule = {
  id: 'agency_transfer_service',
  beneficiary: 'agency',
  grants: [{ policy: '004', section: '二、(一)' }],
  parameters: {
    agencyTransferAcrossCountyFen: setByDocuments('跨旗县区转移就业服务补助（每人）', 'fen', reference, inBaotou(30_000)),
    agencyTransferAcrossCityFen: setByDocuments('跨市转移就业服务补助（每人）', 'fen', reference, inBaotou(50_000)),
    agencyTransferAcrossProvinceFen: setByDocuments('跨省转移就业服务补助（每人）', 'fen', reference, inBaotou(80_000)),
    agencyTransferMinMonths: setByDocuments('年度就业时间至少', 'months', reference, inBaotou(6)),
  },
  evaluate(ctx) {
    const year = ctx.period.slice(0, 4);
    const no = notPaid(year);
    const transfers = ctx.facts.agency?.transfers;
    if (!transfers) {
      ctx.need('agency.transfers', '需要提供本年度组织转移就业的人员名单');
      return no;
    }
    const minMonths = ctx.param('agencyTransferMinMonths');
    const amounts = {
      acrossCounty: ctx.param('agencyTransferAcrossCountyFen'),
      acrossCity: ctx.param('agencyTransferAcrossCityFen'),
      acrossProvince: ctx.param('agencyTransferAcrossProvinceFen'),
    };
    if (transfers.length === 0) {
      ctx.rule('本年度没有组织转移就业的人员');
      return no;
    }
    return transfers.map((transfer): Outcome => {
      const item = `${PLACE_ZH[transfer.place]}转移 ${transfer.name ?? transfer.workerId}`;
      const periodKey = transferPeriodKey(year, transfer.workerId);
      ctx.fact(
        `${item}：本年度已就业 ${transfer.monthsEmployedThisYear} 个月${transfer.firstTransfer ? '，首次输出' : '，不是首次输出'}`,
        'agency.transfers',
        transfer.workerId,
      );
      const amount = amounts[transfer.place];
      const eligible =
        transfer.firstTransfer &&
        !transfer.serviceClaimed &&
        minMonths !== undefined &&
        transfer.monthsEmployedThisYear >= minMonths &&
        amount !== undefined;
      if (!transfer.firstTransfer) ctx.rule(`${item}：只补助首次输出`, reference);
      else if (transfer.serviceClaimed) {
        ctx.rule(`${item}：首次输出每人只补助一次，${CLAIMED_BY_ZH[transfer.serviceClaimed]}已经申领过`, reference);
      } else if (minMonths !== undefined && transfer.monthsEmployedThisYear < minMonths) {
        ctx.rule(`${item}：年度就业不满 ${minMonths} 个月，满了以后才能申领`, reference);
      }
      return { eligible, amountFen: eligible ? amount : 0, periodKey, item };
    });
  },
};

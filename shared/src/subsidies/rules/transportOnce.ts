/**
 * 一次性交通补助. File 003 §二(三): "可按规定从衔接推进乡村振兴补助资金中列支对跨省就业的
 * 脱贫人口，特别是防止返贫监测对象给予一次性交通补助，补助标准和方法由各地根据实际情况确定。"
 * File 000 §二(五) asks Inner Mongolia to "落实好税收优惠、社会保险补贴、交通补贴等政策" for
 * 脱贫人口 (含防止返贫监测对象, 000 §一); file 001 第7项 names the 转移就业交通补助.
 *
 * Who: a 脱贫人口 or 监测对象 whose employment records show work in another province
 * (省外) in the year, up to the period. The amount is local: the documents leave
 * "标准和方法" to each region, so each region sets it.
 *
 * Period key: the year. "一次性" pays once for going out, and the documents leave the
 * method to local governments; rural workers go out for work once a year (after the
 * Spring Festival) and the plans count transfers by the calendar year (file 001 一,
 * file 004 一), so the rule pays once a year: every month of work away in the same year is the same
 * going-out and is never paid twice, while going out again next year is helped again.
 */
import { EMPLOYMENT_PLACE_ZH } from '../../registry/labels.js';
import type { Rule } from '../engine.js';
import type { EmploymentMonth } from '../facts.js';
import type { Reference } from '../parameters.js';
import { POVERTY_ALLEVIATED, personIn } from './personFacts.js';
import { localStandard, notPaid, paramInForce } from './ruleParts.js';
import { cite } from '../../policy/documents.js';

const reference: Reference = cite('003', '二、(三)');
const inMongoliaReference: Reference = cite('000', '二、(五)');

export const transportOnce: Rule = {
  id: 'transport_once',
  beneficiary: 'worker',
  grants: [
    { policy: '003', section: '二、(三)' },
    { policy: '000', section: '二、(五)' },
    { policy: '001', section: '二、第7项' },
  ],
  parameters: {
    transportOnceFen: localStandard('跨省就业一次性交通补助', 'fen', reference),
  },
  evaluate(ctx) {
    const year = ctx.period.slice(0, 4);
    const no = notPaid(year);
    if (!personIn(ctx, POVERTY_ALLEVIATED, reference)) return no;

    const inYear = (m: EmploymentMonth) => m.month.startsWith(`${year}-`) && m.month <= ctx.period;
    const isAway = (m: EmploymentMonth) => m.status === 'employed' && m.place === 'acrossProvince';
    const months = ctx.employment.filter(inYear).sort((a, b) => a.month.localeCompare(b.month));
    const away = months.find(isAway);
    if (!away) {
      // The worker's own word waits for an officer's confirmation: nothing is paid on it yet.
      const waiting = ctx.unconfirmed('在省外务工', (m) => inYear(m) && isAway(m));
      for (const text of waiting) ctx.need('employment', text);
      if (waiting.length > 0) return no;
      if (months.length === 0) {
        ctx.need('employment', `需要 ${year} 年的务工记录，才能知道是否到省外务工`);
      } else if (months.some((m) => m.status === 'employed' && !m.place)) {
        ctx.need('employment', '有在岗月份没有填写务工地点，填上才能知道是否到省外务工');
      } else {
        const places = [...new Set(months.map((m) => (m.place ? EMPLOYMENT_PLACE_ZH[m.place] : '未就业')))].join('、');
        ctx.fact(`${year} 年的务工记录：${places}，没有在省外务工`, 'employment', places);
        ctx.rule('一次性交通补助只给跨省务工的人', reference);
      }
      return no;
    }
    ctx.fact(`${away.month} 在省外务工`, 'employment', away.month, away);
    const amount = paramInForce(ctx, 'transportOnceFen', '本地区的一次性交通补助已停止执行', inMongoliaReference);
    if (amount === undefined) return no;
    ctx.rule(`${year} 年到省外务工，每年补助一次`, reference);
    return { eligible: true, amountFen: amount, periodKey: year };
  },
};

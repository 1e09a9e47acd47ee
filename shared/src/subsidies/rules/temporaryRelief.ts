/**
 * 一次性临时救助金. File 002 §三(七) 实施失业人员跟踪帮扶计划: "为符合条件的失业人员及时足额
 * 发放失业保险待遇，为未参保、未纳入低保的生活困难人员协调一次性临时救助金。"
 *
 * Who: a person out of work (the employment record of the period, or of the month before
 * while the village's update for this month is not in yet: file 003 §(十九) has villages
 * report by the 15th), not insured (未参保: an insured person gets 失业保险待遇 instead),
 * and not on 低保 (未纳入低保). Whether life is hard (生活困难) is not a fact the system
 * holds: everyone in the registry is a 帮扶对象, and the officer approving the claim judges it.
 *
 * Period key: the year. "一次性" is one lump sum for a spell of hardship, not once in a life:
 * the plan follows the unemployed month by month for four years (2022–2025) and nothing
 * in it bars helping someone who is out of work again later; one a year keeps a spell
 * from being paid twice. The amount is local (set by each region); the plan
 * runs "2022—2025年" and holds no longer (the policy's dates, not the amount's) unless a
 * region continues it.
 */
import type { Rule } from '../engine.js';
import type { Reference } from '../parameters.js';
import { previousMonth } from '../../registry/employment.js';
import { personOf } from './personFacts.js';
import { localStandard, notPaid, paramInForce } from './ruleParts.js';
import { cite } from '../../policy/documents.js';

const reference: Reference = cite('002', '三、(七)');

export const temporaryRelief: Rule = {
  id: 'temporary_relief',
  beneficiary: 'worker',
  grants: [{ policy: '002', section: '三、(七)' }],
  parameters: {
    temporaryReliefFen: localStandard('一次性临时救助金', 'fen', reference),
  },
  evaluate(ctx) {
    const year = ctx.period.slice(0, 4);
    const no = notPaid(year);
    const person = personOf(ctx);
    if (!person) return no;

    // Every condition that is known and fails says no; only when none fails do missing facts matter.
    const fails: string[] = [];
    const needs: [string, string][] = [];
    const months = [ctx.period, previousMonth(ctx.period)];
    const record = ctx.employment.filter((m) => months.includes(m.month)).sort((a, b) => b.month.localeCompare(a.month))[0];
    if (!record) {
      // A month the worker reported themselves waits for an officer's confirmation.
      const waiting = ctx.unconfirmed('没有工作', (m) => months.includes(m.month) && m.status === 'notEmployed');
      if (waiting.length === 0) waiting.push(`需要 ${ctx.period} 或上个月的就业情况，才能知道是否失业`);
      for (const text of waiting) needs.push(['employment', text]);
    } else {
      ctx.fact(`${record.month}：${record.status === 'employed' ? '在岗务工' : '没有工作'}`, 'employment', record.status, record);
      if (record.status === 'employed') fails.push('一次性临时救助金给失业的人');
    }
    if (person.insured === undefined) needs.push(['person.insured', '需要知道是否参加了社会保险']);
    else {
      ctx.fact(person.insured ? '已参加社会保险' : '没有参加社会保险', 'person.insured', person.insured);
      if (person.insured) fails.push('参加了保险的失业人员领失业保险待遇，不发临时救助金');
    }
    if (person.onMinimumLiving === undefined) needs.push(['person.onMinimumLiving', '需要知道是否纳入了低保']);
    else {
      ctx.fact(person.onMinimumLiving ? '已纳入低保' : '没有纳入低保', 'person.onMinimumLiving', person.onMinimumLiving);
      if (person.onMinimumLiving) fails.push('已纳入低保的，不发临时救助金');
    }
    if (fails.length > 0) {
      for (const text of fails) ctx.rule(text, reference);
      return no;
    }
    if (needs.length > 0) {
      for (const [key, text] of needs) ctx.need(key, text);
      return no;
    }
    const amount = paramInForce(ctx, 'temporaryReliefFen', '本地区的一次性临时救助金已停止执行', reference);
    if (amount === undefined) return no;
    ctx.rule('失业、未参保、未纳入低保：协调一次性临时救助金，每年一次', reference);
    return { eligible: true, amountFen: amount, periodKey: year };
  },
};

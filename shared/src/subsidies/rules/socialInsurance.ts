/**
 * 社会保险补贴, per month. Two payees, so two rules under the one subsidy id (a rule has
 * one beneficiary, and the engine stops only a worker's subsidies after a registry exit):
 * - employers that hire the groups and insure them (file 001 item 8 "指导企业积极开展岗位补贴、
 *   社保补贴申领工作"; file 003 §三(四) "对符合条件的企业，按规定落实社会保险补贴");
 * - 帮扶对象 in flexible work or self-employment who insure themselves (file 003 §三(十)
 *   "支持帮扶对象在县域城镇地区从事个体经营……按照有关规定给予税费减免、场地支持、社会保险补贴等政策";
 *   "支持帮扶对象通过非全日制、新就业形态等多种形式灵活就业").
 * The documents leave the amounts to local rules ("按规定"): each region sets them, a
 * fixed sum per insured person and month.
 */
import type { Rule } from '../engine.js';
import type { EmploymentMonth } from '../facts.js';
import type { Reference } from '../parameters.js';
import type { WorkerGroup } from '../../registry/labels.js';
import { registeredPersonOf } from './personFacts.js';
import { employerOf, knownFact, localStandard, notPaid, paidFrom } from './ruleParts.js';
import { formatYuan } from '../../money.js';
import { cite } from '../../policy/documents.js';

const employerReference: Reference = cite('003', '三、(四)');
const flexibleReference: Reference = cite('003', '三、(十)');

/**
 * Those who may pay someone's own insurance for them: 帮扶对象 = "脱贫人口和农村低收入人口"
 * (file 003, preamble); 脱贫人口 include the monitored (file 000 §一).
 */
export const ASSISTED_GROUPS: readonly WorkerGroup[] = ['povertyAlleviated', 'monitored', 'ruralLowIncome'];

/** The subsidy to an employer for the insured 帮扶对象 it employs this month. */
export const socialInsuranceEmployer: Rule = {
  id: 'social_insurance',
  beneficiary: 'employer',
  grants: [
    { policy: '003', section: '三、(四)' },
    { policy: '000', section: '二、(五)' },
    { policy: '001', section: '二、第8项' },
  ],
  parameters: {
    socialInsuranceEmployerMonthlyFen: localStandard('单位吸纳帮扶对象社会保险补贴（每人每月）', 'fen', employerReference),
  },
  evaluate(ctx) {
    const no = notPaid(ctx.period);
    const employer = employerOf(ctx);
    if (!employer) return no;
    if (employer.kind === 'publicWelfare') {
      ctx.rule('公益性岗位按公益性岗位补贴发放，这里的社会保险补贴给吸纳帮扶对象的企业', employerReference);
      return no;
    }
    const insured = knownFact(ctx, 'employer.insuredAssistedEmployees', employer.insuredAssistedEmployees, {
      need: '需要提供本月为帮扶对象缴纳社会保险的人数',
      known: (insured) => `本月为 ${insured} 名帮扶对象缴纳了社会保险`,
    });
    if (insured === undefined) return no;
    if (insured === 0) {
      ctx.rule('本月没有为帮扶对象缴纳社会保险');
      return no;
    }
    const perPerson = ctx.param('socialInsuranceEmployerMonthlyFen');
    if (perPerson === undefined) return no;
    ctx.rule(`${insured} 人 × ${formatYuan(perPerson)} = ${formatYuan(insured * perPerson)}`);
    return { eligible: true, amountFen: insured * perPerson, periodKey: ctx.period };
  },
};

/** The subsidy to a 帮扶对象 in flexible work or self-employment who pays their own insurance this month. */
export const socialInsuranceFlexible: Rule = {
  id: 'social_insurance',
  beneficiary: 'worker',
  grants: [
    { policy: '003', section: '三、(十)' },
    { policy: '000', section: '二、(五)' },
  ],
  parameters: {
    socialInsuranceFlexibleMonthlyFen: localStandard('灵活就业帮扶对象社会保险补贴（每月）', 'fen', flexibleReference),
  },
  evaluate(ctx) {
    const no = notPaid(ctx.period);
    const person = registeredPersonOf(ctx);
    if (!person) return no;
    const assisted = person.groups.some((group) => ASSISTED_GROUPS.includes(group));
    ctx.fact(assisted ? '本人是帮扶对象' : '本人不是脱贫人口或农村低收入人口', 'person.groups', person.groups.join(','));
    if (!assisted) {
      ctx.rule('灵活就业社会保险补贴给帮扶对象', flexibleReference);
      return no;
    }
    const isFlexible = (m: EmploymentMonth) => m.status === 'employed' && (m.form === 'flexible' || m.form === 'selfEmployed');
    const month = ctx.employment.find((record) => record.month === ctx.period);
    if (!month) {
      const waiting = ctx.unconfirmed('灵活就业或个体经营', (m) => m.month === ctx.period && isFlexible(m));
      for (const text of waiting) ctx.need('employment', text);
      if (waiting.length === 0) ctx.need('employment', `需要提供 ${ctx.period} 的就业情况`);
      return no;
    }
    const flexible = isFlexible(month);
    ctx.fact(
      flexible ? `${ctx.period} 灵活就业或个体经营` : `${ctx.period} 不是灵活就业或个体经营`,
      'employment',
      month.form ?? month.status,
      month,
    );
    if (!flexible) {
      ctx.rule('只补贴灵活就业、个体经营并自己缴纳社会保险的帮扶对象；在单位就业的，由单位申领', flexibleReference);
      return no;
    }
    const insured = knownFact(ctx, 'person.insured', person.insured, {
      need: '需要提供本月是否缴纳了社会保险',
      known: (insured) => (insured ? '本月自己缴纳了社会保险' : '本月没有缴纳社会保险'),
    });
    if (insured === undefined) return no;
    if (!insured) {
      ctx.rule('缴纳了社会保险才有社会保险补贴');
      return no;
    }
    return paidFrom(ctx, 'socialInsuranceFlexibleMonthlyFen', ctx.period);
  },
};

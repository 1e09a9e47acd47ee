/**
 * 社会保险补贴, per month. Two payees, so two rules under the one subsidy id (a rule has
 * one beneficiary, and the engine stops only a worker's subsidies after a registry exit):
 * - employers that hire the groups and insure them (file 001 item 8 "指导企业积极开展岗位补贴、
 *   社保补贴申领工作"; file 003 §三(四) "对符合条件的企业，按规定落实社会保险补贴");
 * - 帮扶对象 in flexible work or self-employment who insure themselves (file 003 §三(十)
 *   "支持帮扶对象在县域城镇地区从事个体经营……按照有关规定给予税费减免、场地支持、社会保险补贴等政策";
 *   "支持帮扶对象通过非全日制、新就业形态等多种形式灵活就业").
 * The documents leave the amounts to local rules ("按规定"): what ships are examples, a
 * fixed sum per insured person and month.
 */
import type { Rule } from '../engine.js';
import type { EmploymentMonth } from '../facts.js';
import type { Reference } from '../parameters.js';
import { EMPLOYER_KIND_ZH } from '../../positions/labels.js';
import type { WorkerGroup } from '../../registry/labels.js';
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
  reference: employerReference,
  parameters: {
    socialInsuranceEmployerMonthlyFen: {
      definition: {
        label: '单位吸纳帮扶对象社会保险补贴（每人每月）',
        unit: 'fen',
        reference: employerReference,
        fixedByPolicy: false,
      },
      // Example only: 800 yuan per insured person a month, for the region's admins to replace.
      values: { '15': [{ from: '2021-01-01', value: 80_000, example: true }] },
    },
  },
  evaluate(ctx) {
    const periodKey = ctx.period;
    const employer = ctx.facts.employer;
    if (!employer) {
      ctx.need('employer', '需要提供用人单位的情况');
      return { eligible: false, amountFen: 0, periodKey };
    }
    ctx.fact(`单位类型：${EMPLOYER_KIND_ZH[employer.kind]}`, 'employer.kind', employer.kind);
    if (employer.kind === 'publicWelfare') {
      ctx.rule('公益性岗位按公益性岗位补贴发放，这里的社会保险补贴给吸纳帮扶对象的企业', employerReference);
      return { eligible: false, amountFen: 0, periodKey };
    }
    const insured = employer.insuredAssistedEmployees;
    if (insured === undefined) {
      ctx.need('employer.insuredAssistedEmployees', '需要提供本月为帮扶对象缴纳社会保险的人数');
      return { eligible: false, amountFen: 0, periodKey };
    }
    ctx.fact(`本月为 ${insured} 名帮扶对象缴纳了社会保险`, 'employer.insuredAssistedEmployees', insured);
    if (insured === 0) {
      ctx.rule('本月没有为帮扶对象缴纳社会保险');
      return { eligible: false, amountFen: 0, periodKey };
    }
    const perPerson = ctx.param('socialInsuranceEmployerMonthlyFen');
    if (perPerson === undefined) return { eligible: false, amountFen: 0, periodKey };
    ctx.rule(`${insured} 人 × ${formatYuan(perPerson)} = ${formatYuan(insured * perPerson)}`);
    return { eligible: true, amountFen: insured * perPerson, periodKey };
  },
};

/** The subsidy to a 帮扶对象 in flexible work or self-employment who pays their own insurance this month. */
export const socialInsuranceFlexible: Rule = {
  id: 'social_insurance',
  beneficiary: 'worker',
  reference: flexibleReference,
  parameters: {
    socialInsuranceFlexibleMonthlyFen: {
      definition: {
        label: '灵活就业帮扶对象社会保险补贴（每月）',
        unit: 'fen',
        reference: flexibleReference,
        fixedByPolicy: false,
      },
      // Example only: 300 yuan a month, for the region's admins to replace.
      values: { '15': [{ from: '2021-01-01', value: 30_000, example: true }] },
    },
  },
  evaluate(ctx) {
    const periodKey = ctx.period;
    const person = ctx.facts.person;
    if (!person) {
      ctx.need('person', '需要提供本人的登记信息');
      return { eligible: false, amountFen: 0, periodKey };
    }
    const assisted = person.groups.some((group) => ASSISTED_GROUPS.includes(group));
    ctx.fact(assisted ? '本人是帮扶对象' : '本人不是脱贫人口或农村低收入人口', 'person.groups', person.groups.join(','));
    if (!assisted) {
      ctx.rule('灵活就业社会保险补贴给帮扶对象', flexibleReference);
      return { eligible: false, amountFen: 0, periodKey };
    }
    const isFlexible = (m: EmploymentMonth) => m.status === 'employed' && (m.form === 'flexible' || m.form === 'selfEmployed');
    const month = ctx.employment.find((record) => record.month === ctx.period);
    if (!month) {
      const waiting = ctx.unconfirmed('灵活就业或个体经营', (m) => m.month === ctx.period && isFlexible(m));
      for (const text of waiting) ctx.need('employment', text);
      if (waiting.length === 0) ctx.need('employment', `需要提供 ${ctx.period} 的就业情况`);
      return { eligible: false, amountFen: 0, periodKey };
    }
    const flexible = isFlexible(month);
    ctx.fact(
      flexible ? `${ctx.period} 灵活就业或个体经营` : `${ctx.period} 不是灵活就业或个体经营`,
      'employment',
      month.form ?? month.status,
      month.source,
    );
    if (!flexible) {
      ctx.rule('只补贴灵活就业、个体经营并自己缴纳社会保险的帮扶对象；在单位就业的，由单位申领', flexibleReference);
      return { eligible: false, amountFen: 0, periodKey };
    }
    if (person.insured === undefined) {
      ctx.need('person.insured', '需要提供本月是否缴纳了社会保险');
      return { eligible: false, amountFen: 0, periodKey };
    }
    ctx.fact(person.insured ? '本月自己缴纳了社会保险' : '本月没有缴纳社会保险', 'person.insured', person.insured);
    if (!person.insured) {
      ctx.rule('缴纳了社会保险才有社会保险补贴');
      return { eligible: false, amountFen: 0, periodKey };
    }
    const amount = ctx.param('socialInsuranceFlexibleMonthlyFen');
    if (amount === undefined) return { eligible: false, amountFen: 0, periodKey };
    return { eligible: true, amountFen: amount, periodKey };
  },
};

/**
 * 就业帮扶基地一次性奖补, once. File 003 §二(三): "有条件的地区可对吸纳脱贫人口就业数量多、成效好的
 * 就业帮扶基地，按规定给予一次性奖补". Optional for each region ("有条件的地区可"): how many
 * people count as "数量多" and the amount are local, and what ships is an example; a region
 * that does not pay it ends the parameter. "成效好" is the approver's judgement, not a number.
 */
import type { Rule } from '../engine.js';
import type { Reference } from '../parameters.js';
import { EMPLOYER_KIND_ZH } from '../../positions/labels.js';
import { cite } from '../../policy/documents.js';

const reference: Reference = cite('003', '二、(三)');

export const baseReward: Rule = {
  id: 'base_reward',
  beneficiary: 'employer',
  reference,
  parameters: {
    baseRewardMinEmployees: {
      definition: { label: '就业帮扶基地一次性奖补：吸纳帮扶对象至少（人）', unit: 'persons', reference, fixedByPolicy: false },
      // Example only: 30 people, for the region's admins to replace.
      values: { '15': [{ from: '2021-01-01', value: 30, example: true }] },
    },
    baseRewardFen: {
      definition: { label: '就业帮扶基地一次性奖补', unit: 'fen', reference, fixedByPolicy: false },
      // Example only: 50,000 yuan, for the region's admins to replace.
      values: { '15': [{ from: '2021-01-01', value: 5_000_000, example: true }] },
    },
  },
  evaluate(ctx) {
    const periodKey = 'once';
    const employer = ctx.facts.employer;
    if (!employer) {
      ctx.need('employer', '需要提供用人单位的情况');
      return { eligible: false, amountFen: 0, periodKey };
    }
    ctx.fact(`单位类型：${EMPLOYER_KIND_ZH[employer.kind]}`, 'employer.kind', employer.kind);
    if (employer.kind !== 'assistanceBase') {
      ctx.rule('一次性奖补给吸纳脱贫人口就业数量多、成效好的就业帮扶基地', reference);
      return { eligible: false, amountFen: 0, periodKey };
    }
    const employees = employer.assistedEmployees;
    if (employees === undefined) {
      ctx.need('employer.assistedEmployees', '需要提供吸纳帮扶对象就业的人数');
      return { eligible: false, amountFen: 0, periodKey };
    }
    ctx.fact(`吸纳帮扶对象 ${employees} 人就业`, 'employer.assistedEmployees', employees);
    const min = ctx.param('baseRewardMinEmployees');
    if (min === undefined) {
      ctx.rule('本地区没有设立就业帮扶基地一次性奖补（有条件的地区可以设立）', reference);
      return { eligible: false, amountFen: 0, periodKey };
    }
    if (employees < min) {
      ctx.rule(`吸纳 ${employees} 人，不到 ${min} 人`, reference);
      return { eligible: false, amountFen: 0, periodKey };
    }
    const amount = ctx.param('baseRewardFen');
    if (amount === undefined) return { eligible: false, amountFen: 0, periodKey };
    ctx.rule('成效好不好由经办人员审核时认定', reference);
    return { eligible: true, amountFen: amount, periodKey };
  },
};

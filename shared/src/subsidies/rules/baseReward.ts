/**
 * 就业帮扶基地一次性奖补, once. File 003 §二(三): "有条件的地区可对吸纳脱贫人口就业数量多、成效好的
 * 就业帮扶基地，按规定给予一次性奖补". Optional for each region ("有条件的地区可"): how many
 * people count as "数量多" and the amount are local: no value ships, and a region that
 * does not pay it ends the parameter. "成效好" is the approver's judgement, not a number.
 */
import type { Rule } from '../engine.js';
import type { Reference } from '../parameters.js';
import { assistedEmployeesOf, employerOfKind, localStandard, notPaid } from './ruleParts.js';
import { cite } from '../../policy/documents.js';

const reference: Reference = cite('003', '二、(三)');

export const baseReward: Rule = {
  id: 'base_reward',
  beneficiary: 'employer',
  grants: [{ policy: '003', section: '二、(三)' }],
  parameters: {
    baseRewardMinEmployees: localStandard('就业帮扶基地一次性奖补：吸纳帮扶对象至少（人）', 'persons', reference),
    baseRewardFen: localStandard('就业帮扶基地一次性奖补', 'fen', reference),
  },
  evaluate(ctx) {
    const periodKey = 'once';
    const no = notPaid(periodKey);
    const base = employerOfKind(ctx, 'assistanceBase', '一次性奖补给吸纳脱贫人口就业数量多、成效好的就业帮扶基地', reference);
    if (!base) return no;
    const employees = assistedEmployeesOf(ctx, base);
    if (employees === undefined) return no;
    const min = ctx.param('baseRewardMinEmployees');
    if (min === undefined) {
      ctx.rule('本地区没有设立就业帮扶基地一次性奖补（有条件的地区可以设立）', reference);
      return no;
    }
    if (employees < min) {
      ctx.rule(`吸纳 ${employees} 人，不到 ${min} 人`, reference);
      return no;
    }
    const amount = ctx.param('baseRewardFen');
    if (amount === undefined) return no;
    ctx.rule('成效好不好由经办人员审核时认定', reference);
    return { eligible: true, amountFen: amount, periodKey };
  },
};

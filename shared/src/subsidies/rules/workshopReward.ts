/**
 * 帮扶车间奖补, once a year, tiered. File 000 §二(二): "将符合要求的认定为帮扶车间，不符合的按要求
 * 退出帮扶车间，实施动态管理……精准实施就业帮扶政策，梯次设定就业帮扶车间奖补标准，差异化落实奖补政策";
 * file 003 §三(七): "帮扶车间延续原扶贫车间的认定、监测、帮扶、清退等管理机制和相关政策措施，帮扶车间
 * 吸纳脱贫人口范畴延伸至帮扶对象". Only a recognised workshop gets it; the tiers (how many
 * 帮扶对象 employed) and their amounts are local: each region sets its table.
 */
import type { ParameterSpec, Rule } from '../engine.js';
import type { Reference } from '../parameters.js';
import { assistedEmployeesOf, employerOfKind, knownFact, localStandard, notPaid } from './ruleParts.js';
import { cite } from '../../policy/documents.js';

const reference: Reference = cite('000', '二、(二)');

const TIERS = [1, 2, 3] as const;
const TIER_ZH = { 1: '一档', 2: '二档', 3: '三档' } as const;

const minEmployees = (tier: (typeof TIERS)[number]): ParameterSpec =>
  localStandard(`帮扶车间奖补${TIER_ZH[tier]}：吸纳帮扶对象至少（人）`, 'persons', reference);
const amountFen = (tier: (typeof TIERS)[number]): ParameterSpec =>
  localStandard(`帮扶车间奖补${TIER_ZH[tier]}（每年）`, 'fen', reference);

export const workshopReward: Rule = {
  id: 'workshop_reward',
  beneficiary: 'employer',
  grants: [{ policy: '000', section: '二、(二)' }],
  parameters: {
    workshopRewardTier1MinEmployees: minEmployees(1),
    workshopRewardTier1Fen: amountFen(1),
    workshopRewardTier2MinEmployees: minEmployees(2),
    workshopRewardTier2Fen: amountFen(2),
    workshopRewardTier3MinEmployees: minEmployees(3),
    workshopRewardTier3Fen: amountFen(3),
  },
  evaluate(ctx) {
    const periodKey = ctx.period.slice(0, 4);
    const no = notPaid(periodKey);
    const workshop = employerOfKind(ctx, 'assistanceWorkshop', '帮扶车间奖补只给认定的帮扶车间', reference);
    if (!workshop) return no;
    const recognition = knownFact(ctx, 'employer.workshopRecognition', workshop.workshopRecognition, {
      need: '需要提供帮扶车间的认定情况',
      known: (recognition) => (recognition === 'recognised' ? '已认定为帮扶车间' : '已退出帮扶车间'),
    });
    if (recognition === undefined) return no;
    if (recognition !== 'recognised') {
      ctx.rule('不符合要求的按要求退出帮扶车间，退出的不再享受奖补', reference);
      return no;
    }
    const employees = assistedEmployeesOf(ctx, workshop);
    if (employees === undefined) return no;
    // The highest tier whose threshold the workshop reaches; a tier a region has ended is skipped.
    for (const tier of [...TIERS].reverse()) {
      const min = ctx.param(`workshopRewardTier${tier}MinEmployees`);
      if (min === undefined || employees < min) continue;
      const amount = ctx.param(`workshopRewardTier${tier}Fen`);
      if (amount === undefined) continue;
      ctx.rule(`吸纳 ${employees} 人，达到${TIER_ZH[tier]}（${min} 人以上）`, reference);
      return { eligible: true, amountFen: amount, periodKey };
    }
    ctx.rule(`吸纳 ${employees} 人，还没有达到最低一档`, reference);
    return no;
  },
};

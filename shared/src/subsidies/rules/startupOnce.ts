/**
 * 一次性创业补贴, once. File 003 §三(九): "引导鼓励乡村能人、农民工、大学生等人员返乡入乡创业，
 * 按规定落实税费减免、场地安排、创业担保贷款及贴息、一次性创业补贴和创业培训等政策支持……加大帮扶对象
 * 创业扶持力度"; file 002 §三(九): "支持高校毕业生、退役军人、就业困难人员、返乡农牧民工和脱贫人口……
 * 为符合条件的重点群体提供创业担保贷款、一次性创业补贴等政策"; file 001 item 7: "不断优化一次性创业补贴
 * 与创业担保贷款申报流程，为符合条件的贫困劳动力提供创业资金支持".
 * The business must be registered and operating; how long it must have operated and the
 * amount are local ("按规定"): each region sets them.
 */
import type { Rule, RuleContext } from '../engine.js';
import type { Reference } from '../parameters.js';
import { WORKER_GROUP_ZH, type WorkerGroup } from '../../registry/labels.js';
import { registeredPersonOf } from './personFacts.js';
import { localStandard, notPaid, paidFrom } from './ruleParts.js';
import { cite } from '../../policy/documents.js';

const reference: Reference = cite('003', '三、(九)');
const groupsReference: Reference = cite('002', '三、(九)');

/**
 * The entrepreneurs the documents name, as the registry's groups: 帮扶对象 (脱贫人口, with the
 * monitored, and 农村低收入人口, file 003) and 高校毕业生、退役军人、就业困难人员 (file 002 §三(九)).
 * 返乡农民工 are named too (003 §三(九) "农民工…返乡入乡创业", 002 §三(九) "返乡农牧民工"): not a registry
 * group but a circumstance the village records (person.returnedMigrant).
 */
export const STARTUP_GROUPS: readonly WorkerGroup[] = [
  'povertyAlleviated',
  'monitored',
  'ruralLowIncome',
  'collegeGraduate',
  'veteran',
  'employmentDifficulty',
];

/** Whether the person is in a group the startup support is for; records their groups, and the rule when not. */
export function inStartupGroups(
  ctx: RuleContext,
  person: NonNullable<RuleContext['facts']['person']>,
  subsidyName: string,
  reference: Reference,
): boolean {
  const groups = person.groups.filter((group) => STARTUP_GROUPS.includes(group));
  if (groups.length === 0 && person.returnedMigrant) {
    ctx.fact('本人是返乡农民工，返乡创业', 'person.returnedMigrant', true);
    return true;
  }
  ctx.fact(
    groups.length > 0 ? `本人是${groups.map((g) => WORKER_GROUP_ZH[g]).join('、')}` : '本人不属于创业扶持的重点群体',
    'person.groups',
    person.groups.join(','),
  );
  if (groups.length === 0) {
    ctx.rule(`${subsidyName}给帮扶对象、返乡农民工和高校毕业生、退役军人、就业困难人员等重点群体`, reference);
  }
  return groups.length > 0;
}

/** Whole months from one ISO date to another (0 when `to` is earlier). */
export function wholeMonthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return Math.max(0, months);
}

export const startupOnce: Rule = {
  id: 'startup_once',
  beneficiary: 'worker',
  grants: [
    { policy: '003', section: '三、(九)' },
    { policy: '002', section: '三、(九)' },
    { policy: '001', section: '二、第7项' },
  ],
  parameters: {
    startupOnceFen: localStandard('一次性创业补贴', 'fen', reference),
    startupOnceMinOperatingMonths: localStandard('一次性创业补贴要求正常经营至少', 'months', reference),
  },
  evaluate(ctx) {
    const periodKey = 'once';
    const no = notPaid(periodKey);
    const person = registeredPersonOf(ctx);
    const startup = ctx.facts.startup;
    if (!startup) ctx.need('startup', '需要提供创办的企业或个体工商户的营业执照登记日期和经营情况');
    if (!person || !startup) return no;

    if (!inStartupGroups(ctx, person, '一次性创业补贴', groupsReference)) return no;
    ctx.fact(
      `营业执照 ${startup.registeredOn} 登记，${startup.operating ? '正在经营' : '已不在经营'}`,
      'startup',
      startup.registeredOn,
    );
    if (startup.registeredOn >= ctx.date) {
      ctx.rule(`${ctx.period} 月初时还没有登记注册`);
      return no;
    }
    if (!startup.operating) {
      ctx.rule('创办的企业或个体工商户要正常经营');
      return no;
    }
    const minMonths = ctx.param('startupOnceMinOperatingMonths');
    if (minMonths === undefined) return no;
    const months = wholeMonthsBetween(startup.registeredOn, ctx.date);
    if (months < minMonths) {
      ctx.rule(`登记至 ${ctx.date} 经营满 ${months} 个月，不满 ${minMonths} 个月，满了以后才能申领`);
      return no;
    }
    ctx.rule(`登记至 ${ctx.date} 已经营满 ${months} 个月`);
    return paidFrom(ctx, 'startupOnceFen', periodKey);
  },
};

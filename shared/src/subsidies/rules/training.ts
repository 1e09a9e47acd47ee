/**
 * 职业培训补贴. File 003 §五(十五): "鼓励引导帮扶对象积极参加技能培训，在培训期间按规定给予
 * 职业培训补贴和生活费补贴"; file 001 第7项: "认真落实贫困劳动力职业培训补贴和生活费补贴";
 * file 000 §二(五): "放宽脱贫人口参加职业技能培训年龄范围，女性16周岁至60周岁且有劳动能力和
 * 培训意愿的，可按规定享受职业技能培训补贴政策"; file 004 §二(四): "将劳务品牌和市场需求量大
 * 的职业工种纳入培训重点目录，培训补贴提高20%".
 *
 * Who: 帮扶对象 (脱贫人口, 监测对象, 农村低收入人口: file 003's opening, file 000 §一) able
 * to work, within the age window on the period's first day. "16周岁至60周岁" counts both
 * ends in whole years (周岁): from the 16th birthday to the day before the 61st. For men
 * the documents give no number: the passage widens the range ("放宽") for women up to 60,
 * that is up to the ordinary working age of men (法定劳动年龄 16–60), which it leaves
 * unchanged; so men also train from 16 to 60, a standard each region sets since no
 * document here states it.
 *
 * Amount, one per completed course: days × the local rate per day, at most the local
 * amount per course (both set by each region); a course in a labour-brand or
 * high-demand trade gets exactly +20% of that, in integer fen, rounded down (the fraction
 * of a fen is dropped). Only Baotou's plan (file 004, a city document) raises it, so the
 * +20% ships for region 1502; another region that keeps such a catalogue sets its own
 * step, and until it does a course marked so is an error there, never a silent 0%.
 */
import { formatYuan } from '../../money.js';
import { ageOn } from '../../registry/idNumber.js';
import { LABOUR_CLASS_ZH, type WorkerGroup } from '../../registry/labels.js';
import type { Outcome, ParameterSpec, Rule, RuleContext } from '../engine.js';
import type { SubsidyFacts } from '../facts.js';
import type { Reference } from '../parameters.js';
import { byEndOf, inGroups, itemKey, personOf } from './personFacts.js';
import { localStandard, notPaid, setByDocuments } from './ruleParts.js';
import { cite } from '../../policy/documents.js';

type Training = SubsidyFacts['trainings'][number];

const reference: Reference = cite('003', '五、(十五)');
const ageReference: Reference = cite('000', '二、(五)');
const brandReference: Reference = cite('004', '二、(四)');

/** 帮扶对象: 脱贫人口 (含监测对象) and 农村低收入人口. */
export const TRAINEE_GROUPS: readonly WorkerGroup[] = ['povertyAlleviated', 'monitored', 'ruralLowIncome'];

/** Who may train with a subsidy: the age window, shared with the living allowance during training. */
export const TRAINEE_PARAMETERS: Readonly<Record<string, ParameterSpec>> = {
  // 16 is the legal working age (劳动法 第十五条) everywhere, before and after any of the documents.
  trainingMinAge: setByDocuments('享受培训补贴的最低年龄（法定劳动年龄）', 'years', ageReference, {
    '': [{ from: '2015-01-01', value: 16 }],
  }),
  // File 000 widens women's window to 60 in Inner Mongolia; elsewhere each region sets it.
  trainingWomenMaxAge: {
    ...setByDocuments('女性享受培训补贴的最高年龄', 'years', ageReference, {
      '15': [{ from: '2023-10-26', value: 60, policy: '000' }],
    }),
    definition: {
      label: '女性享受培训补贴的最高年龄',
      unit: 'years',
      reference: ageReference,
      fixedByPolicy: false,
      fixedIn: ['15'],
    },
  },
  // No document here states it (see above): each region sets it.
  trainingMenMaxAge: localStandard('男性享受培训补贴的最高年龄（文件只写了女性，按法定劳动年龄）', 'years', ageReference),
};

/** Whether the person may have training subsidised: a 帮扶对象, able to work, in the age window. */
export function isTrainee(ctx: RuleContext): boolean {
  const person = personOf(ctx);
  if (!person || !inGroups(ctx, person, TRAINEE_GROUPS, reference)) return false;
  ctx.fact(`劳动能力：${LABOUR_CLASS_ZH[person.labourClass]}`, 'person.labourClass', person.labourClass);
  if (person.labourClass === 'none') {
    ctx.rule('培训补贴给有劳动能力的人', ageReference);
    return false;
  }
  const woman = person.sex === 'female';
  const age = ageOn(person.birthDate, ctx.date);
  ctx.fact(`${woman ? '女' : '男'}，${ctx.date} 时 ${age} 周岁`, 'person.birthDate', age);
  const minAge = ctx.param('trainingMinAge');
  const maxAge = ctx.param(woman ? 'trainingWomenMaxAge' : 'trainingMenMaxAge');
  if (minAge === undefined || maxAge === undefined) {
    ctx.rule('培训补贴的年龄范围已停止执行');
    return false;
  }
  if (age < minAge || age > maxAge) {
    ctx.rule(`${woman ? '女性' : '男性'} ${minAge} 周岁至 ${maxAge} 周岁可以享受培训补贴，现在 ${age} 周岁`, ageReference);
    return false;
  }
  return true;
}

export function trainingItem(training: Training): string {
  return `培训「${training.name}」`;
}

/** One claim per course: the day it ended and its name. */
export function trainingKey(training: Pick<Training, 'endedOn' | 'name'>): string {
  return itemKey('training', training.endedOn, training.name);
}

/** Records the course; its training days when it is finished (结业) by the period and can be claimed. */
export function finishedCourse(ctx: RuleContext, training: Training): number | undefined {
  const item = trainingItem(training);
  ctx.fact(
    `${item}：${training.startedOn} 至 ${training.endedOn}，${training.days === undefined ? '天数没有登记' : `${training.days} 天`}，${training.completed ? '已结业' : '未结业'}`,
    'trainings',
    training.name,
  );
  if (!training.completed) {
    ctx.rule(`${item}：结业以后才能申领`, reference);
    return undefined;
  }
  if (!byEndOf(ctx.period, training.endedOn)) {
    ctx.rule(`${item}：${training.endedOn} 才结束，结束以后才能申领`, reference);
    return undefined;
  }
  if (training.days === undefined) {
    ctx.need('trainings.days', `${item}：需要登记培训天数，补贴按天数计算`);
    return undefined;
  }
  if (training.days === 0) {
    ctx.rule(`${item}：没有培训天数`);
    return undefined;
  }
  return training.days;
}

/** The outcomes when nothing is paid: one per course, or one saying there is none. */
export function noCourses(ctx: RuleContext, trainings: readonly Training[]): Outcome[] {
  if (trainings.length === 0) {
    ctx.rule('没有培训记录');
    return [notPaid('training:none')];
  }
  return trainings.map((t) => notPaid(trainingKey(t), trainingItem(t)));
}

/**
 * One outcome per course: nothing for a course that cannot be claimed yet, else what `pay`
 * gives for its training days (recording how it reckoned them).
 */
export function perFinishedCourse(
  ctx: RuleContext,
  trainings: readonly Training[],
  pay: (days: number, training: Training, item: string) => number,
): Outcome[] {
  return trainings.map((training) => {
    const item = trainingItem(training);
    const periodKey = trainingKey(training);
    const days = finishedCourse(ctx, training);
    return days === undefined
      ? notPaid(periodKey, item)
      : { eligible: true, amountFen: pay(days, training, item), periodKey, item };
  });
}

/** `ratio` of `base` fen, rounded down to a whole fen; the ratio is read to 0.01%. */
function share(base: number, ratio: number): number {
  return Math.floor((base * Math.round(ratio * 10_000)) / 10_000);
}

export const training: Rule = {
  id: 'training',
  beneficiary: 'worker',
  grants: [
    { policy: '003', section: '五、(十五)' },
    { policy: '000', section: '二、(五)' },
    { policy: '001', section: '二、第7项' },
  ],
  parameters: {
    ...TRAINEE_PARAMETERS,
    trainingPerDayFen: localStandard('职业培训补贴（每培训日）', 'fen', reference),
    trainingMaxPerCourseFen: localStandard('职业培训补贴（每期最多）', 'fen', reference),
    // File 004's term: read only where and while 004 holds (or is continued).
    trainingLabourBrandUplift: setByDocuments('劳务品牌和市场需求量大的职业工种培训补贴提高比例', 'ratio', brandReference, {
      '1502': [{ from: '2023-01-01', value: 0.2, policy: '004' }],
    }),
  },
  evaluate(ctx) {
    const trainings = ctx.facts.trainings;
    if (trainings.length === 0 || !isTrainee(ctx)) return noCourses(ctx, trainings);
    const perDay = ctx.param('trainingPerDayFen');
    const perCourse = ctx.param('trainingMaxPerCourseFen');
    if (perDay === undefined || perCourse === undefined) {
      ctx.rule('本地区的职业培训补贴已停止执行');
      return noCourses(ctx, trainings);
    }
    let uplift: { ratio: number | undefined } | undefined;
    const upliftRatio = () => {
      uplift ??= { ratio: ctx.term('trainingLabourBrandUplift') };
      return uplift.ratio;
    };
    return perFinishedCourse(ctx, trainings, (days, t, item) => {
      const byDays = days * perDay;
      const base = Math.min(byDays, perCourse);
      ctx.rule(
        `${item}：${days} 天 × ${formatYuan(perDay)} = ${formatYuan(byDays)}${byDays > perCourse ? `，每期最多 ${formatYuan(perCourse)}` : ''}`,
        reference,
      );
      if (!t.labourBrandTrade) return base;
      ctx.fact(`${item}：属于劳务品牌或市场需求量大的职业工种`, 'trainings.labourBrandTrade', true);
      const ratio = upliftRatio();
      if (ratio === undefined) {
        ctx.rule('本地区现行的文件没有提高劳务品牌工种培训补贴的规定', brandReference);
        return base;
      }
      const extra = share(base, ratio);
      ctx.rule(
        `${item}：培训补贴提高 ${Math.round(ratio * 1000) / 10}%，${formatYuan(base)} + ${formatYuan(extra)} = ${formatYuan(base + extra)}（不足 1 分的舍去）`,
        brandReference,
      );
      return base + extra;
    });
  },
};

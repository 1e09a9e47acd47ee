/**
 * 培训期间生活费补贴. File 003 §五(十五): "鼓励引导帮扶对象积极参加技能培训，在培训期间按规定
 * 给予职业培训补贴和生活费补贴"; file 001 第7项: "认真落实贫困劳动力职业培训补贴和生活费补贴".
 *
 * Who: the same trainees as the training subsidy (帮扶对象, able to work, in the age window
 * of file 000 §二(五)): the allowance is paid "在培训期间" of a subsidised course, so it
 * follows who may train with a subsidy. Amount, one per completed course: the days of
 * training × the local amount per day (set by each region). The documents set
 * no cap and no +20% for this allowance.
 */
import { formatYuan } from '../../money.js';
import type { Rule } from '../engine.js';
import type { Reference } from '../parameters.js';
import { localStandard, paramInForce } from './ruleParts.js';
import { TRAINEE_PARAMETERS, isTrainee, noCourses, perFinishedCourse } from './training.js';
import { cite } from '../../policy/documents.js';

const reference: Reference = cite('003', '五、(十五)');

export const trainingLiving: Rule = {
  id: 'training_living',
  beneficiary: 'worker',
  grants: [
    { policy: '003', section: '五、(十五)' },
    { policy: '001', section: '二、第7项' },
  ],
  parameters: {
    ...TRAINEE_PARAMETERS,
    trainingLivingPerDayFen: localStandard('培训期间生活费补贴（每培训日）', 'fen', reference),
  },
  evaluate(ctx) {
    const trainings = ctx.facts.trainings;
    if (trainings.length === 0 || !isTrainee(ctx)) return noCourses(ctx, trainings);
    const perDay = paramInForce(ctx, 'trainingLivingPerDayFen', '本地区的培训期间生活费补贴已停止执行');
    if (perDay === undefined) return noCourses(ctx, trainings);
    return perFinishedCourse(ctx, trainings, (days, _training, item) => {
      const amountFen = days * perDay;
      ctx.rule(`${item}：培训期间 ${days} 天 × ${formatYuan(perDay)} = ${formatYuan(amountFen)}`, reference);
      return amountFen;
    });
  },
};

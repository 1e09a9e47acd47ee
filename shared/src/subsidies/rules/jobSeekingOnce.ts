/**
 * 一次性求职创业补贴. File 001 第7项: "各镇、场、街道办事处要依托省平台，筛选出符合申领转移就业
 * 交通补助、一次性求职创业补贴条件的贫困劳动力名单，抓紧推动政策执行落地，确保10月底前对符合
 * 条件贫困劳动力的全覆盖。"
 *
 * Who: the document names the subsidy for 贫困劳动力 (today's 脱贫人口, with 监测对象) and
 * leaves its conditions to the subsidy's own rules, which pay it to students in their
 * graduating year (毕业年度) — so: a member of a 脱贫 or monitored household who is in the
 * final year of college or vocational school. Paid once in a life ('once'). The amount is
 * local: each region sets it.
 */
import type { Rule } from '../engine.js';
import type { Reference } from '../parameters.js';
import { POVERTY_ALLEVIATED, personIn } from './personFacts.js';
import { knownFact, localStandard, notPaid, paramInForce } from './ruleParts.js';
import { cite } from '../../policy/documents.js';

const reference: Reference = cite('001', '二、第7项');

export const jobSeekingOnce: Rule = {
  id: 'job_seeking_once',
  beneficiary: 'worker',
  grants: [{ policy: '001', section: '二、第7项' }],
  parameters: {
    jobSeekingOnceFen: localStandard('一次性求职创业补贴', 'fen', reference),
  },
  evaluate(ctx) {
    const no = notPaid('once');
    const person = personIn(ctx, POVERTY_ALLEVIATED, reference);
    if (!person) return no;
    const graduating = knownFact(ctx, 'person.graduatingThisYear', person.graduatingThisYear, {
      need: '需要知道今年是不是毕业年度（高校或职业院校的最后一年）',
      known: (graduating) => (graduating ? '今年是毕业年度' : '今年不是毕业年度'),
    });
    if (graduating === undefined) return no;
    if (!graduating) {
      ctx.rule('一次性求职创业补贴只给毕业年度的学生', reference);
      return no;
    }
    const amount = paramInForce(ctx, 'jobSeekingOnceFen', '本地区的一次性求职创业补贴已停止执行');
    if (amount === undefined) return no;
    ctx.rule('毕业年度的脱贫家庭学生，一次性补贴，只发一次', reference);
    return { eligible: true, amountFen: amount, periodKey: 'once' };
  },
};

/**
 * 以工代训补贴 (file 003 §三(七)): enterprises, workshops and other producers that hire
 * 帮扶对象 and train them on the job receive the training subsidy, for at most 6 months
 * per trainee, not for people who already had it, and only until the end of 2021.
 * The monthly amount per trainee is set locally ("按规定"): each region sets it.
 */
import type { Outcome, Rule } from '../engine.js';
import type { Reference } from '../parameters.js';
import { EMPLOYER_KIND_ZH, type EmployerKind } from '../../positions/labels.js';
import { formatYuan } from '../../money.js';
import { localStandard, notPaid, setByDocuments } from './ruleParts.js';
import { cite } from '../../policy/documents.js';

const reference: Reference = cite('003', '三、(七)');

/**
 * Who may claim: "企业、帮扶车间等各类生产经营主体". A department that opens
 * public-welfare posts is not a producer; its posts are paid under 公益性岗位补贴.
 */
const PRODUCER_KINDS: readonly EmployerKind[] = [
  'enterprise',
  'assistanceWorkshop',
  'assistanceBase',
  'cooperative',
  'workForRelief',
  'hrAgency',
];

export const workBasedTraining: Rule = {
  id: 'work_based_training',
  beneficiary: 'employer',
  grants: [
    // 政策执行时间至2021年底 (003 §三(七)), a passage that ends before its document.
    { policy: '003', section: '三、(七)', until: '2021-12-31' },
    // A measure of 2020–2021: a later continuation of 001 does not bring it back.
    { policy: '001', section: '二、第8项', until: '2021-12-31' },
  ],
  parameters: {
    // 以工代训 was already paid in 2020 (file 001 item 8); "政策执行时间至2021年底": ended from 2022-01-01.
    workBasedTrainingMaxMonths: setByDocuments('以工代训补贴每人最长月数', 'months', reference, {
      '': [
        { from: '2020-01-01', value: 6 },
        { from: '2022-01-01', value: null },
      ],
    }),
    workBasedTrainingMonthlyFen: localStandard('以工代训补贴（每人每月）', 'fen', reference),
  },
  evaluate(ctx) {
    const no = notPaid(ctx.period);
    const employer = ctx.facts.employer;
    if (!employer) {
      ctx.need('employer', '需要提供用人单位的情况');
      return no;
    }
    const trainees = employer.workBasedTrainees;
    if (!trainees) {
      ctx.need('employer.workBasedTrainees', '需要提供吸纳帮扶对象并开展以工代训的人员名单');
      return no;
    }
    ctx.fact(`单位类型：${EMPLOYER_KIND_ZH[employer.kind]}`, 'employer.kind', employer.kind);
    if (!PRODUCER_KINDS.includes(employer.kind)) {
      ctx.rule('以工代训补贴给企业、帮扶车间等各类生产经营主体', reference);
      return no;
    }
    if (trainees.length === 0) {
      ctx.rule('没有以工代训的人员');
      return no;
    }
    const maxMonths = ctx.param('workBasedTrainingMaxMonths');
    if (maxMonths === undefined) {
      ctx.rule('以工代训政策执行至 2021 年底，这个月份已不在执行期内', reference);
      return trainees.map((t) => notPaid(t.workerId, `以工代训 ${t.workerId}`));
    }
    const monthly = ctx.param('workBasedTrainingMonthlyFen');
    return trainees.map((trainee): Outcome => {
      const item = `以工代训 ${trainee.workerId}`;
      const periodKey = trainee.workerId;
      ctx.fact(
        `${item}：${trainee.startedOn} 开始，已培训 ${trainee.monthsTrained} 个月${trainee.hadBefore ? '，以前享受过以工代训补贴' : ''}`,
        'employer.workBasedTrainees',
        trainee.workerId,
      );
      if (trainee.hadBefore) {
        ctx.rule(`${item}：已享受过以工代训职业培训补贴的人员除外`, reference);
        return notPaid(periodKey, item);
      }
      if (trainee.monthsTrained === 0) {
        ctx.rule(`${item}：还没有培训满 1 个月`);
        return notPaid(periodKey, item);
      }
      const months = Math.min(trainee.monthsTrained, maxMonths);
      if (months < trainee.monthsTrained) ctx.rule(`${item}：最长不超过 ${maxMonths} 个月，按 ${months} 个月计`, reference);
      if (monthly === undefined) {
        ctx.rule(`${item}：本地区已停止执行以工代训补贴`);
        return notPaid(periodKey, item);
      }
      ctx.rule(`${item}：${months} 个月 × ${formatYuan(monthly)} = ${formatYuan(months * monthly)}`);
      return { eligible: true, amountFen: months * monthly, periodKey, item };
    });
  },
};

/**
 * 雨露计划. File 000 §二(六): "各盟市对脱贫家庭（含防止返贫监测对象家庭）新成长劳动力，继续
 * 实施雨露计划，组织引导接受中、高等职业院校和技工院校教育。" File 003 §五(十五): "延续实施
 * '雨露计划'政策，对监测对象尚未消除风险的，可视风险类别，从2021年春季学期开始纳入'雨露计划'
 * 政策补助范围，风险消除后从下一学期起停止发放补助。"
 *
 * Who: a child of a 脱贫 or monitored household studying at a 中职 / 高职 / 技工院校. For a
 * household that is only monitored (not 脱贫), the aid stops from the semester after the
 * one in which its risk was cleared; a 脱贫 household keeps it. Paid per semester (the
 * period key is the semester, e.g. 2026-autumn), for a semester that has begun by the
 * period and not before enrolment; the amount per semester is local (set by each
 * region). Semesters run from 1 March and 1 September (personFacts.ts).
 */
import type { Rule } from '../engine.js';
import type { Reference } from '../parameters.js';
import { compareSemesters, POVERTY_ALLEVIATED, personIn, semesterOf, semesterZh } from './personFacts.js';
import { localStandard, notPaid, paramInForce } from './ruleParts.js';
import { cite } from '../../policy/documents.js';

const reference: Reference = cite('000', '二、(六)');
const clearedReference: Reference = cite('003', '五、(十五)');
const SCHOOL_ZH = {
  secondaryVocational: '中等职业学校',
  higherVocational: '高等职业院校',
  technicalSchool: '技工院校',
} as const;

export const yuluEducation: Rule = {
  id: 'yulu_education',
  beneficiary: 'worker',
  grants: [
    { policy: '000', section: '二、(六)' },
    { policy: '003', section: '五、(十五)' },
  ],
  parameters: {
    yuluPerSemesterFen: localStandard('雨露计划助学补助（每学期）', 'fen', reference),
  },
  evaluate(ctx) {
    const student = ctx.facts.vocationalStudent;
    const semester = student?.semester ?? semesterOf(ctx.date);
    const no = notPaid(semester);
    const person = personIn(ctx, POVERTY_ALLEVIATED, reference);
    if (!person) return no;
    if (!student) {
      ctx.need('vocationalStudent', '需要在读的学校（中职、高职或技工院校）、入学日期和申领的学期');
      return no;
    }
    const claimed = semesterZh(semester);
    ctx.fact(`${student.enrolledOn} 入学${SCHOOL_ZH[student.schoolKind]}，申领${claimed}`, 'vocationalStudent', semester);
    if (compareSemesters(semester, semesterOf(ctx.date)) > 0) {
      ctx.rule(`${claimed}还没有开始，开学以后才能申领`, reference);
      return no;
    }
    if (compareSemesters(semester, semesterOf(student.enrolledOn)) < 0) {
      ctx.rule(`${claimed}还没有入学，不能申领`, reference);
      return no;
    }
    const monitoredOnly = person.groups.includes('monitored') && !person.groups.includes('povertyAlleviated');
    if (monitoredOnly && student.riskClearedOn) {
      const cleared = semesterOf(student.riskClearedOn);
      ctx.fact(
        `家里是监测对象，${student.riskClearedOn} 已消除返贫风险`,
        'vocationalStudent.riskClearedOn',
        student.riskClearedOn,
      );
      if (compareSemesters(semester, cleared) > 0) {
        ctx.rule(`风险消除后从下一学期起停止发放补助，最后一次是${semesterZh(cleared)}`, clearedReference);
        return no;
      }
    }
    const amount = paramInForce(ctx, 'yuluPerSemesterFen', '本地区的雨露计划助学补助已停止执行');
    if (amount === undefined) return no;
    ctx.rule(`在读职业院校，按学期补助：${claimed}`, reference);
    return { eligible: true, amountFen: amount, periodKey: semester };
  },
};

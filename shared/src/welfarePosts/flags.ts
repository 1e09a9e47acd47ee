/**
 * Integrity flags (诚信提示) on a township's month of public-welfare posts, which staff look at
 * before approving the month. The documents name the abuses: 优亲厚友, 轮流坐庄, 冒名顶替,
 * 不履职取酬, 拖欠补贴 (file 000 §(四), file 003 §(八)). Each flag names its evidence in plain
 * words; clearing one takes an officer's reason, kept with the month and in the audit trail.
 * Pure: the repository reads what it needs and this decides.
 */
import * as z from 'zod';
import { formatYuan } from '../money.js';
import { chinaDate, previousMonth } from '../registry/employment.js';
import { WAGE_LINE_STATUS_ZH, type WageLineStatus } from '../reliefWork/wageSheet.js';
import { daysInMonth, weekdaysIn, type AttendanceLine } from './attendance.js';
import type { HolderTerm } from './post.js';

export const FLAG_KINDS = [
  'householdTwoPosts', // 优亲厚友: 一户多岗
  'rotatingHolders', // 轮流坐庄
  'neverConfirms', // 本人从不确认
  'sharedPhone', // 冒名顶替: 别人的手机确认
  'employerHire', // 同月有用人单位录用
  'approvedUnpaid', // 拖欠补贴
  'fewDaysRequired', // 不履职取酬: 应出勤天数记得太少, so a few days pay a whole month
  'reliefWorkDays', // 不履职取酬: 同月在以工代赈项目务工的天数, with the post's, more than the month has
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];
export const FLAG_KIND_ZH: Record<FlagKind, string> = {
  householdTwoPosts: '一户多岗',
  rotatingHolders: '轮流上岗',
  neverConfirms: '本人一直未确认考勤',
  sharedPhone: '用别人的手机确认',
  employerHire: '同月另有单位录用',
  approvedUnpaid: '批准后超过 30 天未发放',
  fewDaysRequired: '应出勤天数偏少',
  reliefWorkDays: '同月另在以工代赈务工',
};

/** A flag's id: its kind, post and person, so the same finding keeps its id (and its clearing) all month. */
export const flagIdSchema = z.string().regex(/^[a-zA-Z]+\.wp_[0-9a-f-]{36}\.w_[0-9a-f-]{36}$/, '不是诚信提示编号');
export const flagId = (kind: FlagKind, postId: string, workerId: string) => `${kind}.${postId}.${workerId}`;

export const flagClearingSchema = z.object({ by: z.string(), at: z.iso.datetime(), reason: z.string() });
export const flagSchema = z.object({
  flagId: z.string(),
  kind: z.enum(FLAG_KINDS),
  postId: z.string(),
  workerId: z.string(),
  name: z.string(),
  /** What was seen, one fact a line. */
  evidence: z.array(z.string()),
  cleared: flagClearingSchema.optional(),
});
export type IntegrityFlag = z.infer<typeof flagSchema>;

export const clearFlagInputSchema = z.strictObject({
  reason: z.string().trim().min(4, '请写明核实的情况（至少 4 个字）').max(200, '最多 200 字'),
});

/** How many days after approval an unpaid month is 拖欠 (file 003 §(八): 补贴发放). */
export const UNPAID_AFTER_DAYS = 30;

/** Months before one that 'never confirms' and 拖欠 look back over. */
export const LOOK_BACK_MONTHS = 3;

/**
 * The least share of a post's working days a month's 应出勤 may be before it is looked at: the
 * longest holidays (春节, 国庆) take about a quarter of a month's weekdays. The pay is the days
 * worked over the days required, so a month that requires 1 day pays in full for 1 day.
 */
export const FEWEST_REQUIRED_SHARE = 0.75;

/**
 * The fewest days a post's month is expected to require: its weekdays, for a part-time post in
 * proportion to its hours (a day of 8 of 40 hours a week); undefined when the hours are unknown.
 */
export function fewestDaysRequired(line: Pick<AttendanceLine, 'month' | 'fullTime' | 'hoursPerWeek'>): number | undefined {
  const share = line.fullTime ? 1 : line.hoursPerWeek === undefined ? undefined : Math.min(line.hoursPerWeek, 40) / 40;
  return share === undefined ? undefined : Math.ceil(weekdaysIn(line.month) * share * FEWEST_REQUIRED_SHARE);
}

/** The `n` months before `month`, latest first. */
export function monthsBefore(month: string, n: number): string[] {
  const months: string[] = [];
  for (let m = month; months.length < n;) months.push((m = previousMonth(m)));
  return months;
}

/** One person's days on one 以工代赈 project's wage sheet of the month. */
export interface ReliefDays {
  projectName: string;
  days: number;
  status: WageLineStatus;
}

export interface FlagInputs {
  month: string;
  /** The township's lines of the month. */
  lines: readonly AttendanceLine[];
  /** Its lines of the months before (at least the three before). */
  earlier: readonly AttendanceLine[];
  /** Each post's holders over time. */
  terms: ReadonlyMap<string, readonly HolderTerm[]>;
  /** Who hired each person this month, where an employer's hire is the month's record. */
  employerHires: ReadonlyMap<string, string>;
  /**
   * The month's 以工代赈 wage lines of the holders, by person: each project's days on the sheet,
   * those the person disputed left out (they say the days are wrong).
   */
  reliefDays: ReadonlyMap<string, readonly ReliefDays[]>;
  /** The post subsidy claims of the earlier months, by person and month. */
  claims: readonly { workerId: string; month: string; status: string; approvedAt?: string; amountFen: number }[];
  /** Clearings made, by flag id. */
  clearings: ReadonlyMap<string, z.infer<typeof flagClearingSchema>>;
  now: Date;
}

/** The terms in which a household got a post back after another household had it: 轮流坐庄. */
function rotation(terms: readonly HolderTerm[]): HolderTerm[] | undefined {
  const seen = new Set<string>();
  let previous: string | undefined;
  for (const term of terms) {
    if (term.householdId !== previous && seen.has(term.householdId)) return [...terms];
    seen.add(term.householdId);
    previous = term.householdId;
  }
  return undefined;
}

export function integrityFlags(inputs: FlagInputs): IntegrityFlag[] {
  const flags: IntegrityFlag[] = [];
  const add = (kind: FlagKind, line: AttendanceLine, evidence: string[]) => {
    const id = flagId(kind, line.postId, line.workerId);
    const cleared = inputs.clearings.get(id);
    flags.push({
      flagId: id,
      kind,
      postId: line.postId,
      workerId: line.workerId,
      name: line.name,
      evidence,
      ...(cleared ? { cleared } : {}),
    });
  };
  const byHousehold = new Map<string, AttendanceLine[]>();
  for (const line of inputs.lines) byHousehold.set(line.householdId, [...(byHousehold.get(line.householdId) ?? []), line]);
  const lookBack = monthsBefore(inputs.month, LOOK_BACK_MONTHS);

  for (const line of inputs.lines) {
    const others = (byHousehold.get(line.householdId) ?? []).filter((o) => o.workerId !== line.workerId);
    if (others.length > 0) {
      add(
        'householdTwoPosts',
        line,
        others.map((o) => `同一户（户编号 ${line.householdId}）的 ${o.name} 也在「${o.postTitle}」岗位上`),
      );
    }

    const rotated = rotation(inputs.terms.get(line.postId) ?? []);
    if (rotated) {
      add(
        'rotatingHolders',
        line,
        rotated.map((t) => `${t.startsOn} 起 ${t.name}（户编号 ${t.householdId}）`),
      );
    }

    const mine = inputs.earlier.filter(
      (e) => e.workerId === line.workerId && e.postId === line.postId && lookBack.includes(e.month),
    );
    const unanswered = mine.filter((e) => e.status === 'recorded').map((e) => e.month);
    if (unanswered.length >= 2 && mine.every((e) => e.status === 'recorded')) {
      add('neverConfirms', line, [`${unanswered.sort().join('、')} 的考勤记录后，本人一直没有确认`]);
    }

    const phone = line.confirmation?.device ?? line.dispute?.device;
    if (phone) {
      const evidence: string[] = [];
      for (const other of inputs.lines) {
        if (other.workerId === line.workerId) continue;
        if ((other.confirmation?.device ?? other.dispute?.device) === phone) {
          evidence.push(`确认所用的手机，也确认了 ${other.name} 的考勤`);
        }
      }
      if (inputs.lines.some((l) => l.recorded.device === phone)) evidence.push('确认所用的手机，就是记录考勤用的那部手机');
      if (evidence.length > 0) add('sharedPhone', line, [...new Set(evidence)]);
    }

    const fewest = fewestDaysRequired(line);
    if (fewest !== undefined && line.daysRequired < fewest) {
      const post = line.fullTime ? '全日制岗位' : `每周 ${line.hoursPerWeek} 小时的岗位`;
      add('fewDaysRequired', line, [
        `应出勤只记了 ${line.daysRequired} 天；补贴按出勤天数除以应出勤天数折算，应出勤记少了，补贴就多发`,
        `${line.month} 有 ${weekdaysIn(line.month)} 个工作日（周一到周五），${post}应出勤一般不少于 ${fewest} 天`,
      ]);
    }

    // A full-time post is a working day's work (8 hours), so a day on a relief site is a day off
    // the post: together they cannot be more days than the month has. A part-time holder may work
    // elsewhere the same day (000 §(四): 允许…兼职从事灵活就业), so only their hours could tell, and
    // the sheets keep days.
    const relief = inputs.reliefDays.get(line.workerId) ?? [];
    const reliefTotal = relief.reduce((sum, r) => sum + r.days, 0);
    if (line.fullTime && reliefTotal > 0 && line.daysWorked + reliefTotal > daysInMonth(line.month)) {
      add('reliefWorkDays', line, [
        `${line.month} 在「${line.postTitle}」（全日制岗位）出勤 ${line.daysWorked} 天`,
        ...relief.map((r) => `同月在以工代赈项目「${r.projectName}」务工 ${r.days} 天（${WAGE_LINE_STATUS_ZH[r.status]}）`),
        `合计 ${line.daysWorked + reliefTotal} 天，比这个月的 ${daysInMonth(line.month)} 天还多：总有几天两边都记了，请核实哪边属实`,
      ]);
    }

    const employer = inputs.employerHires.get(line.workerId);
    if (employer) {
      add('employerHire', line, [
        `${inputs.month} 被「${employer}」录用${line.fullTime ? '，而这是全日制岗位' : '（非全日制岗位可以灵活就业，请核实时间不冲突）'}`,
      ]);
    }

    const overdue = inputs.claims.filter(
      (c) =>
        c.workerId === line.workerId &&
        c.status === 'approved' &&
        c.approvedAt !== undefined &&
        inputs.now.getTime() - Date.parse(c.approvedAt) > UNPAID_AFTER_DAYS * 86_400_000,
    );
    if (overdue.length > 0) {
      add(
        'approvedUnpaid',
        line,
        overdue.map(
          (c) =>
            `${c.month} 的补贴 ${formatYuan(c.amountFen)} 于 ${chinaDate(new Date(c.approvedAt!))} 批准，${Math.floor(
              (inputs.now.getTime() - Date.parse(c.approvedAt!)) / 86_400_000,
            )} 天了还没有发放`,
        ),
      );
    }
  }
  return flags;
}

/** Flags on one person's month not yet cleared: what stops their month's approval. */
export const openFlagsOf = (flags: readonly IntegrityFlag[], workerId: string) =>
  flags.filter((f) => f.workerId === workerId && !f.cleared);

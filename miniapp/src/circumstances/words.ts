/**
 * A circumstance's value in the words people read on a record: 参加社会保险 2026年1月起, 孩子上职业院校
 * 技工院校，2025年9月1日入学. Who stands behind it is said beside it (circumstanceSourceText).
 */
import { formatYuan, type Circumstances, type CircumstanceKind } from '@bangfu/shared';
import { fullDayText, monthText } from '../time';

type Entry<K extends CircumstanceKind> = NonNullable<Circumstances[K]>;
export type ValueOf<K extends CircumstanceKind> = Entry<K>['value'];

export const SCHOOL_KIND_ZH = {
  secondaryVocational: '中等职业学校',
  higherVocational: '高等职业院校',
  technicalSchool: '技工院校',
} as const;

/** "2026年1月起", "2026年1月至6月", "2025年10月至2026年3月". */
export function monthRangeText({ from, until }: { from: string; until?: string | undefined }): string {
  if (until === undefined) return `${monthText(from)}起`;
  if (until === from) return monthText(from);
  const sameYear = until.slice(0, 4) === from.slice(0, 4);
  return `${monthText(from)}至${sameYear ? `${Number(until.slice(5))}月` : monthText(until)}`;
}

const WORDS: { [K in CircumstanceKind]: (value: ValueOf<K>) => string } = {
  returnedMigrant: (v) => `${fullDayText(v.returnedOn)}回到家乡`,
  insured: (v) => monthRangeText(v),
  minimumLiving: (v) => monthRangeText(v),
  graduatingYear: (v) => `${v.year}年毕业`,
  vocationalStudent: (v) =>
    [
      `${SCHOOL_KIND_ZH[v.schoolKind]}，${fullDayText(v.enrolledOn)}入学`,
      v.riskClearedOn ? `${fullDayText(v.riskClearedOn)}消除返贫风险` : null,
    ]
      .filter(Boolean)
      .join('；'),
  business: (v) => `${fullDayText(v.registeredOn)}办的执照，${v.operating ? '还在经营' : '已经不经营了'}`,
  startupLoan: (v) =>
    [
      `贷款 ${formatYuan(v.principalFen)}${v.partnership ? '（合伙创业）' : ''}`,
      `${fullDayText(v.startedOn)}至${fullDayText(v.endsOn)}`,
      v.repaidOnSchedule ? '按时还款' : '没有按时还款',
    ].join('，'),
};

/** The value of one kind in plain words. */
export function circumstanceText<K extends CircumstanceKind>(kind: K, value: ValueOf<K>): string {
  return WORDS[kind](value);
}

/** What people type is refused when it cannot be real: months outside 2015 … next month, names with hidden characters. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acceptedMonthSchema, employerInputSchema, updateMeRequestSchema, workerInputSchema } from '@bangfu/shared';

afterEach(() => {
  vi.useRealTimers();
});

describe('acceptedMonthSchema', () => {
  it('takes 2015-01 up to next month in China, and nothing outside', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-31T16:30:00Z')); // 2027-01-01 00:30 in China
    const ok = (month: string) => acceptedMonthSchema.safeParse(month).success;
    expect([ok('2015-01'), ok('2026-12'), ok('2027-01'), ok('2027-02')]).toEqual([true, true, true, true]);
    expect([ok('2014-12'), ok('2027-03'), ok('2062-11'), ok('1026-11'), ok('2026-13')]).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(acceptedMonthSchema.safeParse('2014-12').error?.issues[0]?.message).toBe('月份不能早于 2015 年 1 月');
    expect(acceptedMonthSchema.safeParse('2027-03').error?.issues[0]?.message).toBe('月份最多只能是下个月');
  });
});

describe('names refuse hidden characters', () => {
  const worker = {
    name: '刘海军',
    idNumber: '150222196706120012',
    householdId: 'H-1',
    villageCode: '150222102212',
    groups: ['lifted'],
    labourClass: 'strong',
  };
  const hidden = ['\u202E', '\u202A', '\u2066', '\u2069', '\u200E', '\u200F', '\u0000', '\n', '\u0085', '\u061C'];

  it('accepts plain Chinese, ethnic and foreign names', () => {
    for (const name of ['刘海军', '阿拉腾·巴特尔', 'Ли Мэй', '欧阳 娜娜']) {
      expect(updateMeRequestSchema.safeParse({ version: 1, displayName: name }).success, name).toBe(true);
    }
  });

  it('refuses C0/C1 controls and bidi marks, embeddings, overrides and isolates in every name people type', () => {
    for (const mark of hidden) {
      const name = `刘海${mark}军`;
      const label = `U+${mark.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      const me = updateMeRequestSchema.safeParse({ version: 1, displayName: name });
      expect(me.success, label).toBe(false);
      expect(me.error?.issues[0]).toMatchObject({ path: ['displayName'], message: '名字里有看不见的特殊字符，请删掉重新输入' });
      expect(workerInputSchema.safeParse({ ...worker, name }).error?.issues[0]?.path, label).toEqual(['name']);
      const employer = employerInputSchema.safeParse({ name: `金山${mark}车间`, contactName: name });
      const paths = employer.error?.issues.map((issue) => issue.path[0]);
      expect(paths, label).toContain('name');
      expect(paths, label).toContain('contactName');
    }
  });
});

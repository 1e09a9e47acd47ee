/**
 * The integrity flags of a township's month, each with its evidence: what staff must look at
 * before approving (优亲厚友, 轮流坐庄, 冒名顶替, 拖欠), and nothing on a clean month.
 */
import { describe, expect, it } from 'vitest';
import { integrityFlags, openFlagsOf, type AttendanceLine, type FlagInputs, type HolderTerm } from '@bangfu/shared';

const POST = 'wp_00000000-0000-4000-8000-000000000001';
const OTHER_POST = 'wp_00000000-0000-4000-8000-000000000002';
const worker = (n: number) => `w_00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function line(n: number, overrides: Partial<AttendanceLine> = {}): AttendanceLine {
  return {
    postId: POST,
    postTitle: '保洁员',
    category: 'sanitation',
    fullTime: true,
    workerId: worker(n),
    name: `人${n}`,
    villageCode: '150222102212',
    householdId: `H-${n}`,
    month: '2026-12',
    daysWorked: 20,
    daysRequired: 22,
    agreement: { startsOn: '2026-01-01', endsOn: '2026-12-31' },
    recorded: { by: 'officer', at: '2026-12-02T02:00:00.000Z', device: 'supervisor-phone-0001', level: 'village' },
    status: 'confirmed',
    confirmation: { by: `user-${n}`, at: '2026-12-03T02:00:00.000Z', device: `phone-of-person-${n}` },
    version: 2,
    ...overrides,
  };
}

const inputs = (overrides: Partial<FlagInputs> = {}): FlagInputs => ({
  month: '2026-12',
  lines: [line(1), line(2)],
  earlier: [],
  terms: new Map(),
  employerHires: new Map(),
  reliefDays: new Map(),
  claims: [],
  clearings: new Map(),
  now: new Date('2026-12-05T00:00:00.000Z'),
  ...overrides,
});

const kinds = (flags: ReturnType<typeof integrityFlags>) => flags.map((f) => `${f.kind}:${f.name}`).sort();

describe('integrity flags', () => {
  it('raise nothing on a clean month', () => {
    expect(integrityFlags(inputs())).toEqual([]);
  });

  it('see a post that goes back to a household after another had it (轮流坐庄), not a post handed on once', () => {
    const term = (n: number, household: string, startsOn: string): HolderTerm => ({
      workerId: worker(n),
      name: `人${n}`,
      householdId: household,
      startsOn,
    });
    const handedOn = [term(7, 'H-7', '2024-01-01'), term(8, 'H-8', '2025-01-01'), term(1, 'H-1', '2026-01-01')];
    expect(integrityFlags(inputs({ terms: new Map([[POST, handedOn]]) }))).toEqual([]);
    const rotating = [term(7, 'H-7', '2024-01-01'), term(8, 'H-8', '2025-01-01'), term(9, 'H-7', '2026-01-01')];
    const flags = integrityFlags(inputs({ lines: [line(9, { householdId: 'H-7' })], terms: new Map([[POST, rotating]]) }));
    expect(kinds(flags)).toEqual(['rotatingHolders:人9']);
    expect(flags[0]!.evidence).toEqual([
      '2024-01-01 起 人7（户编号 H-7）',
      '2025-01-01 起 人8（户编号 H-8）',
      '2026-01-01 起 人9（户编号 H-7）',
    ]);
  });

  it('see a month that requires too few days, so a few days pay it whole (不履职取酬), by the post’s hours', () => {
    // 2026-12 has 23 weekdays: a full-time post is expected to require at least 18 of them.
    const fullTime = line(1, { daysRequired: 1, daysWorked: 1 });
    const flags = integrityFlags(inputs({ lines: [fullTime, line(2, { daysRequired: 18 })] }));
    expect(kinds(flags)).toEqual(['fewDaysRequired:人1']);
    expect(flags[0]!.evidence).toEqual([
      '应出勤只记了 1 天；补贴按出勤天数除以应出勤天数折算，应出勤记少了，补贴就多发',
      '2026-12 有 23 个工作日（周一到周五），全日制岗位应出勤一般不少于 18 天',
    ]);
    // 16 hours a week: 8-hour days, 23 × 16/40 × 0.75 → at least 7; February 2026 (20 weekdays, 春节) 15 of 20 is no flag.
    const partTime = { fullTime: false, hoursPerWeek: 16 };
    const lines = [line(3, { ...partTime, daysRequired: 6 }), line(4, { ...partTime, daysRequired: 7 })];
    expect(kinds(integrityFlags(inputs({ lines })))).toEqual(['fewDaysRequired:人3']);
    expect(integrityFlags(inputs({ month: '2026-02', lines: [line(5, { month: '2026-02', daysRequired: 15 })] }))).toEqual([]);
    // A line recorded before the hours were kept on it is not guessed at.
    expect(integrityFlags(inputs({ lines: [line(6, { fullTime: false, daysRequired: 1 })] }))).toEqual([]);
  });

  it('see a holder who has not confirmed two months before, and one whose phone confirmed another’s line', () => {
    const earlier = ['2026-11', '2026-10'].map((month) => line(1, { month, status: 'recorded', confirmation: undefined }));
    const shared = line(2, { confirmation: { by: 'user-2', at: '2026-12-03T02:00:00.000Z', device: 'phone-of-person-1' } });
    const flags = integrityFlags(inputs({ lines: [line(1), shared], earlier }));
    expect(kinds(flags)).toEqual(['neverConfirms:人1', 'sharedPhone:人1', 'sharedPhone:人2']);
    expect(flags.find((f) => f.kind === 'neverConfirms')!.evidence).toEqual(['2026-10、2026-11 的考勤记录后，本人一直没有确认']);
    expect(flags.find((f) => f.kind === 'sharedPhone' && f.name === '人2')!.evidence).toEqual([
      '确认所用的手机，也确认了 人1 的考勤',
    ]);
    // One month answered among them is not "never".
    const answered = [earlier[0]!, { ...earlier[1]!, status: 'confirmed' as const }];
    expect(kinds(integrityFlags(inputs({ earlier: answered })))).toEqual([]);
  });

  it('see an employer’s hire the same month, saying whether the post is full-time', () => {
    const flags = integrityFlags(
      inputs({
        lines: [line(1), line(2, { fullTime: false })],
        employerHires: new Map([
          [worker(1), '某服装厂'],
          [worker(2), '某超市'],
        ]),
      }),
    );
    expect(flags.map((f) => f.evidence[0])).toEqual([
      '2026-12 被「某服装厂」录用，而这是全日制岗位',
      '2026-12 被「某超市」录用（非全日制岗位可以灵活就业，请核实时间不冲突）',
    ]);
  });

  it('see a full-time holder whose relief-work days and post days are more than the month has, not a part-time one', () => {
    const canal = { projectName: '农田灌溉渠道改造', days: 9, status: 'confirmed' as const };
    const road = { projectName: '村道硬化', days: 3, status: 'entered' as const };
    const flags = integrityFlags(
      inputs({
        // December has 31 days: 20 on the post and 12 on two projects is one too many; 11 fits.
        lines: [line(1), line(2), line(3, { fullTime: false, hoursPerWeek: 16 })],
        reliefDays: new Map([
          [worker(1), [canal, road]],
          [worker(2), [canal, { ...road, days: 2 }]],
          [worker(3), [{ ...canal, days: 25 }]],
        ]),
      }),
    );
    expect(kinds(flags)).toEqual(['reliefWorkDays:人1']);
    expect(flags[0]!.evidence).toEqual([
      '2026-12 在「保洁员」（全日制岗位）出勤 20 天',
      '同月在以工代赈项目「农田灌溉渠道改造」务工 9 天（本人已确认）',
      '同月在以工代赈项目「村道硬化」务工 3 天（待本人确认）',
      '合计 32 天，比这个月的 31 天还多：总有几天两边都记了，请核实哪边属实',
    ]);
    expect(flags[0]!.flagId).toBe(`reliefWorkDays.${POST}.${worker(1)}`);
  });

  it('see a month approved more than 30 days ago and still unpaid (拖欠), not one approved 30 days ago', () => {
    const claim = (approvedAt: string) => ({
      workerId: worker(1),
      month: '2026-10',
      status: 'approved',
      approvedAt,
      amountFen: 80_000,
    });
    expect(integrityFlags(inputs({ claims: [claim('2026-11-05T00:00:00.000Z')] }))).toEqual([]);
    const late = integrityFlags(inputs({ claims: [claim('2026-11-01T00:00:00.000Z')] }));
    expect(late.map((f) => f.evidence)).toEqual([['2026-10 的补贴 800 元 于 2026-11-01 批准，34 天了还没有发放']]);
    expect(integrityFlags(inputs({ claims: [{ ...claim('2026-10-01T00:00:00.000Z'), status: 'paid' }] }))).toEqual([]);
  });

  it('keep a clearing with its flag, and leave only the uncleared ones in the way of approval', () => {
    const two = inputs({ lines: [line(1), line(2, { householdId: 'H-1', postId: OTHER_POST, postTitle: '护路员' })] });
    const flags = integrityFlags(two);
    expect(kinds(flags)).toEqual(['householdTwoPosts:人1', 'householdTwoPosts:人2']);
    const cleared = { by: 'township', at: '2026-12-04T00:00:00.000Z', reason: '已入户核实，分户生活' };
    const after = integrityFlags({ ...two, clearings: new Map([[flags[0]!.flagId, cleared]]) });
    expect(after[0]!.cleared).toEqual(cleared);
    expect(openFlagsOf(after, worker(1))).toEqual([]);
    expect(openFlagsOf(after, worker(2))).toHaveLength(1);
  });
});

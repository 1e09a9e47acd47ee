import { describe, expect, it } from 'vitest';
import { actingRegion, MONTH_FIGURES, personWarnings, reportWarnings, villageWarnings, type PersonMonth } from '@bangfu/shared';

const figures = (overrides: Partial<Record<(typeof MONTH_FIGURES)[number], number>>) => ({
  ...(Object.fromEntries(MONTH_FIGURES.map((f) => [f, 0])) as Record<(typeof MONTH_FIGURES)[number], number>),
  ...overrides,
});
const village = { code: '150222102213', name: '昔连脑包村委会' };

describe('a village’s month against the month before and last year', () => {
  it('warns its township when the employed count falls by more than the region’s share, not at it', () => {
    const before = { previousMonth: figures({ recorded: 10, employed: 10 }) };
    expect(villageWarnings(village, '2026-12', figures({ recorded: 10, employed: 9 }), before, 0.1)).toEqual([]);
    const [drop] = villageWarnings(village, '2026-12', figures({ recorded: 10, employed: 8 }), before, 0.1);
    expect(drop).toMatchObject({
      cause: 'employedDrop',
      subject: village.code,
      level: 'township',
      figures: [
        { label: '上月在岗', value: 10 },
        { label: '本月在岗', value: 8 },
        { label: '预警线', value: '下降超过 10%' },
      ],
    });
    expect(actingRegion(drop!)).toBe('150222102');
  });

  it('warns when the average wage is below the same month last year, and says nothing without last year’s records', () => {
    const now = figures({ recorded: 4, employed: 4, incomeFen: 1_200_000 });
    const [low] = villageWarnings(
      village,
      '2026-12',
      now,
      { lastYear: figures({ recorded: 4, employed: 2, incomeFen: 800_000 }) },
      0.1,
    );
    expect(low).toMatchObject({
      cause: 'incomeBelowLastYear',
      figures: [
        { label: '本月人均', value: '3000 元' },
        { label: '去年同月人均', value: '4000 元' },
      ],
    });
    expect(villageWarnings(village, '2026-12', now, {}, 0.1)).toEqual([]);
  });
});

describe('people and households whose work stopped', () => {
  const record = (
    workerId: string,
    status: 'employed' | 'notEmployed',
    extra: Partial<PersonMonth['subject']> = {},
  ): PersonMonth => ({
    workerId,
    month: '2026-12',
    status,
    monthlyIncomeFen: 0,
    source: 'staff',
    subject: { villageCode: village.code, labourClass: 'full', groups: [], householdId: 'H1', ...extra },
  });

  it('warns the village of a 监测对象 out of work after working, not of one who never was', () => {
    const warnings = personWarnings(
      '2026-12',
      [
        record('w1', 'notEmployed', { groups: ['monitored'], householdId: 'A' }),
        record('w2', 'notEmployed', { groups: ['monitored'], householdId: 'B' }),
      ],
      [
        record('w1', 'employed', { groups: ['monitored'], householdId: 'A' }),
        record('w2', 'notEmployed', { groups: ['monitored'], householdId: 'B' }),
      ],
    );
    expect(warnings.filter((w) => w.cause === 'monitoredLostWork').map((w) => w.subject)).toEqual(['w1']);
  });

  it('warns of a household with labour and nobody working when someone worked the month before', () => {
    const before = [record('a', 'employed'), record('b', 'notEmployed')];
    expect(personWarnings('2026-12', [record('a', 'notEmployed'), record('b', 'notEmployed')], before)).toEqual([
      expect.objectContaining({ cause: 'zeroEmploymentHousehold', subject: 'H1', workerIds: ['a', 'b'], level: 'village' }),
    ]);
    expect(personWarnings('2026-12', [record('a', 'notEmployed'), record('b', 'employed')], before)).toEqual([]);
    // Nobody able to work: not a 零就业家庭 to help into work.
    expect(personWarnings('2026-12', [record('a', 'notEmployed', { labourClass: 'none' })], [record('a', 'employed')])).toEqual(
      [],
    );
  });
});

describe('reports late', () => {
  const regions = [village, { code: '150222102', name: '金山镇' }];
  it('tells the township of a village after the 15th and the county of a township after the 25th', () => {
    expect(reportWarnings('2026-12', '2026-12-15', regions, new Set())).toEqual([]);
    expect(reportWarnings('2026-12', '2026-12-16', regions, new Set()).map((w) => [w.cause, actingRegion(w)])).toEqual([
      ['villageNotReported', '150222102'],
    ]);
    expect(
      reportWarnings('2026-12', '2026-12-26', regions, new Set([village.code])).map((w) => [w.cause, actingRegion(w)]),
    ).toEqual([['townshipNotReported', '150222']]);
    expect(reportWarnings('2026-11', '2026-12-26', regions, new Set())).toEqual([]); // a past month: not this run's
  });
});

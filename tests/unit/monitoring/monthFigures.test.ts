import { describe, expect, it } from 'vitest';
import {
  addFigures,
  employedRunAfter,
  incomeBand,
  monthFigures,
  regionsOf,
  sumFigures,
  trainingFigures,
  type MonthFact,
} from '@bangfu/shared';

const subject = { villageCode: '150222102212', labourClass: 'half' as const, groups: ['monitored' as const] };
const fact = (overrides: Partial<MonthFact>): MonthFact => ({
  month: '2026-03',
  status: 'notEmployed',
  monthlyIncomeFen: 0,
  source: 'staff',
  subject,
  ...overrides,
});

describe('what one person’s month adds to their regions’ figures', () => {
  it('counts a person employed in a workshop: where, in what form, what they earn, and their group', () => {
    expect(
      monthFigures(fact({ status: 'employed', place: 'withinCounty', form: 'assistanceWorkshop', monthlyIncomeFen: 250_000 })),
    ).toEqual({
      recorded: 1,
      labour: 1,
      ableAndWilling: 1,
      employed: 1,
      employed_withinCounty: 1,
      employed_assistanceWorkshop: 1,
      incomeFen: 250_000,
      income_2000to3000: 1,
      monitored_recorded: 1,
      monitored_employed: 1,
    });
  });

  it('counts 务工回流 as willing, but not a person at home ill or without labour', () => {
    expect(monthFigures(fact({ atHomeReason: 'returnedFromWork' }))).toMatchObject({ ableAndWilling: 1, returnedFromWork: 1 });
    expect(monthFigures(fact({ atHomeReason: 'illness' })).ableAndWilling).toBeUndefined();
    const noLabour = monthFigures(fact({ subject: { ...subject, labourClass: 'none' } }));
    expect([noLabour.labour, noLabour.ableAndWilling]).toEqual([undefined, undefined]);
  });

  it('counts 稳定就业 once a person has worked six months running, and a record without a run as its first month', () => {
    const working = { status: 'employed' as const, place: 'withinCounty' as const, form: 'enterprise' as const };
    expect(monthFigures(fact({ ...working, employedRun: 5 })).employedSixMonths).toBeUndefined();
    expect(monthFigures(fact({ ...working, employedRun: 6 })).employedSixMonths).toBe(1);
    expect(monthFigures(fact({ ...working, employedRun: 14 })).employedSixMonths).toBe(1);
    expect(monthFigures(fact(working)).employedSixMonths).toBeUndefined();
  });

  it('runs months employed on from the month before as it was written; a month at home starts again', () => {
    expect(employedRunAfter('employed')).toBe(1);
    expect(employedRunAfter('employed', { status: 'employed', employedRun: 5 })).toBe(6);
    expect(employedRunAfter('employed', { status: 'employed' })).toBe(2); // written before runs were kept
    expect(employedRunAfter('employed', { status: 'notEmployed', employedRun: 0 })).toBe(1);
    expect(employedRunAfter('notEmployed', { status: 'employed', employedRun: 9 })).toBe(0);
  });

  it('counts a person trained once a year, in the month their first course of that year ended', () => {
    expect(
      trainingFigures([
        { endedOn: '2026-08-01' },
        { endedOn: '2026-03-20' },
        { endedOn: '2025-11-30' },
        { endedOn: '2026-03-02' },
      ]),
    ).toEqual([
      { month: '2025-11', figures: { trainedPeople: 1 } },
      { month: '2026-03', figures: { trainedPeople: 1 } },
    ]);
    expect(trainingFigures([])).toEqual([]);
  });

  it('marks a worker’s own report until an officer confirms it', () => {
    expect(monthFigures(fact({ source: 'self' })).unconfirmedSelfReports).toBe(1);
    expect(
      monthFigures(fact({ source: 'self', confirmation: { by: 'v', level: 'village', at: '2026-03-05T00:00:00Z' } }))
        .unconfirmedSelfReports,
    ).toBeUndefined();
  });

  it('puts an income on the band’s lower bound in that band', () => {
    expect([0, 99_999, 100_000, 299_999, 300_000, 499_999, 500_000].map(incomeBand)).toEqual([
      'income_below1000',
      'income_below1000',
      'income_1000to2000',
      'income_2000to3000',
      'income_3000to5000',
      'income_3000to5000',
      'income_5000up',
    ]);
  });

  it('moves by the new record’s figures less the old one’s, leaving out what comes to nothing', () => {
    const before = monthFigures(
      fact({ status: 'employed', place: 'acrossProvince', form: 'enterprise', monthlyIncomeFen: 450_000 }),
    );
    const after = monthFigures(fact({ atHomeReason: 'returnedFromWork' }));
    expect(addFigures(addFigures({}, after), before, -1)).toEqual({
      employed: -1,
      employed_acrossProvince: -1,
      employed_enterprise: -1,
      incomeFen: -450_000,
      income_3000to5000: -1,
      monitored_employed: -1,
      returnedFromWork: 1,
    });
    expect(sumFigures([before, after]).recorded).toBe(2);
  });

  it('counts a village in its township, county, city and province', () => {
    expect(regionsOf('150222102212')).toEqual(['150222102212', '150222102', '150222', '1502', '15']);
  });
});

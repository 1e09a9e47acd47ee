import { describe, expect, it } from 'vitest';
import { addFigures, incomeBand, monthFigures, regionsOf, sumFigures, type MonthFact } from '@bangfu/shared';

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
    expect(monthFigures(fact({ subject: { ...subject, labourClass: 'none' } })).ableAndWilling).toBeUndefined();
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

/**
 * 就业帮扶基地一次性奖补, once — file 003 §二(三): "有条件的地区可对吸纳脱贫人口就业数量多、成效好的
 * 就业帮扶基地，按规定给予一次性奖补。" A Jiangxi policy: in the catalogue of 于都县 while file 003 holds
 * (2021-07-27 to 2025-12-31) and in 2026 under Jiangxi's (demo) continuation; nowhere in Inner Mongolia.
 * How many is "数量多" and the amount are local: 于都县's demo standards are 30 帮扶对象 and 50,000 yuan
 * from 2021-08-15; "成效好" is left to the approver.
 */
import { describe, expect, it } from 'vitest';
import { baseReward } from '@bangfu/shared';
import { evaluateOne, type GoldenCase } from '../../support/subsidies.js';
import {
  ALREADY_CLAIMED,
  expectDemoStandard,
  expectNoValue,
  expectNotGranted,
  YUANJIANG_VILLAGE,
  YUDU_VILLAGE,
} from './fixtures.js';

const base = (assistedEmployees?: number) => ({
  employer: { kind: 'assistanceBase' as const, ...(assistedEmployees !== undefined ? { assistedEmployees } : {}) },
});
/** A case in 于都县. */
const inYudu = (golden: GoldenCase) => evaluateOne(baseReward, { regionCode: YUDU_VILLAGE, ...golden });

describe('base_reward (file 003 §二(三))', () => {
  it('pays once to a base employing at least the threshold, not one person fewer', () => {
    const at = inYudu({ period: '2024-09', facts: base(30) });
    expect(at).toMatchObject({ beneficiary: 'employer', eligible: true, amountFen: 5_000_000, periodKey: 'once', missing: [] });
    expect(at.reference).toEqual({ document: '江西就业帮扶实施意见（文件 003）', section: '二、(三)', policy: '003' });
    expectDemoStandard(at, 'baseRewardMinEmployees', 30, '360731');
    expectDemoStandard(at, 'baseRewardFen', 5_000_000, '360731');
    expect(inYudu({ period: '2024-09', facts: base(29) })).toMatchObject({
      eligible: false,
      amountFen: 0,
      periodKey: 'once',
    });
  });

  it('is only for 就业帮扶基地', () => {
    expect(
      inYudu({ period: '2024-09', facts: { employer: { kind: 'assistanceWorkshop', assistedEmployees: 80 } } }),
    ).toMatchObject({ eligible: false, amountFen: 0, missing: [] });
  });

  it('is paid once only, also under the continuation in 2026', () => {
    const facts = { ...base(40), pastClaims: [{ subsidy: 'base_reward' as const, periodKey: 'once', amountFen: 5_000_000 }] };
    expect(inYudu({ period: '2025-03', facts })).toMatchObject(ALREADY_CLAIMED);
    const continued = inYudu({ period: '2026-03', facts });
    expect(continued).toMatchObject(ALREADY_CLAIMED);
    expect(continued.reference).toMatchObject({ policy: 'ld-demo-36-continued' });
  });

  it('says what is missing', () => {
    expect(inYudu({ period: '2024-09', facts: {} })).toMatchObject({ missing: ['employer'] });
    expect(inYudu({ period: '2024-09', facts: base() })).toMatchObject({
      eligible: false,
      missing: ['employer.assistedEmployees'],
    });
  });

  it("uses a county's own threshold and amount, and pays nothing where the county has not set it up (有条件的地区可)", () => {
    expect(
      inYudu({
        period: '2024-09',
        facts: base(20),
        overrides: {
          baseRewardMinEmployees: { '360731': [{ from: '2024-01-01', value: 20 }] },
          baseRewardFen: { '360731': [{ from: '2024-01-01', value: 3_000_000 }] },
        },
      }),
    ).toMatchObject({ eligible: true, amountFen: 3_000_000 });
    const none = inYudu({
      period: '2024-09',
      facts: base(100),
      overrides: { baseRewardMinEmployees: { '360731': [{ from: '2024-01-01', value: null }] } },
    });
    expect(none).toMatchObject({ eligible: false, amountFen: 0 });
    expect(none.trace.find((t) => t.key === 'baseRewardMinEmployees')).toMatchObject({ setIn: '360731', from: '2024-01-01' });
  });

  it('has no value while the county has set no standard: an error, not zero', () => {
    // File 003 holds from 2021-07-27; 于都县's standards only from 2021-08-15.
    expectNoValue(baseReward, { period: '2021-08', regionCode: YUDU_VILLAGE, facts: base(30) });
    // Another county of Jiangxi (赣州市章贡区) that has set none.
    expectNoValue(baseReward, { period: '2024-09', regionCode: '360702001001', facts: base(30) });
  });

  it('is in no catalogue where no document grants it: not in Inner Mongolia or 沅江市, nor in Jiangxi before file 003', () => {
    expectNotGranted(baseReward, { period: '2026-09', facts: base(30) });
    expectNotGranted(baseReward, { period: '2021-07', regionCode: YUDU_VILLAGE, facts: base(30) });
    expectNotGranted(baseReward, { period: '2026-09', regionCode: YUANJIANG_VILLAGE, facts: base(30) });
  });
});

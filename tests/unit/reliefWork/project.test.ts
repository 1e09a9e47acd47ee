/**
 * A 以工代赈 project as entered (file 000 §二(三)) and the relocation-site 10% rule (file 000 §二(七)):
 * rounded up, counted in whole numbers, and only where the project is at or serves a site.
 */
import { describe, expect, it } from 'vitest';
import { RELOCATION_SHARE_REFERENCE, relocationShare, relocationShareText, reliefProjectInputSchema } from '@bangfu/shared';

const input = {
  name: '村道硬化以工代赈项目',
  ownerUnit: '某某镇人民政府',
  contractorEmployerId: 'e_00000000-0000-4000-8000-000000000001',
  sectorDepartment: '旗交通运输局',
  villageCode: '150222102212',
  startsOn: '2026-04-01',
  endsOn: '2026-10-31',
  plannedJobs: 25,
  relocationSite: 'inSite',
  wageStandard: { unit: 'day', amountFen: 20_000 },
  labourDemand: [
    { trade: '普工', count: 20 },
    { trade: '钢筋工', count: 5 },
  ],
};

const issuesOf = (value: unknown) => {
  const result = reliefProjectInputSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
};

describe('a relief-work project as entered', () => {
  it('accepts a project whose trades add up to its planned jobs', () => {
    expect(issuesOf(input)).toEqual([]);
  });

  it('refuses trades that add up to more than the planned jobs, on labourDemand', () => {
    expect(issuesOf({ ...input, plannedJobs: 24 })).toEqual([
      { path: ['labourDemand'], message: '各工种人数加起来超过了计划岗位数' },
    ]);
  });

  it('refuses an end before the start, a village code above village level, and a contractor that is not an employer id', () => {
    expect(issuesOf({ ...input, endsOn: '2026-04-01' }).map((i) => i.path)).toEqual([['endsOn']]);
    expect(issuesOf({ ...input, villageCode: '150222102' }).map((i) => i.path)).toEqual([['villageCode']]);
    expect(issuesOf({ ...input, contractorEmployerId: 'w_00000000-0000-4000-8000-000000000001' }).map((i) => i.path)).toEqual([
      ['contractorEmployerId'],
    ]);
    expect(issuesOf({ ...input, extra: 1 })).not.toEqual([]);
  });
});

describe('the relocation-site 10% (file 000 §二(七): 不少于10%岗位)', () => {
  it('rounds up: 25 jobs need 3, 30 need 3, 31 need 4, 1 needs 1', () => {
    const required = (plannedJobs: number) => relocationShare({ plannedJobs, relocationSite: 'inSite' }, 0).required;
    expect([25, 30, 31, 1, 10, 5000].map(required)).toEqual([3, 3, 4, 1, 1, 500]);
  });

  it('is the least whole number of people reaching 10%, for every allowed project size', () => {
    const wrong: number[] = [];
    for (let plannedJobs = 1; plannedJobs <= 5000; plannedJobs++) {
      const { required } = relocationShare({ plannedJobs, relocationSite: 'inSite' }, 0);
      if (required * 10 < plannedJobs || (required - 1) * 10 >= plannedJobs) wrong.push(plannedJobs);
    }
    expect(wrong).toEqual([]);
  });

  it('counts what is short, and applies to a project serving a site too', () => {
    expect(relocationShare({ plannedJobs: 25, relocationSite: 'servesSite' }, 1)).toEqual({
      applies: true,
      required: 3,
      onRoster: 1,
      short: 2,
    });
    expect(relocationShare({ plannedJobs: 25, relocationSite: 'inSite' }, 5)).toMatchObject({ short: 0 });
  });

  it('does not apply away from a site: nothing required, nothing short, nothing to say', () => {
    const share = relocationShare({ plannedJobs: 25, relocationSite: 'none' }, 0);
    expect(share).toMatchObject({ applies: false, required: 0, short: 0 });
    expect(relocationShareText(share)).toBeUndefined();
  });

  it('says it plainly, and cites the passage', () => {
    expect(relocationShareText(relocationShare({ plannedJobs: 25, relocationSite: 'inSite' }, 1))).toBe(
      '至少 3 个岗位安排搬迁群众，已安排 1 人，还差 2 人',
    );
    expect(relocationShareText(relocationShare({ plannedJobs: 25, relocationSite: 'inSite' }, 3))).toBe(
      '至少 3 个岗位安排搬迁群众，已安排 3 人，已达到 10% 的要求',
    );
    expect(RELOCATION_SHARE_REFERENCE.section).toBe('二、(七)');
  });
});

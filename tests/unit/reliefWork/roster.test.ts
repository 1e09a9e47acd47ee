/**
 * Who a relief-work project takes on first (file 000 §二(三): 返乡农民工、脱贫人口、防止返贫监测对象),
 * relocated people first while a relocation-site project is short of its 10% (§二(七)), and the
 * reason the contractor must give when taking on someone else then.
 */
import { describe, expect, it } from 'vitest';
import {
  rankRosterCandidates,
  relocationShare,
  relocationWarning,
  rosterAddInputSchema,
  type RosterCandidateFacts,
} from '@bangfu/shared';

const SITE = '150222102212';
const SAME_TOWNSHIP = '150222102213';
const ELSEWHERE = '150222103001';
const person = (workerId: string, facts: Partial<RosterCandidateFacts> = {}): RosterCandidateFacts => ({
  workerId,
  villageCode: SITE,
  groups: [],
  labourClass: 'full',
  ...facts,
});

const candidates = [
  person('w-anyone-elsewhere', { villageCode: ELSEWHERE }),
  person('w-anyone-here'),
  person('w-relocated-township', { groups: ['relocated'], villageCode: SAME_TOWNSHIP }),
  person('w-returned-elsewhere', { atHomeReason: 'returnedFromWork', villageCode: ELSEWHERE }),
  person('w-poor-township', { groups: ['povertyAlleviated'], villageCode: SAME_TOWNSHIP }),
  person('w-monitored-here', { groups: ['monitored'], labourClass: 'half' }),
  person('w-no-labour', { groups: ['povertyAlleviated', 'relocated'], labourClass: 'none' }),
];

describe('ranking people for a relief-work roster', () => {
  it('puts 返乡农民工, 脱贫 and 监测 first, then everyone; the site’s village, then its township, then elsewhere; no labour left out', () => {
    const ranked = rankRosterCandidates(SITE, candidates, { preferRelocated: false });
    expect(ranked.map((r) => [r.candidate.workerId, r.tier])).toEqual([
      ['w-monitored-here', 2],
      ['w-poor-township', 2],
      ['w-returned-elsewhere', 2],
      ['w-anyone-here', 3],
      ['w-relocated-township', 3],
      ['w-anyone-elsewhere', 3],
    ]);
    expect(ranked.map((r) => r.reasons)).toEqual([
      ['防止返贫监测对象', '本村'],
      ['脱贫人口', '本乡镇'],
      ['返乡农民工'],
      ['本村'],
      ['本乡镇'],
      [],
    ]);
  });

  it('puts relocated people before everyone when the project is short of its 10%, saying why', () => {
    const ranked = rankRosterCandidates(SITE, candidates, { preferRelocated: true });
    expect(ranked.map((r) => r.candidate.workerId).slice(0, 2)).toEqual(['w-relocated-township', 'w-monitored-here']);
    expect(ranked[0]).toMatchObject({ tier: 1, reasons: ['易地扶贫搬迁群众（本项目搬迁群众还不够 10%）', '本乡镇'] });
    expect(ranked.some((r) => r.candidate.workerId === 'w-no-labour')).toBe(false);
  });

  it('orders people alike by record id, whatever order they come in', () => {
    const a = person('w-a');
    const b = person('w-b');
    expect(rankRosterCandidates(SITE, [b, a], { preferRelocated: false }).map((r) => r.candidate.workerId)).toEqual([
      'w-a',
      'w-b',
    ]);
  });
});

describe('the relocation warning when taking someone on', () => {
  const short = relocationShare({ plannedJobs: 25, relocationSite: 'inSite' }, 1);
  it('asks for a reason only when the project is short and the person is not relocated', () => {
    expect(relocationWarning(short, false)).toBe(
      '本项目是易地搬迁安置区的项目，至少 3 个岗位应安排搬迁群众，目前只有 1 人。这次录用的不是搬迁群众，请说明原因',
    );
    expect(relocationWarning(short, true)).toBeUndefined();
    expect(relocationWarning(relocationShare({ plannedJobs: 25, relocationSite: 'inSite' }, 3), false)).toBeUndefined();
    expect(relocationWarning(relocationShare({ plannedJobs: 25, relocationSite: 'none' }, 0), false)).toBeUndefined();
  });

  it('takes a reason of at least 4 characters, trimmed', () => {
    const base = { workerId: 'w_00000000-0000-4000-8000-000000000001', trade: '普工' };
    expect(rosterAddInputSchema.safeParse(base).success).toBe(true);
    expect(rosterAddInputSchema.parse({ ...base, relocationAnswer: '  搬迁群众无人报名  ' }).relocationAnswer).toBe(
      '搬迁群众无人报名',
    );
    const refused = rosterAddInputSchema.safeParse({ ...base, relocationAnswer: ' 没人 ' });
    expect(refused.success ? [] : refused.error.issues.map((i) => i.path)).toEqual([['relocationAnswer']]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  agreementProblem,
  defaultAgreement,
  makesLateEntries,
  rankPostCandidates,
  type PostCandidateFacts,
} from '@bangfu/shared';

const VILLAGE = '150222102212';
const person = (workerId: string, facts: Partial<PostCandidateFacts> = {}): PostCandidateFacts => ({
  workerId,
  villageCode: VILLAGE,
  groups: [],
  labourClass: 'full',
  ...facts,
});

describe('who is offered a public-welfare post first (file 000 §(四))', () => {
  it('puts 脱贫 and 监测 with weak or half labour first, then other 脱贫 and 监测, then anyone; the post’s village before others', () => {
    const ranked = rankPostCandidates(VILLAGE, [
      person('w-anyone'),
      person('w-poor-full', { groups: ['povertyAlleviated'] }),
      person('w-monitored-half-elsewhere', { groups: ['monitored'], labourClass: 'half', villageCode: '150222102213' }),
      person('w-poor-weak', { groups: ['povertyAlleviated'], labourClass: 'weak' }),
      person('w-weak-no-group', { labourClass: 'weak' }),
    ]);
    expect(ranked.map((r) => [r.candidate.workerId, r.tier])).toEqual([
      ['w-poor-weak', 1],
      ['w-monitored-half-elsewhere', 1],
      ['w-poor-full', 2],
      ['w-anyone', 3],
      ['w-weak-no-group', 3],
    ]);
    expect(ranked[0]!.reasons).toEqual(['脱贫人口', '弱劳力', '本村']);
    expect(ranked[1]!.reasons).toEqual(['监测对象', '半劳力']);
  });

  it('has no age or disability test: a disabled person is ranked by group and labour like anyone', () => {
    const [first] = rankPostCandidates(VILLAGE, [
      person('w-a', { groups: ['povertyAlleviated', 'disabled'], labourClass: 'weak' }),
      person('w-b', { groups: ['povertyAlleviated'], labourClass: 'weak' }),
    ]);
    expect([first!.candidate.workerId, first!.tier]).toEqual(['w-a', 1]);
  });
});

describe('an agreement on a post (file 003 §(八): 每次签订期限不超过1年)', () => {
  const post = { termStartsOn: '2026-01-01', termEndsOn: '2027-12-31' };
  const signed = { today: '2026-03-10', lateEntry: false };
  it('lasts at most twelve months, within the post’s term', () => {
    expect(agreementProblem(post, { startsOn: '2026-03-01', endsOn: '2027-02-28' }, 12, signed)).toBeUndefined();
    expect(agreementProblem(post, { startsOn: '2026-03-01', endsOn: '2027-03-01' }, 12, signed)).toMatchObject({
      field: 'endsOn',
    });
    expect(agreementProblem(post, { startsOn: '2025-12-01', endsOn: '2026-06-30' }, 12, signed)).toMatchObject({
      field: 'startsOn',
    });
    expect(agreementProblem(post, { startsOn: '2027-06-01', endsOn: '2028-01-31' }, 12, signed)).toMatchObject({
      field: 'endsOn',
    });
  });

  it('starts no earlier than last month, unless the county signs it late (补签)', () => {
    const back = (startsOn: string, lateEntry = false) =>
      agreementProblem(post, { startsOn, endsOn: '2026-12-31' }, 12, { today: '2026-03-10', lateEntry });
    expect(back('2026-02-01')).toBeUndefined(); // a hire at the end of February, recorded in March
    expect(back('2026-01-31')).toEqual({
      field: 'startsOn',
      message: '协议最早从 2026-02-01 开始；更早开始的，要由旗县区经办人员补签',
    });
    expect(back('2026-01-31', true)).toBeUndefined();
    const older = { termStartsOn: '2025-01-01', termEndsOn: '2027-12-31' };
    const newYear = { today: '2026-01-05', lateEntry: false };
    expect(agreementProblem(older, { startsOn: '2025-12-15', endsOn: '2026-12-14' }, 12, newYear)).toBeUndefined();
    expect(makesLateEntries('150222')).toBe(true);
    expect(makesLateEntries('150222102')).toBe(false);
    expect(makesLateEntries('150222102212')).toBe(false);
  });

  it('is offered from today for the longest allowed, cut at the post’s end; the offer itself passes the rule', () => {
    expect(defaultAgreement(post, '2026-12-05', 12)).toEqual({ startsOn: '2026-12-05', endsOn: '2027-12-04' });
    expect(defaultAgreement(post, '2027-06-10', 12)).toEqual({ startsOn: '2027-06-10', endsOn: '2027-12-31' });
    expect(defaultAgreement(post, '2025-11-01', 12)).toEqual({ startsOn: '2026-01-01', endsOn: '2026-12-31' });
    for (const today of ['2026-12-05', '2027-06-10', '2025-11-01', '2026-02-28']) {
      expect(agreementProblem(post, defaultAgreement(post, today, 12), 12, { today, lateEntry: false })).toBeUndefined();
    }
  });
});

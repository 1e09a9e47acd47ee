import { describe, expect, it } from 'vitest';
import { LOCAL_RADIUS_KM, scoreMatch, scoreOnly, withinTravelScope, type MatchPosition, type MatchWorker } from '@bangfu/shared';
import { CTX, north, position, worker } from './scorerFixtures.js';

/** The refusal and its words, or 'ok'. */
function verdict(w: MatchWorker, p: MatchPosition, today = CTX.today): string | [string, string] {
  const result = scoreMatch(w, p, { today });
  // scoreOnly refuses exactly when scoreMatch does.
  expect(scoreOnly(w, p, { today }) === undefined).toBe(!result.ok);
  return result.ok ? 'ok' : [result.refusal, result.text];
}

describe('labour class (file 003 §(十七): half and weak labour to posts that suit them)', () => {
  // "对能胜任工作岗位的半劳动力和弱劳动力作为公益性岗位、帮扶车间就业重点监测管理对象"
  const suitsBoth = position({ suitsHalfLabour: true, suitsWeakLabour: true });
  it('gives 无劳动能力 nothing, not even a post that suits everyone', () => {
    expect(verdict(worker({ labourClass: 'none' }), suitsBoth)).toEqual(['labourClass', '登记为无劳动能力，不推荐岗位']);
  });
  it('gives half labour only posts that suit half labour', () => {
    const half = worker({ labourClass: 'half' });
    expect(verdict(half, position())).toEqual(['labourClass', '这个岗位不适合半劳动力']);
    expect(verdict(half, position({ suitsWeakLabour: true }))).toEqual(['labourClass', '这个岗位不适合半劳动力']);
    expect(verdict(half, position({ suitsHalfLabour: true }))).toBe('ok');
  });
  it('gives weak labour only posts that suit weak labour', () => {
    const weak = worker({ labourClass: 'weak' });
    expect(verdict(weak, position({ suitsHalfLabour: true }))).toEqual(['labourClass', '这个岗位不适合弱劳动力']);
    expect(verdict(weak, position({ suitsWeakLabour: true }))).toBe('ok');
  });
  it('gives full labour everything', () => {
    expect(verdict(worker({ labourClass: 'full' }), position())).toBe('ok');
  });
});

describe('travel willingness', () => {
  it('keeps the local radius at 15 km, inclusive', () => {
    expect(LOCAL_RADIUS_KM).toBe(15);
    const local = worker({ travelScope: 'local' });
    expect(withinTravelScope(local, position(), 15)).toBe(true);
    expect(withinTravelScope(local, position(), 15.000001)).toBe(false);
    expect(verdict(local, position({ location: north(14.99) }))).toBe('ok');
    expect(verdict(local, position({ location: north(15.01) }))).toEqual([
      'travelScope',
      '离家 15.0 公里，超出您愿意去的范围（只在家附近）',
    ]);
  });

  it('local ignores region codes: the same county 20 km away is too far', () => {
    expect(verdict(worker({ travelScope: 'local' }), position({ regionCode: '150222', location: north(20) }))).toEqual([
      'travelScope',
      '离家 20.0 公里，超出您愿意去的范围（只在家附近）',
    ]);
  });

  // The worker lives in county 150222 (city 1502, province 15); each job is 80 km away.
  const far = (regionCode: string) => position({ regionCode, location: north(80) });
  const cases: [scope: MatchWorker['travelScope'], regionCode: string, expected: boolean][] = [
    ['county', '150222', true],
    ['county', '150222104', true], // a township of the county
    ['county', '150221', false], // the next county of the same city
    ['city', '150221', true],
    ['city', '150302', false], // another city of the province
    ['province', '150302', true],
    ['province', '110101', false], // another province
    ['any', '110101', true],
  ];
  it.each(cases)('%s scope, work in %s → %s', (travelScope, regionCode, expected) => {
    const result = verdict(worker({ travelScope }), far(regionCode));
    expect(result === 'ok').toBe(expected);
    if (!expected) expect((result as string[])[0]).toBe('travelScope');
  });

  it('accepts a job across the line within the local radius for every wider scope', () => {
    const nextDoor = position({ regionCode: '110101', location: north(10) });
    for (const travelScope of ['county', 'city', 'province'] as const)
      expect(verdict(worker({ travelScope }), nextDoor)).toBe('ok');
  });

  it('says the distance is from the village when there is no home address', () => {
    expect(verdict(worker({ travelScope: 'county', homeIsVillageCentre: true }), far('150221'))).toEqual([
      'travelScope',
      '离村里约 80.0 公里，超出您愿意去的范围（本县（旗）内）',
    ]);
  });
});

describe('season', () => {
  const seasonal = (seasonMonths: number[]) => position({ form: 'seasonal', seasonMonths });
  it('offers seasonal work in its season', () => {
    expect(verdict(worker(), seasonal([10, 11]))).toBe('ok');
  });
  it('offers it in the month before the season starts', () => {
    expect(verdict(worker(), seasonal([12, 1, 2]))).toBe('ok');
  });
  it('does not offer it out of season, and says when it is', () => {
    expect(verdict(worker(), seasonal([5, 3, 4]))).toEqual(['season', '季节工只在 3、4、5 月用人，现在不是用工季']);
    // two months before is too early
    expect(verdict(worker(), seasonal([1]))).toEqual(['season', '季节工只在 1 月用人，现在不是用工季']);
  });
  it('wraps from December to January', () => {
    expect(verdict(worker(), seasonal([1, 2]), '2026-12-15')).toBe('ok');
    expect(verdict(worker(), seasonal([2]), '2026-12-15')).toEqual(['season', '季节工只在 2 月用人，现在不是用工季']);
  });
  it('does not apply to work that is not seasonal', () => {
    expect(verdict(worker(), position({ form: 'gig' }))).toBe('ok');
  });
});

describe('headcount', () => {
  it('refuses a position already filled', () => {
    expect(verdict(worker(), position({ headcount: 5, filled: 5 }))).toEqual(['headcount', '已经招满了']);
    expect(verdict(worker(), position({ headcount: 5, filled: 4 }))).toBe('ok');
  });
});

describe('certificates', () => {
  const needs = (...requiredCertificates: string[]) => position({ occupation: 'electrician', requiredCertificates });
  it('accepts the same certificate written differently', () => {
    expect(verdict(worker({ certificates: ['电工证'] }), needs('电工证'))).toBe('ok');
    expect(verdict(worker({ certificates: ['健康证 '] }), needs('健康证'))).toBe('ok');
    expect(verdict(worker({ certificates: ['ｃ１驾驶证'] }), needs('C1驾驶证'))).toBe('ok');
  });
  it('accepts a certificate in the occupation the requirement names (by code or alias)', () => {
    expect(verdict(worker({ certificates: ['低压电工作业证', 'electrician'] }), needs('电工证'))).toBe('ok');
    expect(verdict(worker({ certificates: ['维修电工'] }), needs('电工证'))).toBe('ok');
    expect(verdict(worker({ certificates: ['forklift_driver'] }), needs('叉车证'))).toBe('ok');
    expect(verdict(worker({ certificates: ['中级焊工证'] }), needs('电焊工'))).toBe('ok');
  });
  it('refuses when one required certificate is missing, naming it', () => {
    expect(verdict(worker({ certificates: ['焊工证'] }), needs('电工证'))).toEqual([
      'certificate',
      '需要持「电工证」上岗，您的登记里还没有这个证',
    ]);
    expect(verdict(worker({ certificates: ['电工证'] }), needs('电工证', '健康证'))).toEqual([
      'certificate',
      '需要持「健康证」上岗，您的登记里还没有这个证',
    ]);
    expect(verdict(worker(), needs('叉车证'))).toEqual(['certificate', '需要持「叉车证」上岗，您的登记里还没有这个证']);
  });
});

describe('validity', () => {
  it('offers a position on its last day and refuses it the day after', () => {
    const p = position({ validUntil: '2026-11-22' });
    expect(verdict(worker(), p, '2026-11-22')).toBe('ok');
    expect(verdict(worker(), p, '2026-11-23')).toEqual(['validity', '报名已截止（截止到 2026-11-22）']);
  });
  it('offers a position that starts next week', () => {
    expect(verdict(worker(), position({ validFrom: '2026-11-29' }))).toBe('ok');
  });
});

describe('job type', () => {
  it('refuses a form the worker does not want, and takes any form when none is named', () => {
    const w = worker({ jobTypes: ['seasonal', 'gig'] });
    expect(verdict(w, position({ form: 'fullTime' }))).toEqual(['jobType', '这是全职，不是您想找的工作类型']);
    expect(verdict(w, position({ form: 'gig' }))).toBe('ok');
    expect(verdict(worker({ jobTypes: [] }), position({ form: 'partTime' }))).toBe('ok');
  });
});

describe('filter order', () => {
  it('reports the first failing filter in REFUSALS order', () => {
    const everythingWrong = position({
      location: north(40),
      form: 'seasonal',
      seasonMonths: [5],
      filled: 5,
      requiredCertificates: ['电工证'],
      validUntil: '2026-01-01',
    });
    const w = worker({ travelScope: 'local', jobTypes: ['gig'] });
    expect((scoreMatch({ ...w, labourClass: 'half' }, everythingWrong, CTX) as { refusal: string }).refusal).toBe('labourClass');
    const order: string[] = [];
    let p: MatchPosition = everythingWrong;
    let ww: MatchWorker = w;
    for (;;) {
      const r = scoreMatch(ww, p, CTX);
      if (r.ok) break;
      order.push(r.refusal);
      if (r.refusal === 'travelScope') ww = { ...ww, travelScope: 'any' };
      if (r.refusal === 'season') p = { ...p, seasonMonths: [11] };
      if (r.refusal === 'headcount') p = { ...p, filled: 0 };
      if (r.refusal === 'certificate') ww = { ...ww, certificates: ['电工证'] };
      if (r.refusal === 'validity') p = { ...p, validUntil: '2026-12-31' };
      if (r.refusal === 'jobType') ww = { ...ww, jobTypes: [] };
    }
    expect(order).toEqual(['travelScope', 'season', 'headcount', 'certificate', 'validity', 'jobType']);
  });
});

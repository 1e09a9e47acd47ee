import { describe, expect, it } from 'vitest';
import { checkCharacter, normaliseOccupation, occupationName, OCCUPATIONS, workerInputSchema } from '@bangfu/shared';

const id = (first17: string) => first17 + checkCharacter(first17);
const base = {
  name: '王秀兰',
  idNumber: id('15022219750308002'),
  householdId: 'H150222102201-0007',
  villageCode: '150222102201',
  labourClass: 'half',
  registryEntryDate: '2021-03-01',
};

describe('occupation dictionary', () => {
  it('maps every alias people use to one code', () => {
    expect(normaliseOccupation('焊工')).toBe('welder');
    expect(normaliseOccupation('电焊工')).toBe('welder');
    expect(normaliseOccupation(' 电 焊 ')).toBe('welder');
    expect(normaliseOccupation('焊工师傅')).toBe('welder');
    expect(normaliseOccupation('welder')).toBe('welder');
    expect(normaliseOccupation('宇航员')).toBeUndefined();
    expect(occupationName('welder')).toBe('焊工');
  });

  it('never gives one word to two occupations', () => {
    const words = OCCUPATIONS.flatMap((o) => [o.code, o.name, ...o.aliases]);
    expect(new Set(words).size).toBe(words.length);
  });
});

describe('worker input', () => {
  it('normalises skills and fills defaults', () => {
    const parsed = workerInputSchema.parse({ ...base, skills: ['电焊工', '瓦工'], idNumber: base.idNumber.toLowerCase() });
    expect(parsed.skills).toEqual(['welder', 'bricklayer']);
    expect(parsed.preferences).toEqual({ travelScope: 'county', jobTypes: [] });
    expect(parsed.idNumber).toBe(base.idNumber.toUpperCase());
  });

  it('names the field that fails', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ phone: '2345' }, 'phone'],
      [{ villageCode: '150222102' }, 'villageCode'],
      [{ skills: ['宇航员'] }, 'skills.0'],
      [{ preferences: { travelScope: 'county', expectedMonthlyWageFen: -1 } }, 'preferences.expectedMonthlyWageFen'],
      [{ home: { lat: 41.0, lng: 20 } }, 'home.lng'],
      [{ birthDate: '1975-03-08' }, ''], // derived facts are never typed: unknown key
    ];
    for (const [change, path] of cases) {
      const result = workerInputSchema.safeParse({ ...base, ...change });
      expect(result.success, JSON.stringify(change)).toBe(false);
      expect(result.error!.issues[0]!.path.join('.')).toBe(path);
    }
  });
});

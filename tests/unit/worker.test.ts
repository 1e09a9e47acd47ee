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

describe('one course or certificate, entered once', () => {
  const welding = { name: '电焊工培训', occupation: '电焊工', startedOn: '2025-03-01', endedOn: '2025-03-20', days: 15 };
  const issueOf = (input: Record<string, unknown>) => {
    const parsed = workerInputSchema.safeParse({ ...base, ...input });
    return parsed.success
      ? undefined
      : { path: parsed.error.issues[0]!.path.join('.'), message: parsed.error.issues[0]!.message };
  };

  it('refuses the same course under a second name: the same trade (however it is written) or provider, at days that overlap', () => {
    expect(
      issueOf({ trainings: [welding, { ...welding, name: '焊接技能培训班', occupation: '焊工', startedOn: '2025-03-10' }] }),
    ).toEqual({
      path: 'trainings.1.name',
      message: '「焊接技能培训班」和「电焊工培训」是同一工种（或同一机构）、日期重叠的培训，同一期培训只登记一次',
    });
    const byProvider = { name: '家政培训', provider: '固阳县职业培训学校', endedOn: '2025-03-20' };
    expect(issueOf({ trainings: [byProvider, { ...byProvider, name: '家政服务员培训' }] })?.path).toBe('trainings.1.name');
  });

  it('accepts the same trade again later, another trade at the same time, and a course it cannot tell apart', () => {
    const later = { ...welding, name: '电焊工中级培训', startedOn: '2025-03-21', endedOn: '2025-04-10' };
    const other = { ...welding, name: '瓦工培训', occupation: '瓦工' };
    const untold = { name: '技能培训', endedOn: '2025-03-20' };
    expect(issueOf({ trainings: [welding, later, other, untold, { ...untold, name: '职业技能培训' }] })).toBeUndefined();
  });

  it('refuses a certificate of the same trade and level twice, and accepts the next level', () => {
    const fourth = { name: '焊工四级证书', occupation: '焊工', level: '4', obtainedOn: '2025-04-01' };
    expect(issueOf({ certificates: [fourth, { ...fourth, name: '电焊工职业资格证', obtainedOn: '2025-06-01' }] })).toEqual({
      path: 'certificates.1.name',
      message: '「电焊工职业资格证」和「焊工四级证书」是同一工种同一等级的证书，同一本证书只登记一次',
    });
    expect(issueOf({ certificates: [fourth, { ...fourth, name: '焊工三级证书', level: '3' }] })).toBeUndefined();
  });
});

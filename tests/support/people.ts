import { checkCharacter } from '@bangfu/shared';

/** A valid GB 11643 number: region, birth date, a sequence whose last digit gives the sex, the check character. */
export function idNumber(region: string, birth: string, sequence: number, sex: 'male' | 'female' = 'male'): string {
  const seq = sequence * 2 + (sex === 'male' ? 1 : 0);
  const first17 = `${region}${birth}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/** Villages of 金山镇 (township 150222102) and of 西斗铺镇 (150222103) in the demo county. */
export const JINSHAN_VILLAGE = '150222102212'; // 小三分子村委会, the demo village officer's village
export const JINSHAN_OTHER_VILLAGE = '150222102213'; // 昔连脑包村委会
export const XIDOUPU_VILLAGE = '150222103200';

export function workerInput(overrides: Record<string, unknown> = {}) {
  return {
    name: '王秀兰',
    idNumber: idNumber('150222', '19750308', 1, 'female'),
    phone: '13904721234',
    householdId: 'H-0001',
    villageCode: JINSHAN_VILLAGE,
    groups: ['povertyAlleviated'],
    labourClass: 'half',
    skills: ['缝纫工'],
    registryEntryDate: '2021-03-01',
    ...overrides,
  };
}

/** A month as a village officer records it: employed by a firm in another province, 5200 元. */
export function employedAcrossProvince(employerName: string) {
  return { status: 'employed', place: 'acrossProvince', form: 'enterprise', employerName, monthlyIncomeFen: 520_000 } as const;
}

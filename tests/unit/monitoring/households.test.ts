import { describe, expect, it } from 'vitest';
import { zeroEmploymentHouseholds } from '@bangfu/shared';

const VILLAGE = '150222102212';
const OTHER_TOWNSHIP_VILLAGE = '150222103200';
const month = (
  householdId: string | undefined,
  status: 'employed' | 'notEmployed',
  labourClass: 'full' | 'none' = 'full',
  villageCode = VILLAGE,
) => ({ status, subject: { villageCode, labourClass, groups: [], ...(householdId ? { householdId } : {}) } });

describe('零就业家庭 of a month', () => {
  it('counts a household whose members with labour all stay home, in its village, township and county', () => {
    expect(
      zeroEmploymentHouseholds([
        month('H-1', 'notEmployed'),
        month('H-1', 'notEmployed'),
        month('H-2', 'notEmployed'),
        month('H-2', 'employed'), // one at work: not 零就业
        month('H-3', 'notEmployed', 'none'), // nobody with labour: not counted
        month('H-4', 'notEmployed', 'full', OTHER_TOWNSHIP_VILLAGE),
        month(undefined, 'notEmployed'), // no 户编号: no household to count
      ]),
    ).toEqual({ [VILLAGE]: 1, '150222102': 1, [OTHER_TOWNSHIP_VILLAGE]: 1, '150222103': 1, '150222': 2 });
  });

  it('counts nothing for a month without records', () => {
    expect(zeroEmploymentHouseholds([])).toEqual({});
  });
});

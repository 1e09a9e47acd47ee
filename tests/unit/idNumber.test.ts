import { describe, expect, it } from 'vitest';
import { checkCharacter, idNumberSchema, maskIdNumber, parseIdNumber } from '@bangfu/shared';

/** Builds a valid number from its parts, computing the check character. */
const valid = (first17: string) => first17 + checkCharacter(first17);
const today = new Date('2026-11-22T00:00:00Z');

describe('GB 11643 ID numbers', () => {
  it('accepts the standard example and derives birth date, sex and issuing region', () => {
    // The worked example of GB 11643-1999: 11010519491231002X
    expect(parseIdNumber('11010519491231002x', today)).toEqual({
      ok: true,
      facts: { idNumber: '11010519491231002X', birthDate: '1949-12-31', sex: 'female', issuingRegionCode: '110105' },
    });
    const man = parseIdNumber(valid('15022219750308001'), today);
    expect(man.ok && man.facts).toMatchObject({ birthDate: '1975-03-08', sex: 'male', issuingRegionCode: '150222' });
  });

  it('refuses a wrong check character', () => {
    expect(parseIdNumber('110105194912310021', today)).toEqual({ ok: false, problem: 'checksum' });
  });

  it('refuses impossible and future birth dates even with a right check character', () => {
    expect(parseIdNumber(valid('15022219750230001'), today)).toEqual({ ok: false, problem: 'birthDate' }); // 30 February
    expect(parseIdNumber(valid('15022219751301001'), today)).toEqual({ ok: false, problem: 'birthDate' }); // month 13
    expect(parseIdNumber(valid('15022220270101001'), today)).toEqual({ ok: false, problem: 'birthDate' }); // not born yet
    expect(parseIdNumber(valid('15022218991231001'), today)).toEqual({ ok: false, problem: 'birthDate' });
    expect(parseIdNumber(valid('15022220000229001'), today).ok).toBe(true); // 2000 was a leap year
    expect(parseIdNumber(valid('15022219000229001'), today)).toEqual({ ok: false, problem: 'birthDate' }); // 1900 was not
  });

  it('refuses the wrong length or characters', () => {
    for (const bad of ['', '15022219750308001', '1502221975030800123', '15022219750308001Y', '1502221975030800 1']) {
      expect(parseIdNumber(bad, today)).toEqual({ ok: false, problem: 'format' });
    }
  });

  it('masks all but the province and city and the last two: no county, birth date or sequence', () => {
    expect(maskIdNumber('15022219750308123X')).toBe('1502************3X');
    expect(maskIdNumber('150222********123X')).toBe('1502************3X'); // a mask stored the older way
  });

  it('explains the problem in Chinese through the schema', () => {
    const result = idNumberSchema.safeParse('110105194912310021');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('校验位');
  });
});

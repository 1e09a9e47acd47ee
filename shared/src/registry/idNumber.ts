/**
 * Resident identity card numbers (公民身份号码, GB 11643-1999): 6 digits of
 * the issuing region, 8 of the birth date, a 3-digit sequence whose last digit
 * is odd for men and even for women, and a check character (ISO 7064 MOD 11-2).
 * Birth date and sex are derived from the number, never typed a second time.
 */
import * as z from 'zod';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type Sex = 'male' | 'female';

export interface IdNumberFacts {
  /** Upper-case, 18 characters. */
  idNumber: string;
  /** ISO date, e.g. 1975-03-08 */
  birthDate: string;
  sex: Sex;
  /** The county-level code where the number was issued (not always where the person lives now). */
  issuingRegionCode: string;
}

export type IdNumberProblem = 'format' | 'birthDate' | 'checksum';

export const ID_NUMBER_PROBLEM_ZH: Record<IdNumberProblem, string> = {
  format: '身份证号应为 18 位：17 位数字加 1 位数字或 X',
  birthDate: '身份证号里的出生日期不存在',
  checksum: '身份证号校验位不对，请核对每一位',
};

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Reads a number, or says what is wrong with it. `today` bounds the birth date. */
export function parseIdNumber(
  raw: string,
  today: Date = new Date(),
): { ok: true; facts: IdNumberFacts } | { ok: false; problem: IdNumberProblem } {
  const idNumber = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(idNumber)) return { ok: false, problem: 'format' };
  const year = Number(idNumber.slice(6, 10));
  const month = Number(idNumber.slice(10, 12));
  const day = Number(idNumber.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  const real = birth.getUTCFullYear() === year && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
  if (!real || year < 1900 || birth.getTime() > today.getTime()) return { ok: false, problem: 'birthDate' };
  if (checkCharacter(idNumber) !== idNumber[17]) return { ok: false, problem: 'checksum' };
  return {
    ok: true,
    facts: {
      idNumber,
      birthDate: birth.toISOString().slice(0, 10),
      sex: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
      issuingRegionCode: idNumber.slice(0, 6),
    },
  };
}

/**
 * 1502************34: the province and city, and the last two. The common mask
 * (first six, last four) hides exactly the eight birth-date digits, so beside a
 * birth date or an age's year it is the whole number; this one hides the county,
 * the birth date and the sequence too. Only those six characters are read, so it
 * also narrows a mask stored the older, wider way (150222********1234).
 */
export function maskIdNumber(idNumber: string): string {
  return `${idNumber.slice(0, 4)}${'*'.repeat(12)}${idNumber.slice(-2)}`;
}

/** A valid ID number, normalised to upper case; the error names the problem in Chinese. */
export const idNumberSchema = z.string().transform((raw, ctx) => {
  const parsed = parseIdNumber(raw);
  if (parsed.ok) return parsed.facts.idNumber;
  ctx.addIssue({ code: 'custom', message: ID_NUMBER_PROBLEM_ZH[parsed.problem] });
  return z.NEVER;
});

/** Whole years of age on a date (both ISO `YYYY-MM-DD`): a birthday counts on its day. */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/**
 * Names people type (姓名, 昵称, 单位名称, 联系人): shown to staff, printed on bank files
 * and compared on binding. Invisible characters there let one name pass for another:
 * a right-to-left override (U+202E) makes "张三\u202E五王" read as someone else, a control
 * character breaks a CSV line. They are refused, never silently removed, so what is
 * stored is exactly what the person saw.
 */
import * as z from 'zod';

/** C0 and C1 controls (a name is one line), and bidi marks, embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const HIDDEN_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

export const hasHiddenCharacters = (text: string): boolean => HIDDEN_CHARACTERS.test(text);

/** A human-entered name: trimmed, `min`…`max` characters, nothing invisible in it. */
export function nameSchema(min: number, max: number, tooShort?: string) {
  return z
    .string()
    .trim()
    .min(min, tooShort)
    .max(max)
    .refine((name) => !hasHiddenCharacters(name), '名字里有看不见的特殊字符，请删掉重新输入');
}

/** A person's surname and a star for each other character (张**): enough to recognise someone in front of you, no more. */
export function maskPersonName(name: string): string {
  const characters = [...name];
  return `${characters[0] ?? ''}${'*'.repeat(Math.max(1, characters.length - 1))}`;
}

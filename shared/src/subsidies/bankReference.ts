import * as z from 'zod';

/** The bank's reference printed on a slip (回单上的流水号): what the county's accounts are matched on. */
export const bankReferenceSchema = (slip: string) =>
  z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{4,40}$/, `请填写${slip}上的流水号（4 到 40 位字母或数字）`);

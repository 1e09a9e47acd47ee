/**
 * The filters a worker applies on the map and the list, as query-string fields,
 * and the one test of a position against them (the same on every query path).
 */
import * as z from 'zod';
import { normaliseOccupation } from '../registry/occupations.js';
import { EMPLOYER_KINDS, POSITION_FORMS } from './labels.js';
import type { Pay, Position } from './position.js';

/** Working days in a month, to compare a day wage with a monthly one. */
export const WORKING_DAYS_PER_MONTH = 22;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const positionFiltersSchema = z.object({
  form: z.enum(POSITION_FORMS).optional(),
  /** The least a worker wants a month, in fen; compared with the top of the range. */
  minMonthlyPayFen: z.coerce.number().int().min(0).max(100_000_000).optional(),
  suitsHalfLabour: flag.optional(),
  suitsWeakLabour: flag.optional(),
  accommodation: flag.optional(),
  employerKind: z.enum(EMPLOYER_KINDS).optional(),
  /** An occupation as typed (电焊工) or its code (welder). */
  occupation: z
    .string()
    .max(30)
    .transform((text, ctx) => {
      const code = normaliseOccupation(text);
      if (code) return code;
      ctx.addIssue({ code: 'custom', message: `不认识的工种「${text}」` });
      return z.NEVER;
    })
    .optional(),
});
export type PositionFilters = z.infer<typeof positionFiltersSchema>;

/**
 * The most a position pays in a month: a day wage × 22 working days. Piece work
 * has no monthly figure, so a pay filter leaves it out rather than guess.
 */
export function monthlyPayCeilingFen(pay: Pay): number | undefined {
  if (pay.unit === 'month') return pay.maxFen;
  if (pay.unit === 'day') return pay.maxFen * WORKING_DAYS_PER_MONTH;
  return undefined;
}

type Filterable = Pick<
  Position,
  'form' | 'pay' | 'suitsHalfLabour' | 'suitsWeakLabour' | 'accommodation' | 'employerKind' | 'occupation'
>;

export function matchesFilters(position: Filterable, filters: PositionFilters): boolean {
  if (filters.form && position.form !== filters.form) return false;
  if (filters.minMonthlyPayFen !== undefined) {
    const ceiling = monthlyPayCeilingFen(position.pay);
    if (ceiling === undefined || ceiling < filters.minMonthlyPayFen) return false;
  }
  if (filters.suitsHalfLabour && !position.suitsHalfLabour) return false;
  if (filters.suitsWeakLabour && !position.suitsWeakLabour) return false;
  if (filters.accommodation && !position.accommodation) return false;
  if (filters.employerKind && position.employerKind !== filters.employerKind) return false;
  if (filters.occupation && position.occupation !== filters.occupation) return false;
  return true;
}

/**
 * The same filters in a JSON body (a saved search, shared/src/alerts): the query string's
 * 'true' and '3000' as JSON's true and 3000, the rest as the map takes them.
 */
export const positionFiltersBodySchema = positionFiltersSchema
  .extend({
    minMonthlyPayFen: z.number().int().min(0).max(100_000_000).optional(),
    suitsHalfLabour: z.boolean().optional(),
    suitsWeakLabour: z.boolean().optional(),
    accommodation: z.boolean().optional(),
  })
  .strict();

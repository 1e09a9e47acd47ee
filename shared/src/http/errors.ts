/**
 * The one error shape of the API: {error: {code, message: {zh, en}, field?}}.
 * Codes are stable; clients switch on them, people read the message.
 */
import * as z from 'zod';

export const ERROR_CODES = [
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  /** A paging cursor this API did not hand out for this list. */
  'INVALID_CURSOR',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'IDENTITY_MISMATCH',
  /** A 帮扶码 we did not sign, or one changed since. */
  'CODE_NOT_VALID',
  /** A genuine 帮扶码 that no longer works: past its two minutes, or renewed (换码) since. */
  'CODE_EXPIRED',
  'CONFLICT',
  'VERSION_CONFLICT',
  /** Over a budget of attempts: 429 with Retry-After. */
  'TOO_MANY_ATTEMPTS',
  'UPSTREAM_FAILED',
  'SERVICE_UNAVAILABLE',
  /** 503 with Retry-After: more requests than this instance can start in time; nothing was done. */
  'BUSY',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const apiErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.object({ zh: z.string(), en: z.string() }),
    /** Dotted path of the input field that failed, when one did. */
    field: z.string().optional(),
    requestId: z.string().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

/** The one place a domain error becomes HTTP: its status and the error body every client reads. */
import type { ErrorCode } from '@bangfu/shared';
import type { DomainError } from '../errors.js';

const STATUS_OF: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  INVALID_CURSOR: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  IDENTITY_MISMATCH: 422,
  /** A subsidy standard has no value for that region and period: nothing is computed as zero. */
  CODE_NOT_VALID: 422,
  CODE_EXPIRED: 410,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  TOO_MANY_ATTEMPTS: 429,
  UPSTREAM_FAILED: 502,
  SERVICE_UNAVAILABLE: 503,
  BUSY: 503,
  INTERNAL: 500,
};

export const statusOf = (error: DomainError): number => STATUS_OF[error.code];

export function errorBody(error: DomainError, requestId?: string) {
  return {
    error: {
      code: error.code,
      message: { zh: error.zh, en: error.en },
      ...(error.field !== undefined ? { field: error.field } : {}),
      ...(requestId !== undefined ? { requestId } : {}),
    },
  };
}

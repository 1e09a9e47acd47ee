import type { ErrorCode } from '@bangfu/shared';

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
  PARAMETER_MISSING: 422,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  TOO_MANY_ATTEMPTS: 429,
  UPSTREAM_FAILED: 502,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** An error meant for the caller: stable code, Chinese and English message, the failing field. */
export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly zh: string,
    readonly en: string,
    readonly field?: string,
  ) {
    super(en);
    this.name = 'ApiError';
    this.status = STATUS_OF[code];
  }

  toBody(requestId?: string) {
    return {
      error: {
        code: this.code,
        message: { zh: this.zh, en: this.en },
        ...(this.field !== undefined ? { field: this.field } : {}),
        ...(requestId !== undefined ? { requestId } : {}),
      },
    };
  }
}

/** Over a budget (http/rateLimit.ts): when to try again, and what to do meanwhile, in plain words. */
export class TooManyAttempts extends ApiError {
  constructor(
    readonly retryAfterSeconds: number,
    zh: string,
  ) {
    super('TOO_MANY_ATTEMPTS', zh, `Too many attempts; try again in ${retryAfterSeconds} s.`);
  }
}

export const unauthenticated = (en = 'Please log in again.') => new ApiError('UNAUTHENTICATED', '请先登录', en);
export const notFound = (zh: string, en: string) => new ApiError('NOT_FOUND', zh, en);

/**
 * What went wrong, in the domain's words: a stable code, the Chinese sentence people read,
 * the English one for logs and developers, and the input field at fault. Repositories,
 * services and routes throw these; nothing here knows HTTP — http/errorHandler.ts maps a
 * code to a status, once.
 */
import type { ErrorCode } from '@bangfu/shared';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly zh: string,
    readonly en: string,
    readonly field?: string,
  ) {
    super(en);
    this.name = 'DomainError';
  }
}

/** A kind of domain error: its code is fixed, its words are the thrower's. */
const kind = (code: ErrorCode) =>
  class extends DomainError {
    constructor(zh: string, en: string, field?: string) {
      super(code, zh, en, field);
    }
  };

/** There is no such thing, or the caller may not know that there is. */
export class NotFound extends kind('NOT_FOUND') {}
/** The thing is in a state that does not allow this (already applied, already paid, full…). */
export class Conflict extends kind('CONFLICT') {}
/** Someone changed it after the caller read it: read again, then decide again. */
export class VersionConflict extends kind('VERSION_CONFLICT') {}
/** The caller may not do this, to this. */
export class Forbidden extends kind('FORBIDDEN') {}
/** The input is well formed but says something the rules do not allow. */
export class Invalid extends kind('VALIDATION_FAILED') {}

/** A 帮扶码 that was never ours or was changed. */
export class CodeNotValid extends kind('CODE_NOT_VALID') {}
/** A genuine 帮扶码 past its life or renewed since. */
export class CodeExpired extends kind('CODE_EXPIRED') {}

/** Over a budget (http/rateLimit.ts): when to try again, and what to do meanwhile, in plain words. */
export class TooManyAttempts extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    zh: string,
  ) {
    super('TOO_MANY_ATTEMPTS', zh, `Too many attempts; try again in ${retryAfterSeconds} s.`);
  }
}

/**
 * This process has more requests than it can start in time (http/admission.ts): nothing was
 * done, so any request, a POST too, may simply be sent again after Retry-After.
 */
export class Busy extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'BUSY',
      '现在使用的人太多，请稍等几秒再试',
      `The service is busy; nothing was done. Try again in ${retryAfterSeconds} s.`,
    );
  }
}

export const unauthenticated = (en = 'Please log in again.') => new DomainError('UNAUTHENTICATED', '请先登录', en);
export const notFound = (zh: string, en: string) => new NotFound(zh, en);

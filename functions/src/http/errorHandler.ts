import type { Logger } from '@aws-lambda-powertools/logger';
import type { ErrorRequestHandler } from 'express';
import { Busy, DomainError, TooManyAttempts } from '../errors.js';
import { dynamoUnavailable, isDynamoUnavailable } from '../db/errors.js';
import { errorBody, statusOf } from './errorBody.js';
import { intervalLog } from './intervalLog.js';
import { sendJson } from './sendJson.js';

const RETRY_AFTER_SECONDS = 5;

/** Turns anything thrown into the one error shape; unknown errors are logged and hidden. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  const storeDown = intervalLog(logger, 'database unavailable: answering 503 with Retry-After');
  const shedding = intervalLog(logger, 'busy: shedding requests this instance could not start in time (503 BUSY)');
  return (error: unknown, _req, res, _next) => {
    const known = toDomainError(error);
    const status = statusOf(known);
    const requestId = res.locals.requestId as string | undefined;
    if (isDynamoUnavailable(error)) storeDown(error, requestId);
    else if (known instanceof Busy) shedding(error, requestId);
    else if (status >= 500) logger.error('request failed', { requestId, error: error as Error });
    // Tell clients when to try again rather than leaving them to hammer a struggling store.
    if (known.code === 'SERVICE_UNAVAILABLE') res.set('Retry-After', String(RETRY_AFTER_SECONDS));
    if (known instanceof TooManyAttempts || known instanceof Busy) res.set('Retry-After', String(known.retryAfterSeconds));
    sendJson(res, status, errorBody(known, requestId));
  };
}

function toDomainError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  // Express could not decode a path parameter: a broken percent-escape such as /regions/%zz.
  if (error instanceof URIError) {
    return new DomainError('BAD_REQUEST', '网址有误，请检查后重试', 'A path parameter is not valid percent-encoding.', 'params');
  }
  if (isDynamoUnavailable(error)) return dynamoUnavailable();
  return new DomainError('INTERNAL', '系统出了点问题，请稍后再试', 'Something went wrong; please try again later.');
}

import type { Logger } from '@aws-lambda-powertools/logger';
import type { ErrorRequestHandler } from 'express';
import { ApiError } from './apiError.js';
import { dynamoUnavailable, isDynamoUnavailable } from '../db/errors.js';

interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && 'type' in error && 'status' in error;
}

/** Turns anything thrown into the one error shape; unknown errors are logged and hidden. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const apiError = toApiError(error);
    if (apiError.status >= 500) logger.error('request failed', { requestId: res.locals.requestId, error: error as Error });
    res.status(apiError.status).json(apiError.toBody(res.locals.requestId as string | undefined));
  };
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (isBodyParserError(error)) {
    if (error.type === 'entity.parse.failed') {
      return new ApiError('BAD_REQUEST', '请求内容不是有效的 JSON', 'The request body is not valid JSON.', 'body');
    }
    if (error.type === 'entity.too.large') {
      return new ApiError('PAYLOAD_TOO_LARGE', '提交的内容太大', 'The request body is too large.', 'body');
    }
    if (error.status >= 400 && error.status < 500) {
      return new ApiError('BAD_REQUEST', '请求无法读取', `The request body could not be read (${error.type}).`, 'body');
    }
  }
  if (isDynamoUnavailable(error)) return dynamoUnavailable();
  return new ApiError('INTERNAL', '系统出了点问题，请稍后再试', 'Something went wrong; please try again later.');
}

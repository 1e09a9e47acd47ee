/**
 * The JSON body parser of /api, with every way of failing to read a body answered
 * as the API's own 400 or 413 naming `body`: malformed JSON, too large (also after
 * inflating), and a gzip or deflate body that does not inflate (zlib's own error,
 * which carries no body-parser `type`, would otherwise leave as a 500). JSON is UTF-8 (RFC 8259
 * §8.1): a body declared in another charset is refused before it is read, here and on Lambda alike,
 * whose bundle decodes UTF-8 only (src/lambdaBundle/utf8OnlyIconv.ts).
 */
import express, { type RequestHandler } from 'express';
import { DomainError } from '../errors.js';

export function jsonBody(limit: string): RequestHandler {
  const parse = express.json({ limit, strict: true });
  return (req, res, next) => {
    // A GET's or HEAD's body means nothing (RFC 9110 §9.3.1): not read, not parsed.
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1];
    if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
      next(
        new DomainError('BAD_REQUEST', '请用 UTF-8 编码提交', `The body must be UTF-8, not ${charset}.`, 'headers.content-type'),
      );
      return;
    }
    parse(req, res, (error?: unknown) => next(error === undefined ? undefined : bodyError(error)));
  };
}

function bodyError(error: unknown): DomainError {
  const type = typeof error === 'object' && error !== null && 'type' in error ? error.type : undefined;
  if (type === 'entity.parse.failed') {
    return new DomainError('BAD_REQUEST', '请求内容不是有效的 JSON', 'The request body is not valid JSON.', 'body');
  }
  if (type === 'entity.too.large') {
    return new DomainError('PAYLOAD_TOO_LARGE', '提交的内容太大', 'The request body is too large.', 'body');
  }
  if (type === undefined) {
    return new DomainError('BAD_REQUEST', '请求内容无法解压', 'The compressed request body could not be inflated.', 'body');
  }
  return new DomainError('BAD_REQUEST', '请求无法读取', `The request body could not be read (${String(type)}).`, 'body');
}

import type { Response } from 'express';

/**
 * Writes `value` as the JSON answer with `status`: the headers Express's res.json arrives at,
 * without its way there (the type and its charset each parsed and formatted again, then the
 * answer checked for freshness), which took about a twentieth of GET /me's time
 * (tests/bench/overhead.ts).
 */
export function sendJson(res: Response, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

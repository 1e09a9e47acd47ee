import type { ServerResponse } from 'node:http';

/**
 * Writes `value` as the JSON answer with `status`: the headers Express's res.json arrives at,
 * without its way there (the type and its charset each parsed and formatted again, then the
 * answer checked for freshness), which took about a twentieth of GET /me's CPU
 * (tests/bench/overhead.ts). Plain node:http, so a bare server can write its answer the same way.
 */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

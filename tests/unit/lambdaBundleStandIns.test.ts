/** The Lambda bundle's stand-ins for depd, cookie, serve-static, accepts, node-fetch, form-data and mnemonist's LRU cache: what they do if ever reached. */
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';

const require = createRequire(import.meta.url);
const depd = require('../../functions/src/lambdaBundle/warningOnlyDepd.cjs') as (ns: string) => (message: string) => void;
const cookie = require('../../functions/src/lambdaBundle/noCookies.cjs') as { serialize: () => string };
const serveStatic = require('../../functions/src/lambdaBundle/noSendFile.cjs') as () => unknown;
const accepts = require('../../functions/src/lambdaBundle/noContentNegotiation.cjs') as () => unknown;
const nodeFetch = require('../../functions/src/lambdaBundle/nativeFetch.cjs') as (
  url: string,
  init?: RequestInit & { timeout?: number; agent?: unknown },
) => Promise<Response>;
const FormData = require('../../functions/src/lambdaBundle/noMultipart.cjs') as new () => unknown;
const LRUCache = require('../../functions/src/lambdaBundle/mapLruCache.cjs') as new <K, V>(
  capacity: number,
) => {
  get(key: K): V | undefined;
  peek(key: K): V | undefined;
  has(key: K): boolean;
  set(key: K, value: V): unknown;
  clear(): void;
};

describe('the Lambda bundle’s stand-ins', () => {
  it('says a deprecation as Node’s own warning, once per message', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const deprecate = depd('router');
      deprecate('handlers that are Promise-like are deprecated');
      deprecate('handlers that are Promise-like are deprecated');
      deprecate('another');
      expect(warn.mock.calls).toEqual([
        ['router: handlers that are Promise-like are deprecated', 'DeprecationWarning'],
        ['router: another', 'DeprecationWarning'],
      ]);
    } finally {
      warn.mockRestore();
    }
  });

  it('says cookies, files from disk and content negotiation are not in the bundle, if ever called', () => {
    expect(() => cookie.serialize()).toThrow(/sets no cookies/);
    expect(() => serveStatic()).toThrow(/serves no files from disk/);
    expect(() => accepts()).toThrow(/does not negotiate/);
  });

  it('sends as node-fetch did with Node’s own fetch, its timeout given up on as node-fetch’s was', async () => {
    const bodies: string[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        bodies.push(`${req.method} ${req.headers['content-type']} ${body}`);
        if (req.url === '/slow') return; // never answers
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ Response: { RequestId: 'r1' } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const answer = await nodeFetch(`http://127.0.0.1:${port}/`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"PhoneNumberSet":["+8613800000000"]}',
        timeout: 5_000,
        agent: undefined,
      });
      expect([answer.status, answer.headers.get('content-type'), await answer.json()]).toEqual([
        200,
        'application/json',
        { Response: { RequestId: 'r1' } },
      ]);
      expect(bodies).toEqual(['POST application/json {"PhoneNumberSet":["+8613800000000"]}']);
      const started = Date.now();
      await expect(nodeFetch(`http://127.0.0.1:${port}/slow`, { method: 'POST', body: '{}', timeout: 100 })).rejects.toThrow(
        /timeout|aborted/i,
      );
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('says multipart forms are not in the bundle, if ever built', () => {
    expect(() => new FormData()).toThrow(/sent as JSON/);
  });

  it('keeps endpoints as an LRU cache does: the least used dropped past the capacity, a peek not counted as a use', () => {
    const cache = new LRUCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most used
    expect(cache.peek('b')).toBe(2); // a peek does not make b used
    cache.set('c', 3);
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true]);
    cache.set('a', 10);
    cache.set('d', 4);
    expect([cache.get('a'), cache.has('c'), cache.get('d')]).toEqual([10, false, 4]);
    cache.clear();
    expect(cache.has('a')).toBe(false);
  });
});

/** The Lambda bundle's stand-ins for depd, cookie, serve-static and accepts: what they do if ever reached. */
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';

const require = createRequire(import.meta.url);
const depd = require('../../functions/src/lambdaBundle/warningOnlyDepd.cjs') as (ns: string) => (message: string) => void;
const cookie = require('../../functions/src/lambdaBundle/noCookies.cjs') as { serialize: () => string };
const serveStatic = require('../../functions/src/lambdaBundle/noSendFile.cjs') as () => unknown;
const accepts = require('../../functions/src/lambdaBundle/noContentNegotiation.cjs') as () => unknown;

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
});

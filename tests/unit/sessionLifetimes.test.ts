/** Staff sessions never outlive workers': by default a working day against a month, and a setting cannot reverse it. */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../functions/src/config.js';

describe('session lifetimes', () => {
  it('defaults staff to 12 hours and workers to 30 days', () => {
    const config = readConfig({});
    expect(config.STAFF_TOKEN_TTL_SECONDS).toBe(12 * 3600);
    expect(config.TOKEN_TTL_SECONDS).toBe(30 * 24 * 3600);
  });

  it('refuses a staff lifetime longer than workers’', () => {
    expect(() => readConfig({ TOKEN_TTL_SECONDS: '3600', STAFF_TOKEN_TTL_SECONDS: '7200' })).toThrow(/STAFF_TOKEN_TTL_SECONDS/);
  });
});

/** The stand-in for qs in the Lambda bundle, and why it is safe: Express parses queries without qs. */
import express from 'express';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from '../../functions/src/lambdaBundle/noQueryStringLibrary.js';

describe('noQueryStringLibrary', () => {
  it('says it is not there, if ever called', () => {
    expect(() => parse()).toThrow(/simple parser/);
    expect(() => stringify()).toThrow(/not in the Lambda bundle/);
  });

  it('is never called: Express 5 parses query strings with its simple parser (node:querystring)', () => {
    const app = express();
    expect(app.get('query parser')).toBe('simple');
    const parseQuery = app.get('query parser fn') as (text: string) => Record<string, unknown>;
    expect(parseQuery('regionCode=150222102&limit=20&a=1&a=2')).toEqual({ regionCode: '150222102', limit: '20', a: ['1', '2'] });
  });
});

/** The UTF-8 decoder the Lambda bundle puts in place of iconv-lite, as body-parser and raw-body use it. */
import { describe, expect, it } from 'vitest';
import { decode, encodingExists, getDecoder } from '../../functions/src/lambdaBundle/utf8OnlyIconv.js';

const text = '{"displayName":"乌兰托娅"}';
const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);

describe('utf8OnlyIconv', () => {
  it('decodes a body whatever its chunks, a character split across two included, and drops the byte-order mark', () => {
    for (let cut = 0; cut <= bytes.length; cut++) {
      const decoder = getDecoder('utf-8');
      const parts = [bytes.subarray(0, cut), bytes.subarray(cut)].map((chunk) => decoder.write(chunk));
      expect(parts.join('') + (decoder.end() ?? ''), `cut at ${cut}`).toBe(text);
    }
    // The mark split from the first character, one byte at a time.
    const decoder = getDecoder('UTF8');
    expect([...bytes].map((byte) => decoder.write(Buffer.of(byte))).join('')).toBe(text);
    expect(decode(bytes, 'utf-8')).toBe(text);
  });

  it('keeps a byte-order mark that is not at the start', () => {
    expect(decode(Buffer.from('a\ufeffb', 'utf8'), 'utf-8')).toBe('a\ufeffb');
  });

  it('knows UTF-8 only, failing as iconv-lite does so raw-body answers 415', () => {
    expect(encodingExists('utf-8') && encodingExists('UTF8')).toBe(true);
    expect(encodingExists('utf-16le')).toBe(false);
    expect(encodingExists('gbk')).toBe(false);
    expect(() => getDecoder('gbk')).toThrow(/^Encoding not recognized: /);
    expect(() => decode(bytes, 'latin1')).toThrow(/^Encoding not recognized: /);
  });
});

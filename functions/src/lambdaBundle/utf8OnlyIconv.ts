/**
 * What the Lambda bundle puts in place of iconv-lite (infra/lib/bundling.ts aliases it).
 *
 * Why: body-parser and raw-body load iconv-lite to decode request bodies, and with it 480 KB of
 * code pages (GBK, Big5, Shift-JIS…) — a quarter of the API's bundle and of its cold start. The
 * API reads only JSON, which is UTF-8 (RFC 8259 §8.1), and `jsonBody` refuses any other charset
 * before body-parser sees it, so UTF-8 is all that is ever asked for. It keeps iconv-lite's
 * behaviour there: a leading BOM is dropped and an unknown encoding is "Encoding not recognized".
 */
import { StringDecoder } from 'node:string_decoder';

const isUtf8 = (encoding: string) => /^utf-?8$/i.test(encoding);
const withoutBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

function assertUtf8(encoding: string): void {
  if (!isUtf8(encoding)) throw new Error(`Encoding not recognized: '${encoding}' (only UTF-8 in this bundle)`);
}

export function encodingExists(encoding: string): boolean {
  return isUtf8(encoding);
}

export function decode(bytes: Buffer, encoding: string): string {
  assertUtf8(encoding);
  return withoutBom(bytes.toString('utf8'));
}

/** A streaming decoder: a character split across chunks comes out whole. */
export function getDecoder(encoding: string): { write(chunk: Buffer): string; end(): string | undefined } {
  assertUtf8(encoding);
  const decoder = new StringDecoder('utf8');
  let started = false;
  return {
    write(chunk) {
      const text = decoder.write(chunk);
      if (started || text === '') return text;
      started = true;
      return withoutBom(text);
    },
    end() {
      const rest = decoder.end();
      return rest === '' ? undefined : started ? rest : withoutBom(rest);
    },
  };
}

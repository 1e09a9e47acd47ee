/** The policy documents are written down once, and every reference to one goes through cite(). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cite, POLICY_DOCUMENTS, regionCodeSchema } from '@bangfu/shared';

const sharedSrc = join(import.meta.dirname, '..', '..', 'shared', 'src');
const policyTexts = join(import.meta.dirname, '..', '..', '..', 'shared', 'policy');

describe('policy documents', () => {
  it('spells a reference one way: no source outside the registry writes a document title by hand', () => {
    const handWritten = readdirSync(sharedSrc, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && file !== join('policy', 'documents.ts'))
      .filter((file) => /（文件 \d{3}）/.test(readFileSync(join(sharedSrc, file), 'utf8')));
    expect(handWritten).toEqual([]);
  });

  it('names for each document where it holds and the text it is', () => {
    const texts = readdirSync(policyTexts);
    for (const [id, document] of Object.entries(POLICY_DOCUMENTS)) {
      expect(regionCodeSchema.safeParse(document.jurisdiction).success, id).toBe(true);
      expect(
        texts.some((name) => name.startsWith(`${id}_`)),
        `the text of ${id}`,
      ).toBe(true);
      const text = readFileSync(
        join(
          policyTexts,
          texts.find((name) => name.startsWith(`${id}_`))!,
        ),
        'utf8',
      );
      if ('number' in document) expect(text, id).toContain(document.number);
    }
  });

  it('cites a document by its short title and number, with the section', () => {
    expect(cite('003', '二、(三)')).toEqual({ document: '江西就业帮扶实施意见（文件 003）', section: '二、(三)', policy: '003' });
  });
});

/**
 * The check every kind of document passes: rendered from its default template for a realistic
 * case, issued with a number, and read back with a DOCX reader — each item the Rules require is
 * in the text, with the number, the date in Chinese numerals, the procuratorate and the case; a
 * value missing from the data fails the rendering.
 */
import mammoth from 'mammoth';
import { defaultTemplates, renderDocx } from '../../documents/render';
import { issuedData, type CaseFacts } from '../../domain/documents/content';
import type { DocumentKind } from '../../domain/documents/kinds';

/** The seed-like sewage case the documents are made for. */
export const SEWAGE: CaseFacts = {
  procuratorate: '浦口区人民检察院',
  caseNumber: '320111-2026-00012',
  caseTitle: '某化工园区雨水排口偷排废水案',
  source: '群众举报',
  domain: '生态环境和资源保护',
  domainBasis: '《中华人民共和国行政诉讼法》第二十五条第四款',
  description: '群众反映某化工园区雨水排口在夜间排放有色废水，七里河下游出现死鱼。',
};
export const ISSUED_ON = '2026-12-02';
export const ISSUED_DATE = '二〇二六年十二月二日';

export interface RenderedCase {
  kind: DocumentKind;
  number: string;
  data: Record<string, unknown>;
  /** Text the document must hold beside the number, the date, the procuratorate and the case. */
  expected: string[];
  /** A key of the data without which the rendering fails. */
  required: string;
}

export async function rendered(c: Pick<RenderedCase, 'kind' | 'number' | 'data'>): Promise<Buffer> {
  const template = await defaultTemplates.templateFor(c.kind);
  return renderDocx(template.bytes, issuedData(c.data, c.number, ISSUED_ON));
}

export function describeRenderedKinds(cases: RenderedCase[]): void {
  describe.each(cases)('$kind $number', (c) => {
    it('holds each required item, the case, the procuratorate, the number and the date in Chinese numerals', async () => {
      const text = (await mammoth.extractRawText({ buffer: await rendered(c) })).value;
      for (const expected of [...c.expected, c.number, ISSUED_DATE, '浦口区人民检察院', SEWAGE.caseTitle])
        expect({ expected, found: text.includes(expected) }).toEqual({ expected, found: true });
    });

    it('a value missing from its data fails the rendering', async () => {
      const { [c.required]: _missing, ...rest } = c.data;
      await expect(rendered({ ...c, data: rest })).rejects.toThrow();
    });
  });
}

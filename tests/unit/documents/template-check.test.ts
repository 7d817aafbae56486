/**
 * A template is checked before it is used: every default passes; a placeholder the kind does not
 * have, a broken file and a template that cannot render with sample data are refused, the message
 * naming the placeholder.
 */
import JSZip from 'jszip';
import { defaultTemplates } from '../../../documents/render';
import { checkTemplate } from '../../../documents/template-check';
import { DOCUMENT_KIND_IDS } from '../../../domain/documents/kinds';

/** The default template of `kind` with `from` replaced by `to` in its body. */
async function edited(kind: 'recommendation' | 'civil_complaint', from: string, to: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync((await defaultTemplates.templateFor(kind)).bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toContain(from);
  zip.file('word/document.xml', xml.replace(from, to));
  return zip.generateAsync({ type: 'nodebuffer' });
}

it.each(DOCUMENT_KIND_IDS)('the default template of %s passes', async (kind) => {
  expect(await checkTemplate(kind, (await defaultTemplates.templateFor(kind)).bytes)).toEqual({ ok: true });
});

it('a placeholder the kind does not have is refused, naming it', async () => {
  const bytes = await edited('recommendation', '{{INS organName}}', '{{INS organAddress}}');
  expect(await checkTemplate('recommendation', bytes)).toEqual({
    ok: false,
    message: '模板的占位符 {{INS organAddress}} 中的 organAddress 不是检察建议书的内容',
  });
});

it('a placeholder of another kind is refused for this one', async () => {
  const bytes = await edited('civil_complaint', '{{INS reasons}}', '{{INS harmFacts}}');
  expect(await checkTemplate('civil_complaint', bytes)).toMatchObject({
    ok: false,
    message: expect.stringContaining('harmFacts 不是民事公益诉讼起诉书的内容'),
  });
});

it('an expression instead of a name is refused, naming it', async () => {
  const bytes = await edited('recommendation', '{{INS organName}}', '{{INS process.env.HOME}}');
  expect(await checkTemplate('recommendation', bytes)).toEqual({
    ok: false,
    message: '模板的占位符 {{INS process.env.HOME}} 不是本系统支持的写法',
  });
});

it('a loop that is never closed cannot render and is refused', async () => {
  const bytes = await edited('recommendation', '{{END-FOR item}}', '');
  expect(await checkTemplate('recommendation', bytes)).toMatchObject({
    ok: false,
    message: expect.stringMatching(/^模板无法用示例数据生成检察建议书/),
  });
});

it('a file that is not a .docx is refused', async () => {
  expect(await checkTemplate('recommendation', Buffer.from('not a docx'))).toMatchObject({
    ok: false,
    message: expect.stringContaining('不是有效的 .docx 文件'),
  });
});

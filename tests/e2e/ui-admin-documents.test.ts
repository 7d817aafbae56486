/**
 * 系统管理 › 文书模板与编号, in Chromium against `npm start`: the admin downloads the 检察建议书's
 * template in use, uploads one with a placeholder the kind does not have (refused, naming it),
 * uploads a good one (in use as 本院第 1 版, the version served holding its mark), returns the
 * kind to the default, and changes the kind's code in the numbering (a code with a digit refused).
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { ApiClient } from '../helpers/http';
import { screenshot, signIn } from '../helpers/browser';
import { useUiApp } from '../helpers/ui-app';

const TEST = 'ui-admin-documents';
const MARK = '本院样式一号';
const ui = useUiApp(TEST);

/** The downloaded template with `from` replaced by `to`. */
async function edited(template: Buffer, from: string, to: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(template);
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toContain(from);
  zip.file('word/document.xml', xml.replace(from, to));
  return zip.generateAsync({ type: 'nodebuffer' });
}

const docx = (name: string, buffer: Buffer) => ({
  name,
  mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  buffer,
});

const rowOf = (page: Page, kind: string) => page.locator(`tr[data-kind="${kind}"]`);

it('when the admin replaces a template, is refused a bad one, returns to the default and renumbers a kind, then the page and the API agree', async () => {
  const admin = await signIn(ui.browser, ui.app.baseUrl, 'admin');
  await admin.goto(`${ui.app.baseUrl}/admin/documents`);
  await admin.getByRole('heading', { name: '文书模板', exact: true }).waitFor();
  const row = rowOf(admin, 'recommendation');
  await row.getByRole('cell', { name: '系统默认模板' }).waitFor();

  const [download] = await Promise.all([
    admin.waitForEvent('download'),
    row.getByRole('button', { name: '下载现用模板' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('检察建议书模板（默认）.docx');
  const template = await readFile((await download.path())!);

  const input = admin.getByLabel('上传检察建议书模板');
  await input.setInputFiles(
    docx('错误模板.docx', await edited(template, '{{INS organName}}', '{{INS organAddress}}')),
  );
  const refusal = admin.getByRole('alert').filter({ hasText: '检察建议书模板未更换' });
  await refusal.waitFor();
  expect(await refusal.innerText()).toContain('organAddress 不是检察建议书的内容');
  await row.getByRole('cell', { name: '系统默认模板' }).waitFor();
  await screenshot(admin, TEST, '01-refused');

  await input.setInputFiles(docx('本院模板.docx', await edited(template, '检察建议书', `检察建议书${MARK}`)));
  await admin.getByRole('status').filter({ hasText: '已上传检察建议书模板第 1 版' }).waitFor();
  await row.getByRole('cell', { name: '本院第 1 版' }).waitFor();
  await screenshot(admin, TEST, '02-uploaded');

  // The API says the upload is in use, and serves it as uploaded.
  const api = await ApiClient.login(ui.app.baseUrl, { username: 'admin' }, 'duban-demo');
  const listed = await api.get('/api/admin/documents/templates');
  const entry = listed.body.find((k: { kind: string }) => k.kind === 'recommendation');
  expect(entry.inUse).toEqual({ id: entry.uploads[0].id, version: 1 });
  const inUse = await api.download(`/api/admin/documents/templates/recommendation/1`);
  expect((await mammoth.extractRawText({ buffer: inUse.bytes })).value).toContain(MARK);

  await row.getByRole('button', { name: '恢复默认模板' }).click();
  await admin.getByRole('status').filter({ hasText: '检察建议书已恢复使用系统默认模板' }).waitFor();
  await row.getByRole('cell', { name: '系统默认模板' }).waitFor();
  await row.getByText('共 1 版').waitFor();
  expect(await row.getByRole('button', { name: '恢复默认模板' }).count()).toBe(0);
  const after = (await api.get('/api/admin/documents/templates')).body.find(
    (k: { kind: string }) => k.kind === 'recommendation',
  );
  expect(after.inUse).toEqual(entry.default);

  const numbering = admin.getByRole('form', { name: '文书编号（文号）' });
  const code = numbering.getByLabel('检察建议书的代字');
  await code.fill('行公建1');
  await numbering.getByRole('button', { name: '保存编号设置' }).click();
  await numbering.getByRole('alert').filter({ hasText: '不能含空白、括号或数字' }).waitFor();
  await code.fill('行公检建');
  await numbering.getByRole('button', { name: '保存编号设置' }).click();
  const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(
    new Date(),
  );
  await numbering
    .getByRole('status')
    .filter({ hasText: `浦检行公检建〔${year}〕1号` })
    .waitFor();
  await numbering.getByRole('cell', { name: `浦检行公检建〔${year}〕1号` }).waitFor();
  await screenshot(admin, TEST, '03-numbering');
  const saved = await api.get('/api/admin/documents/numbering');
  expect(saved.body).toMatchObject({
    shortName: '浦检',
    configured: true,
    kindCodes: { recommendation: '行公检建' },
  });

  await admin.close();
  expect(ui.browser.errors).toEqual([]);
});

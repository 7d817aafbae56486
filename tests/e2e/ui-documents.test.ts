/**
 * The documents panel on the case page, in Chromium against `npm start`: the prosecutor proposes a
 * recommendation and its 检察建议书 draft appears, the prosecutor edits an item, the head reviews,
 * the chief decides and the document is issued with its number (文号), read-only; the prosecutor
 * downloads the Word file, which holds the edited item, the citation ticked and the number.
 */
import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { COMMON_LEGAL_BASES } from '../../domain/documents/content';
import { ApiClient } from '../helpers/http';
import { act, screenshot, signIn } from '../helpers/browser';
import { useUiApp } from '../helpers/ui-app';

const TEST = 'ui-documents';
const TITLE = '某化工园区雨水排口偷排废水';
const EDITED_ITEM = '对园区雨水排口开展为期三个月的夜间巡查';
const CITATION = COMMON_LEGAL_BASES[2]!;
const ui = useUiApp('ui-documents');
let caseId: string;

const shanghaiDay = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** An action over the API, as the person signed in. */
async function apiAct(client: ApiClient, action: string, body: object): Promise<void> {
  const res = await client.post(`/api/cases/${caseId}/actions/${action}`, body);
  expect({ action, status: res.status, body: res.body }).toMatchObject({ status: 200 });
}

async function openCase(page: Page): Promise<void> {
  await page.goto(`${ui.app.baseUrl}/cases/${caseId}`);
  await page.getByRole('heading', { name: TITLE }).waitFor();
}

const panelOf = (page: Page) => page.getByRole('region', { name: '法律文书' });

/** A filed and investigated case (over the API: the panel is what this file tests). */
beforeAll(async () => {
  const login = (username: string) => ApiClient.login(ui.app.baseUrl, { username }, 'duban-demo');
  const [prosecutor, head, chief] = await Promise.all([login('zhangjc'), login('lifz'), login('wangjcz')]);
  const today = shanghaiDay();
  const created = await prosecutor.post('/api/cases', {
    title: TITLE,
    description: '群众反映某化工园区雨水排口在夜间排放有色废水。',
    domainCode: 'ecology',
    source: 'public_report',
    receivedOn: today,
  });
  expect(created.status).toBe(201);
  caseId = created.body.id;
  await apiAct(prosecutor, 'proposeFiling', { reason: '线索查证属实' });
  await apiAct(head, 'reviewProposal', { approve: true, reviewedOn: today, reasons: '同意报请立案' });
  await apiAct(chief, 'decideFiling', { approve: true, decidedOn: today, reason: '符合立案条件' });
  await apiAct(prosecutor, 'recordInvestigation', { on: today, summary: '夜间蹲守，取得排放视频及水样' });
}, 120_000);

it('when a 检察建议书 is drafted, edited, reviewed and decided, then the panel shows it issued with its number and the downloaded Word file holds the edited item', async () => {
  const prosecutor = await signIn(ui.browser, ui.app.baseUrl, 'zhangjc');
  await openCase(prosecutor);
  await act(prosecutor, '提请发出检察建议', async (form) => {
    await form.getByLabel('提请理由').fill('区生态环境局接到举报后未依法查处');
    await form.getByLabel('行政机关', { exact: true }).selectOption({ label: '区生态环境局' });
    await form.getByLabel('单位', { exact: true }).selectOption({ label: '个月' });
    await form.getByLabel('长度', { exact: true }).fill('2');
    await form.getByLabel('建议内容').fill('依法查处偷排废水行为');
    await form.getByLabel('建议的具体内容').fill('责令涉事企业立即停止偷排\n对雨水排口开展巡查');
  });

  const panel = panelOf(prosecutor);
  const row = panel.getByRole('row', { name: '检察建议书（区生态环境局）' });
  await row.getByRole('cell', { name: '草稿', exact: true }).waitFor();
  await row.getByText('签发时编号').waitFor();
  await row.getByRole('button', { name: '修改草稿' }).click();
  const form = panel.getByRole('form', { name: '修改文书草稿' });
  const items = form.getByLabel('建议事项（每行一项，编号自动生成）');
  expect(await items.inputValue()).toBe('责令涉事企业立即停止偷排\n对雨水排口开展巡查');
  await items.fill(`责令涉事企业立即停止偷排\n${EDITED_ITEM}`);
  // A common citation is added to the legal basis by ticking it.
  const bases = form.getByLabel('法律依据（每行一条）');
  const before = await bases.inputValue();
  await form.getByRole('checkbox', { name: CITATION }).check();
  expect(await bases.inputValue()).toBe(`${before}\n${CITATION}`);
  await screenshot(prosecutor, TEST, '01-edit-draft');
  await form.getByRole('button', { name: '保存草稿' }).click();
  await form.waitFor({ state: 'detached' });
  await row.getByRole('button', { name: '预览' }).click();
  const preview = panel.getByRole('region', { name: '文书预览' });
  await preview.waitFor();
  await preview.getByText(EDITED_ITEM).or(preview.locator('iframe')).first().waitFor();
  await screenshot(prosecutor, TEST, '02-draft-preview');

  const head = await signIn(ui.browser, ui.app.baseUrl, 'lifz');
  await openCase(head);
  await act(head, '部门负责人审核提请', async (f) => {
    await f.getByRole('radio', { name: '同意', exact: true }).check();
    await f.getByLabel('审核意见').fill('同意报请发出检察建议');
  });
  const chief = await signIn(ui.browser, ui.app.baseUrl, 'wangjcz');
  await openCase(chief);
  await act(chief, '决定发出检察建议', async (f) => {
    await f.getByRole('radio', { name: '同意', exact: true }).check();
    await f.getByLabel('决定理由').fill('同意发出');
  });

  await openCase(prosecutor);
  await row.getByRole('cell', { name: '已签发', exact: true }).waitFor();
  const number = (await row.locator('td').nth(1).innerText()).trim();
  expect(number).toMatch(/^浦检行公建〔\d{4}〕\d+号$/);
  expect(await row.getByRole('button', { name: '修改草稿' }).count()).toBe(0);
  await screenshot(prosecutor, TEST, '03-issued');

  const [download] = await Promise.all([
    prosecutor.waitForEvent('download'),
    row.getByRole('button', { name: '下载 Word' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`检察建议书（区生态环境局）${number}.docx`);
  const bytes = await readFile((await download.path())!);
  const text = (await mammoth.extractRawText({ buffer: bytes })).value;
  expect(text).toContain(number);
  expect(text).toContain(`（二）${EDITED_ITEM}`);
  expect(text).toContain('（一）责令涉事企业立即停止偷排');
  expect(text).not.toContain('（二）对雨水排口开展巡查');
  expect(text).toContain(CITATION);
  for (const page of [prosecutor, head, chief]) await page.close();
  expect(ui.browser.errors).toEqual([]);
});

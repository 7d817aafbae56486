/**
 * The organ's page at a phone's viewport, in Chromium against `npm start`: the link mailed when
 * the chief issued the recommendation opens it; a code by mail lets the organ in; it confirms
 * receipt and answers the first item, which it then cannot change, reports progress and asks for
 * more time. No staff navigation shows.
 */
import { ApiClient } from '../helpers/http';
import { openBrowser, screenshot, signIn, type Browser } from '../helpers/browser';
import { useUiApp } from '../helpers/ui-app';

const TEST = 'ui-organ';
const ui = useUiApp('ui-organ');
const ORGAN_MAIL = 'sthjj@organ.example';
let prosecutor: ApiClient;
let phone: Browser;
let caseId: string;

interface Caught {
  to: string[];
  subject: string;
  text: string;
}

/** The latest mail to the organ whose subject starts so, from the development mailbox. */
async function mailTo(subject: string): Promise<Caught> {
  for (let tries = 0; tries < 60; tries += 1) {
    const res = await prosecutor.get('/api/dev/mail');
    const list = (Array.isArray(res.body) ? res.body : res.body.items) as Caught[];
    const found = list.find(
      (m) => m.to.includes(ORGAN_MAIL) && m.subject.startsWith(subject) && m.text.includes(caseId),
    );
    const code = list.find((m) => m.to.includes(ORGAN_MAIL) && m.subject.startsWith(subject));
    if (subject.includes('验证码') ? code : found) return (subject.includes('验证码') ? code : found)!;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no mail "${subject}" to ${ORGAN_MAIL}`);
}

beforeAll(async () => {
  const url = ui.app.baseUrl;
  prosecutor = await ApiClient.login(url, { username: 'zhangjc' }, 'duban-demo');
  const chief = await ApiClient.login(url, { username: 'wangjcz' }, 'duban-demo');
  const head = await ApiClient.login(url, { username: 'lifz' }, 'duban-demo');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const created = await prosecutor.post('/api/cases', {
    title: '某工业园区固体废物堆放',
    description: '群众反映工业园区东侧空地堆放固体废物。',
    domainCode: 'ecology',
    source: 'public_report',
    receivedOn: today,
  });
  caseId = created.body.id;
  const act = async (who: ApiClient, name: string, body: object) =>
    expect((await who.post(`/api/cases/${caseId}/actions/${name}`, body)).status).toBe(200);
  const review = { approve: true, reviewedOn: today, reasons: '同意报请' };
  await act(prosecutor, 'proposeFiling', { reason: '线索查证属实' });
  await act(head, 'reviewProposal', review);
  await act(chief, 'decideFiling', { approve: true, decidedOn: today, reason: '同意立案' });
  await act(prosecutor, 'recordInvestigation', { on: today, summary: '现场勘查' });
  await act(prosecutor, 'proposeRecommendation', {
    reason: '未依法查处',
    recommendations: [
      {
        organId: 'org-pk-eco',
        rectificationPeriod: { unit: 'months', count: 2 },
        summary: '清运固体废物',
        items: '责令限期清运固体废物\n开展周边土壤监测',
      },
    ],
  });
  await act(head, 'reviewProposal', review);
  await act(chief, 'decideRecommendation', { approve: true, decidedOn: today, reason: '同意发出' });
  phone = await openBrowser({ width: 390, height: 844 });
}, 120_000);
afterAll(() => phone?.close());

it('when the organ opens its link on a phone, then it gets in by the mailed code, confirms receipt, answers an item once, reports progress and asks for more time', async () => {
  const link = /(https?:\/\/\S+\/organ\/[A-Za-z0-9_-]+)/.exec((await mailTo('【检察建议】')).text)![1]!;
  const page = await phone.context.newPage();
  await page.goto(`${ui.app.baseUrl}${new URL(link).pathname}`);
  await page.getByText('区生态环境局：请凭发送至').waitFor();
  await page.getByRole('button', { name: '获取验证码' }).click();
  await page.getByRole('status').getByText('验证码已发送').waitFor();
  const code = /验证码是：(\d{6})/.exec((await mailTo('【检察建议】验证码')).text)![1]!;

  await page.getByLabel('验证码').fill('000000');
  await page.getByRole('button', { name: '进入' }).click();
  await page.getByRole('status').getByText('验证码错误或已过期').waitFor();
  await page.getByLabel('验证码').fill(code);
  await page.getByRole('button', { name: '进入' }).click();
  await page.getByText('责令限期清运固体废物').waitFor();
  expect(await page.getByRole('navigation').count()).toBe(0);
  await screenshot(page, TEST, '01-recommendation');

  await page.getByLabel('签收人姓名').fill('张科长');
  await page.getByRole('button', { name: '确认签收' }).click();
  await page.getByText(/已于 \d{4}年\d{1,2}月\d{1,2}日 确认签收/).waitFor();
  const first = page.getByRole('form', { name: '答复第 1 项' });
  await first.getByRole('button', { name: '提交（提交后不能修改）' }).click();
  await page.getByText('已答复：采纳，已整改').waitFor();
  expect(await page.getByRole('form', { name: '答复第 1 项' }).count()).toBe(0);
  await screenshot(page, TEST, '02-answered');

  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const report = page.getByRole('form', { name: '报送整改进展' });
  await report.getByLabel('进展截至日期').fill(today);
  await report.getByPlaceholder('整改进展').fill('已清运固体废物 300 吨');
  await report.getByRole('button', { name: '报送进展（报送后不能修改）' }).click();
  await page
    .getByRole('list', { name: '已报送的整改进展' })
    .getByText(/已清运固体废物 300 吨/)
    .waitFor();
  const ask = page.getByRole('form', { name: '申请延长整改期限' });
  await ask.getByLabel('申请延长至').fill(`${Number(today.slice(0, 4)) + 1}${today.slice(4)}`);
  await ask.getByPlaceholder('申请延期的理由').fill('清运需完成招投标');
  await ask.getByRole('button', { name: '申请延期' }).click();
  await page
    .getByRole('list', { name: '延期申请' })
    .getByText(/待检察机关决定/)
    .waitFor();
  expect(await page.getByRole('form', { name: '申请延长整改期限' }).count()).toBe(0);
  await screenshot(page, TEST, '03-rectification');
  expect(phone.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);

  // The handler, who decides the request, is notified and named beside it on the case page.
  const staff = await signIn(ui.browser, ui.app.baseUrl, 'zhangjc');
  await staff.goto(`${ui.app.baseUrl}/cases/${caseId}`);
  await staff
    .getByRole('list', { name: '延期申请' })
    .getByText(/由承办检察官张检察官（本人）在「办理」中决定是否准予延长/)
    .waitFor();
  const bell = staff
    .getByRole('navigation', { name: '主导航' })
    .getByRole('button', { name: /^通知，\d+ 条未读$/ });
  await bell.click();
  await staff
    .getByRole('region', { name: '通知' })
    .getByRole('link', { name: /申请将整改期限延长至.*待您决定/ })
    .waitFor();
  await screenshot(staff, TEST, '04-extension-who-decides');
  await staff.close();
});

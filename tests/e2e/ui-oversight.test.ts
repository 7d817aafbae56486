/**
 * The procuratorate above in Chromium against `npm start`: the city's oversight user sees 浦口
 * and 六合 side by side, drills into 浦口's case list and opens a case that offers it nothing to
 * do; the case office of 浦口 lists its typical cases by domain and year.
 */
import { ApiClient } from '../helpers/http';
import { screenshot, signIn } from '../helpers/browser';
import { useUiApp } from '../helpers/ui-app';

const TEST = 'ui-oversight';
const ui = useUiApp('ui-oversight');
const TITLE = '某再生资源公司违规堆放固体废物';
const ASSIGNED = '上级交办：某河段非法采砂';

beforeAll(async () => {
  const receivedOn = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const lead = (title: string) => ({
    title,
    description: '群众反映某公司在厂区外堆放固体废物。',
    domainCode: 'ecology',
    source: 'public_report',
    receivedOn,
  });
  for (const [user, title] of [
    ['zhangjc', TITLE],
    ['chenjc', '某化工园区雨水管网偷排'],
  ] as const) {
    const staff = await ApiClient.login(ui.app.baseUrl, { username: user }, 'duban-demo');
    expect((await staff.post('/api/cases', lead(title))).status).toBe(201);
  }
}, 60_000);

describe('the procuratorate above', () => {
  it('when the city’s oversight user signs in, then it sees its districts side by side and reads their cases only', async () => {
    const page = await signIn(ui.browser, ui.app.baseUrl, 'zhoujd');
    await page.getByRole('heading', { name: '下级院' }).waitFor();
    const table = page.getByRole('table', { name: '各下级院数据' });
    await table.getByRole('rowheader', { name: /浦口区人民检察院/ }).waitFor();
    await table.getByRole('rowheader', { name: /六合区人民检察院/ }).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(2);
    // Each district registered one lead today.
    const pukou = table.getByRole('row', { name: /浦口区人民检察院/ });
    expect(await pukou.locator('td').first().textContent()).toBe('1');
    await screenshot(page, TEST, '01-districts-side-by-side');

    await page.getByRole('link', { name: '浦口区人民检察院' }).click();
    await page.getByRole('heading', { name: '浦口区人民检察院的案件' }).waitFor();
    await page.getByRole('link', { name: TITLE }).waitFor();
    expect(await page.getByText('某化工园区雨水管网偷排').count()).toBe(0);
    await screenshot(page, TEST, '02-district-cases');

    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await page.getByRole('note').filter({ hasText: '只读：本案由浦口区人民检察院办理' }).waitFor();
    await page.getByText('正在加载时间线').waitFor({ state: 'detached' });
    // Read only: the case offers the city nothing to do.
    expect(await page.getByRole('button', { name: /^办理|提请立案/ }).count()).toBe(0);
    await screenshot(page, TEST, '03-read-only-case');
    await page.close();
  });

  it('when the city’s chief assigns a lead to 六合 through the form, then 六合’s handler has it and the city reads it with names, not user IDs', async () => {
    const chief = await signIn(ui.browser, ui.app.baseUrl, 'qianjcz');
    await chief.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '上级交办' }).click();
    await chief.getByRole('heading', { name: '上级交办', exact: true }).waitFor();
    await chief.getByLabel('交由哪个下级院办理').selectOption({ label: '六合区人民检察院' });
    await chief.getByLabel('下级院的承办检察官').selectOption({ label: '陈检察官（承办检察官）' });
    await chief.getByLabel('线索名称').fill(ASSIGNED);
    await chief.getByLabel('线索内容').fill('上级院交办的线索：某河段夜间非法采砂，河床受损。');
    await chief.getByLabel('领域').selectOption({ label: '生态环境和资源保护' });
    await chief.getByLabel('交办要求').fill('三个月内报告办理情况');
    await screenshot(chief, TEST, '05-assign-form');
    await chief.getByRole('button', { name: '交办', exact: true }).click();
    await chief.getByRole('heading', { name: ASSIGNED }).waitFor();
    await chief.getByText('承办人：陈检察官').waitFor();
    await chief.close();

    const handler = await ApiClient.login(ui.app.baseUrl, { username: 'chenjc' }, 'duban-demo');
    const mine = await handler.get(`/api/cases?handler=me&q=${encodeURIComponent(ASSIGNED)}`);
    expect(mine.body.items.map((c: { title: string }) => c.title)).toEqual([ASSIGNED]);

    const oversight = await signIn(ui.browser, ui.app.baseUrl, 'zhoujd');
    await oversight.getByRole('link', { name: '六合区人民检察院' }).click();
    await oversight.getByRole('link', { name: ASSIGNED }).click();
    await oversight.getByRole('heading', { name: ASSIGNED }).waitFor();
    await oversight.getByText('承办人：陈检察官').waitFor();
    await oversight.getByText('正在加载时间线').waitFor({ state: 'detached' });
    // The timeline names the city's chief who registered it, from the city's own directory.
    await oversight.locator('.timeline').getByText('钱检察长').first().waitFor();
    expect(await oversight.getByText(/u-(lh|nj)-/).count()).toBe(0);
    await screenshot(oversight, TEST, '06-assigned-case-read-from-above');
    await oversight.close();
    expect(ui.browser.errors).toEqual([]);
  });

  it('when the case office opens 典型案例, then it filters by domain and year', async () => {
    const page = await signIn(ui.browser, ui.app.baseUrl, 'zhaoag');
    await page.getByRole('link', { name: '典型案例' }).click();
    await page.getByRole('heading', { name: '典型案例' }).waitFor();
    await page.getByLabel('领域').selectOption({ label: '生态环境和资源保护' });
    await page.getByLabel('立案年份').waitFor();
    await page.getByText('没有符合条件的典型案例。').waitFor();
    await screenshot(page, TEST, '04-typical-cases');
    await page.close();
  });
});

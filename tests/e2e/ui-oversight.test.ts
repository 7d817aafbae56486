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

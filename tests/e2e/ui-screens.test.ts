/**
 * The screens around the cases, in Chromium against `npm start`: the case office's calendar
 * and statistics, the organ registry, the admin's holiday what-if preview (read-only: the
 * platform's administrator changes what binds every procuratorate, here a domain),
 * the caught mail of development mode, the public intake on a phone and the staff's queue of
 * public leads, an organ's recommendations and cases searched on the server, and an organ
 * registered, opened and deactivated.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ApiClient } from '../helpers/http';
import { screenshot, signIn } from '../helpers/browser';
import { useUiApp } from '../helpers/ui-app';
import { intakeProofHeaders } from '../helpers/intake-proof';
import { issueRecommendation } from '../helpers/issued-recommendation';
import { eventually } from '../helpers/npm-start';

const TEST = 'ui-screens';
const ROOT = join(__dirname, '..', '..');

const ui = useUiApp('ui-screens');
const ORGAN = 'org-pk-eco';
const ORGAN_CASES = ['某化工厂违法排放废水', '某建筑工地扬尘污染'];

beforeAll(async () => {
  // One case, so that the calendar, the charts and the mailbox have something to show.
  const prosecutor = await ApiClient.login(ui.app.baseUrl, { username: 'zhangjc' }, 'duban-demo');
  const receivedOn = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const created = await prosecutor.post('/api/cases', {
    title: '某街道办事处未追回农机购置补贴',
    description: '刑事案件中发现骗取农机购置补贴，国有财产未追回。',
    domainCode: 'state_assets',
    source: 'criminal_case',
    receivedOn,
  });
  expect(created.status).toBe(201);
  // Two recommendations to one organ, so that its page has lists to search.
  for (const title of ORGAN_CASES) await issueRecommendation(ui.app.baseUrl, { title, organId: ORGAN });
  const issued = await eventually(
    () => prosecutor.get(`/api/statistics/cases?figure=issued&organId=${ORGAN}`),
    (res) => res.body.total === ORGAN_CASES.length,
    30_000,
  );
  expect(issued.body.total).toBe(ORGAN_CASES.length);
}, 120_000);

describe('the screens around the cases', () => {
  it('when the case office opens the calendar, the statistics and the organs, then deadlines, holidays, charts and records show', async () => {
    const office = await signIn(ui.browser, ui.app.baseUrl, 'zhaoag');
    await office.getByRole('heading', { name: '本院案件' }).waitFor();
    await office.getByText('某街道办事处未追回农机购置补贴').waitFor();
    await screenshot(office, TEST, '01-case-office-cases');

    await office.getByRole('link', { name: '期限日历' }).click();
    await office.getByText('节假日按系统内置的国务院节假日安排').waitFor();
    await office.getByText('正在加载期限').waitFor({ state: 'detached' });
    // The lead's evaluation clock ends about a month from today: this month's view or the next.
    const evaluation = office.locator('.fc-event', { hasText: '线索评估' });
    for (let months = 0; months < 2 && (await evaluation.count()) === 0; months++)
      await office.locator('.fc-next-button').click();
    await evaluation.first().waitFor();
    await screenshot(office, TEST, '02-calendar');
    // Days off and make-up working days are marked: the nearest month before with any.
    const marks = office.locator('.fc .day-mark');
    for (let months = 0; months < 14 && (await marks.count()) === 0; months++)
      await office.locator('.fc-prev-button').click();
    await marks.first().waitFor();
    await screenshot(office, TEST, '02b-calendar-holidays');

    await office.getByRole('link', { name: '统计分析' }).click();
    await office.getByText(/统计期间：/).waitFor();
    await office.locator('.chart svg').first().waitFor();
    expect(await office.locator('figure .chart').count()).toBeGreaterThanOrEqual(5);
    await screenshot(office, TEST, '03-dashboard');

    await office.getByRole('link', { name: '行政机关' }).click();
    await office.getByRole('rowheader', { name: /区生态环境局/ }).waitFor();
    await screenshot(office, TEST, '04-organs');
    await office.close();
  });

  it("when the case office searches an organ's recommendations and cases, then the server narrows each list", async () => {
    const office = await signIn(ui.browser, ui.app.baseUrl, 'zhaoag');
    await office.goto(`${ui.app.baseUrl}/organs/${ORGAN}`);
    await office.getByRole('heading', { name: '区生态环境局' }).waitFor();
    const card = (heading: string | RegExp) =>
      office.locator('.card', { has: office.getByRole('heading', { name: heading }) });
    const lists = [
      {
        card: card(/本年发出的检察建议/),
        search: '搜索本年的检察建议',
        api: '/api/statistics/cases',
        what: '检察建议',
      },
      { card: card('涉及该机关的案件'), search: '搜索涉及该机关的案件', api: '/api/cases', what: '案件' },
    ];
    const [dust, wastewater] = [ORGAN_CASES[1]!, ORGAN_CASES[0]!];
    for (const list of lists) {
      await list.card.getByRole('link', { name: dust }).waitFor();
      await list.card.getByRole('link', { name: wastewater }).waitFor();
      await list.card.getByRole('status').getByText('共 2 条').waitFor();
      const asked = office.waitForRequest((r) => {
        const url = new URL(r.url());
        return url.pathname === list.api && url.searchParams.get('q') === '扬尘';
      });
      await list.card.getByLabel(list.search).fill('扬尘');
      await asked;
      await list.card.getByRole('status').getByText(`符合条件的${list.what}共 1 条`).waitFor();
      await list.card.getByRole('link', { name: dust }).waitFor();
      expect(await list.card.getByRole('link', { name: wastewater }).count()).toBe(0);
    }
    await screenshot(office, TEST, '04b-organ-searched');
    await office.close();
    expect(ui.browser.errors).toEqual([]);
  });

  it("when a procuratorate's admin previews a holiday schedule, then the what-if shows its own deadlines read-only, and only the platform's administrator adds a domain", async () => {
    const admin = await signIn(ui.browser, ui.app.baseUrl, 'admin');
    await admin.getByRole('heading', { name: '系统管理' }).waitFor();
    await admin.getByRole('rowheader', { name: /张检察官/ }).waitFor();
    await screenshot(admin, TEST, '05-admin-users');

    await admin.getByRole('link', { name: '节假日安排' }).click();
    await admin
      .getByText(/由平台管理员（省级或全国管理员）修改/)
      .first()
      .waitFor();
    await admin.getByLabel('年份').fill('2026');
    await admin
      .getByLabel('.ics 日历文件')
      .setInputFiles(join(ROOT, 'node_modules/chinese-days/dist/years/2026.ics'));
    await admin.getByRole('button', { name: '预览变化（不保存）' }).click();
    await admin.getByRole('heading', { name: /预览：2026年/ }).waitFor();
    await admin.getByText(/共检查 \d+ 个未届满期限/).waitFor();
    expect(await admin.getByRole('button', { name: /确认载入/ }).count()).toBe(0);
    await screenshot(admin, TEST, '06-holiday-what-if');

    await admin.getByRole('link', { name: '期限与提醒策略' }).click();
    await admin.getByText('届满前7日').waitFor();
    await admin
      .getByText(/由平台管理员（省级或全国管理员）修改/)
      .first()
      .waitFor();
    await screenshot(admin, TEST, '07-policy');

    await admin.getByRole('link', { name: '公益诉讼领域' }).click();
    await admin.getByRole('rowheader', { name: /生态环境和资源保护/ }).waitFor();
    expect(await admin.getByRole('button', { name: '新增等外探索领域' }).count()).toBe(0);

    const platform = await signIn(ui.browser, ui.app.baseUrl, 'pingtai');
    await platform.getByRole('heading', { name: '系统管理' }).waitFor();
    expect(await platform.getByRole('link', { name: '用户与角色' }).count()).toBe(0);
    await platform.getByRole('link', { name: '公益诉讼领域' }).click();
    await platform.getByRole('button', { name: '新增等外探索领域' }).click();
    await platform.getByLabel('领域代码').fill('public_safety');
    await platform.getByLabel('领域名称').fill('公共安全');
    const yesNo = (group: string, answer: '是' | '否') =>
      platform.getByRole('radiogroup', { name: group }).getByRole('radio', { name: answer }).check();
    await yesNo('可办理行政公益诉讼', '是');
    await yesNo('可办理民事公益诉讼', '否');
    await platform.getByRole('button', { name: '新增领域' }).click();
    await platform.getByText('已保存：公共安全（public_safety）第 1 版').waitFor();
    await platform.getByRole('button', { name: '新版本：公共安全' }).click();
    await platform.getByLabel('领域名称').fill('公共安全（含消防安全）');
    await platform.getByRole('button', { name: '保存为新版本' }).click();
    await platform.getByText('已保存：公共安全（含消防安全）（public_safety）第 2 版').waitFor();
    await platform.getByRole('rowheader', { name: /公共安全（含消防安全）/ }).waitFor();
    await screenshot(platform, TEST, '07b-domains');
    await platform.close();

    await admin.getByRole('link', { name: '邮件（开发）' }).click();
    await admin.getByText('某街道办事处未追回农机购置补贴').first().waitFor();
    await admin.locator('.mail-head').first().click();
    await admin.locator('.mail-body').waitFor();
    await screenshot(admin, TEST, '08-mail');

    await admin.getByRole('link', { name: '行政机关' }).click();
    await admin.getByRole('link', { name: '登记行政机关' }).click();
    await admin.getByLabel('名称').fill('区水务局');
    await admin.getByLabel('联系人').fill('王科长');
    await admin.getByLabel('联系电话').fill('025-5888 0000');
    await admin.getByRole('button', { name: '保存' }).click();
    await admin.getByRole('heading', { name: '区水务局' }).waitFor();
    await admin.getByRole('button', { name: '停用' }).click();
    await admin.getByText('已停用').waitFor();
    await screenshot(admin, TEST, '09-organ-deactivated');
    await admin.close();
    expect(ui.browser.errors).toEqual([]);
  });

  it('when the public report leads on a phone, then staff decline one with a reason the submitter reads and accept the other', async () => {
    const phone = await ui.browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${ui.app.baseUrl}/`);
    await phone.getByRole('link', { name: '反映公益诉讼线索' }).click();
    await phone.getByLabel('向哪个检察院反映').selectOption({ label: '浦口区人民检察院' });
    await phone.getByLabel('反映的问题').fill('河道旁长期堆放工业固体废物，雨后渗滤液流入河道。');
    await phone.getByLabel('发生地点').fill('某街道某河段东岸');
    await phone.getByLabel('电话').fill('138 0000 0000');
    await screenshot(phone, TEST, '10-public-intake-phone');
    // Nothing wider than the phone: the page scrolls only up and down.
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await phone.getByRole('button', { name: '提交' }).click();
    const code = (await phone.getByLabel('查询码').textContent())!.trim();
    await screenshot(phone, TEST, '11-public-receipt');
    const other = await new ApiClient(ui.app.baseUrl).post(
      '/api/public/leads',
      {
        procuratorateId: '320111',
        description: '某小区外卖餐饮店无证经营，后厨卫生状况堪忧。',
        location: '某街道某小区',
      },
      await intakeProofHeaders(ui.app.baseUrl),
    );
    expect(other.status).toBe(201);

    const prosecutor = await signIn(ui.browser, ui.app.baseUrl, 'zhangjc');
    const queue = prosecutor
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '群众线索' });
    await queue.click();
    await searchQueue(prosecutor, '工业固体废物');
    await prosecutor.getByRole('link', { name: /外卖餐饮店/ }).waitFor({ state: 'detached' });
    await prosecutor
      .getByRole('status')
      .getByText(/^符合条件的线索共 \d+ 条$/)
      .waitFor();
    await screenshot(prosecutor, TEST, '11b-public-leads-searched');
    await prosecutor.getByLabel('搜索', { exact: true }).fill('');
    await prosecutor.getByRole('link', { name: /外卖餐饮店/ }).waitFor();
    await prosecutor.getByRole('link', { name: /河道旁长期堆放/ }).click();
    await prosecutor.getByText('138 0000 0000').waitFor();
    await prosecutor.getByLabel('不予受理的理由').fill('该河段不属本院辖区，已转交有管辖权的检察院。');
    await prosecutor.getByRole('button', { name: '不予受理' }).click();
    await prosecutor.getByText('未予受理').first().waitFor();
    await screenshot(prosecutor, TEST, '12-public-lead-declined');
    await queue.click();
    await prosecutor.getByRole('link', { name: /外卖餐饮店/ }).click();
    await prosecutor.getByRole('link', { name: '受理并登记为案件' }).click();
    await prosecutor.getByLabel('线索名称').fill('某小区外卖餐饮店无证经营');
    await prosecutor.getByLabel('领域').selectOption({ label: '食品药品安全' });
    await prosecutor.getByRole('button', { name: '登记', exact: true }).click();
    await prosecutor.getByRole('heading', { name: '某小区外卖餐饮店无证经营' }).waitFor();

    await phone.goto(`${ui.app.baseUrl}/track?code=${encodeURIComponent(code)}`);
    await phone.getByText('该河段不属本院辖区').waitFor();
    await screenshot(phone, TEST, '13-public-track');
    await phone.close();
    await prosecutor.close();
    expect(ui.browser.errors).toEqual([]);
  });
});

/** Types `words` in the queue of public leads' search box and waits for them to go to the server. */
async function searchQueue(page: Page, words: string): Promise<void> {
  const asked = page.waitForRequest((r) => {
    const url = new URL(r.url());
    return url.pathname === '/api/leads/public' && url.searchParams.get('q') === words;
  });
  await page.getByLabel('搜索', { exact: true }).fill(words);
  await asked;
}

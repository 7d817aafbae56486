/**
 * The bell in Chromium against `npm start`: a proposal awaiting the head's review shows as one
 * unread notification; opened, it leads to the case and is read; the settings page switches a
 * kind of mail off, while legal clock reminders stay on and cannot be unticked. With more
 * proposals than a page, the bell and the statistics' drill-down page through them on the server.
 */
import { ApiClient } from '../helpers/http';
import { screenshot, signIn } from '../helpers/browser';
import { useUiApp } from '../helpers/ui-app';

const TEST = 'ui-notifications';
const TITLE = '某湿地违规填埋建筑垃圾';
const ui = useUiApp('ui-notifications');

let caseId: string;

const lead = (title: string) => ({
  title,
  description: '群众反映某湿地公园旁有人填埋建筑垃圾。',
  domainCode: 'ecology',
  source: 'public_report',
  receivedOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()),
});

/** A lead registered and proposed for filing by `prosecutor`: one notification for the head. */
async function proposedLead(prosecutor: ApiClient, title: string): Promise<string> {
  const created = await prosecutor.post('/api/cases', lead(title));
  expect(created.status).toBe(201);
  const proposed = await prosecutor.post(`/api/cases/${created.body.id}/actions/proposeFiling`, {
    reason: '线索查证属实',
  });
  expect(proposed.status).toBe(200);
  return created.body.id as string;
}

beforeAll(async () => {
  const prosecutor = await ApiClient.login(ui.app.baseUrl, { username: 'zhangjc' }, 'duban-demo');
  caseId = await proposedLead(prosecutor, TITLE);
}, 60_000);

it('when the head signs in, then the bell shows the proposal unread, and opening it leads to the case and reads it', async () => {
  const head = await signIn(ui.browser, ui.app.baseUrl, 'lifz');
  const nav = head.getByRole('navigation', { name: '主导航' });
  const bell = nav.getByRole('button', { name: '通知，1 条未读' });
  await bell.waitFor();
  await bell.click();
  const panel = head.getByRole('region', { name: '通知' });
  const item = panel.getByRole('link', { name: new RegExp(TITLE) });
  await item.waitFor();
  await expect(item.textContent()).resolves.toBe(`未读：「${TITLE}」提请立案，待您审核`);
  await screenshot(head, TEST, '00-bell-open');

  await item.click();
  await head.waitForURL(`**/cases/${caseId}`);
  await nav.getByRole('button', { name: '通知', exact: true }).waitFor();
  await nav.getByRole('button', { name: '通知', exact: true }).click();
  await panel.getByRole('link', { name: `「${TITLE}」提请立案，待您审核` }).waitFor();
  await screenshot(head, TEST, '01-bell-read');
  await head.close();
});

it('when the prosecutor switches a kind of mail off in the settings, then it stays off, and clock reminders cannot be unticked', async () => {
  const prosecutor = await signIn(ui.browser, ui.app.baseUrl, 'zhangjc');
  await prosecutor
    .getByRole('link', { name: '通知邮件设置' })
    .or(prosecutor.locator('a.name'))
    .first()
    .click();
  await prosecutor.getByRole('heading', { name: '个人设置' }).waitFor();
  const decided = prosecutor.getByRole('checkbox', { name: '我的提请有了审核或决定结果' });
  await decided.waitFor();
  await expect(decided.isChecked()).resolves.toBe(true);
  await expect(prosecutor.getByRole('checkbox', { name: /法定期限提醒/ }).isDisabled()).resolves.toBe(true);
  await decided.uncheck();
  await prosecutor.getByRole('button', { name: '保存' }).click();
  await prosecutor.getByText('已保存').waitFor();
  await screenshot(prosecutor, TEST, '02-settings-saved');

  await prosecutor.reload();
  await prosecutor.getByRole('heading', { name: '个人设置' }).waitFor();
  await prosecutor.getByRole('checkbox', { name: '我的提请有了审核或决定结果' }).waitFor();
  await expect(
    prosecutor.getByRole('checkbox', { name: '我的提请有了审核或决定结果' }).isChecked(),
  ).resolves.toBe(false);
  await prosecutor.close();
});

it('when the head has more notifications and leads than a page, then the bell and the drill-down page through them', async () => {
  const prosecutor = await ApiClient.login(ui.app.baseUrl, { username: 'zhangjc' }, 'duban-demo');
  // Twenty more proposals: with the first, 21 notifications for the head and 21 leads under evaluation.
  for (let batch = 0; batch < 4; batch++)
    await Promise.all(
      Array.from({ length: 5 }, (_, i) => proposedLead(prosecutor, `某河道排污口第${batch * 5 + i + 1}处`)),
    );
  const head = await signIn(ui.browser, ui.app.baseUrl, 'lifz');
  const nav = head.getByRole('navigation', { name: '主导航' });
  await nav.getByRole('button', { name: '通知，20 条未读' }).click();
  const panel = head.getByRole('region', { name: '通知' });
  const pager = panel.getByRole('navigation', { name: '通知分页' });
  await pager.getByText('共 21 条').waitFor();
  await pager.getByText('第 1 / 2 页').waitFor();
  await expect(panel.locator('.bell-list li').count()).resolves.toBe(20);
  await screenshot(head, TEST, '03-bell-page-1');
  await pager.getByRole('button', { name: '下一页' }).click();
  await pager.getByText('第 2 / 2 页').waitFor();
  // The oldest, read in the first test, alone on the second page.
  await panel.getByRole('link', { name: `「${TITLE}」提请立案，待您审核` }).waitFor();
  await expect(panel.locator('.bell-list li').count()).resolves.toBe(1);
  await screenshot(head, TEST, '04-bell-page-2');
  await head.keyboard.press('Escape');

  await nav.getByRole('link', { name: '统计分析' }).click();
  const stages = head.locator('figure', { hasText: '期间内受理的线索' });
  // The one bar, 线索评估 with 21, drawn under its label: a click just below the label picks it.
  const label = stages.locator('svg text', { hasText: /^21$/ });
  await label.waitFor();
  const box = (await label.boundingBox())!;
  await head.mouse.click(box.x + box.width / 2, box.y + box.height + 24);
  const drill = head.getByRole('complementary', { name: '线索评估的案件' });
  const drillPager = drill.getByRole('navigation', { name: '案件分页' });
  await drillPager.getByText('共 21 条').waitFor();
  await expect(drill.locator('ol li').count()).resolves.toBe(20);
  await screenshot(head, TEST, '05-drill-down-page-1');
  await drillPager.getByRole('button', { name: '下一页' }).click();
  await drillPager.getByText('第 2 / 2 页').waitFor();
  await expect(drill.locator('ol li').count()).resolves.toBe(1);
  await expect(drill.locator('ol').getAttribute('start')).resolves.toBe('21');
  await screenshot(head, TEST, '06-drill-down-page-2');
  await head.close();
}, 180_000);

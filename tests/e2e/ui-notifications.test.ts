/**
 * The bell in Chromium against `npm start`: a proposal awaiting the head's review shows as one
 * unread notification; opened, it leads to the case and is read; the settings page switches a
 * kind of mail off, while legal clock reminders stay on and cannot be unticked.
 */
import { ApiClient } from '../helpers/http';
import { screenshot, signIn } from '../helpers/browser';
import { useUiApp } from '../helpers/ui-app';

const TEST = 'ui-notifications';
const TITLE = '某湿地违规填埋建筑垃圾';
const ui = useUiApp('ui-notifications');

let caseId: string;

beforeAll(async () => {
  const prosecutor = await ApiClient.login(ui.app.baseUrl, { username: 'zhangjc' }, 'duban-demo');
  const created = await prosecutor.post('/api/cases', {
    title: TITLE,
    description: '群众反映某湿地公园旁有人填埋建筑垃圾。',
    domainCode: 'ecology',
    source: 'public_report',
    receivedOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()),
  });
  expect(created.status).toBe(201);
  caseId = created.body.id;
  const proposed = await prosecutor.post(`/api/cases/${caseId}/actions/proposeFiling`, {
    reason: '线索查证属实',
  });
  expect(proposed.status).toBe(200);
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

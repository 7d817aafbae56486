/**
 * 待办 in Chromium against `npm start`: the chief sees the count in the navigation bar, opens
 * the inbox, follows the proposal to the case where it is decided, and once decided it leaves
 * the inbox and the count; the prosecutor's inbox leads with their overdue clock.
 */
import { ApiClient } from '../helpers/http';
import { screenshot, signIn } from '../helpers/browser';
import { useUiApp } from '../helpers/ui-app';

const TEST = 'ui-inbox';
const TITLE = '某河道工厂偷排污水';
const ui = useUiApp('ui-inbox');

const shanghaiDay = (offsetDays = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );

let caseId: string;

beforeAll(async () => {
  const prosecutor = await ApiClient.login(ui.app.baseUrl, { username: 'zhangjc' }, 'duban-demo');
  const created = await prosecutor.post('/api/cases', {
    title: TITLE,
    description: '群众反映某工厂夜间向河道排放污水。',
    domainCode: 'ecology',
    source: 'public_report',
    receivedOn: shanghaiDay(-40),
  });
  expect(created.status).toBe(201);
  caseId = created.body.id;
  const overdue = await prosecutor.post('/api/cases', {
    title: '某小区违规占用消防通道',
    description: '群众反映某小区消防通道长期被占用。',
    domainCode: 'ecology',
    source: 'public_report',
    receivedOn: shanghaiDay(-60),
  });
  expect(overdue.status).toBe(201);
  const proposed = await prosecutor.post(`/api/cases/${caseId}/actions/proposeFiling`, {
    reason: '线索查证属实',
  });
  expect(proposed.status).toBe(200);
}, 60_000);

describe('待办', () => {
  it('when the head signs in, then the proposal waits for their review, and once reviewed it leaves for the chief', async () => {
    const head = await signIn(ui.browser, ui.app.baseUrl, 'lifz');
    const nav = head.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('link', { name: /待办/ }).click();
    await head.getByRole('heading', { name: '待办' }).waitFor();
    const item = head.getByRole('link', { name: `部门负责人审核提请：${TITLE}` });
    await item.waitFor();
    await screenshot(head, TEST, '00-head-inbox');

    const reviewer = await ApiClient.login(ui.app.baseUrl, { username: 'lifz' }, 'duban-demo');
    const reviewed = await reviewer.post(`/api/cases/${caseId}/actions/reviewProposal`, {
      approve: true,
      reviewedOn: shanghaiDay(),
      reasons: '事实清楚，同意报请立案',
    });
    expect(reviewed.status).toBe(200);
    await head.reload();
    // Loaded (a list or the empty message), and the review is no longer in it.
    await head.locator('ol.inbox').or(head.getByText('目前没有待办事项。')).first().waitFor();
    await expect(item.count()).resolves.toBe(0);
    await head.close();
  });

  it('when the chief signs in, then the count shows, the proposal leads to its case, and once decided it leaves', async () => {
    const chief = await signIn(ui.browser, ui.app.baseUrl, 'wangjcz');
    const nav = chief.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('link', { name: /待办/ }).locator('.nav-count', { hasText: /^1$/ }).waitFor();
    await nav.getByRole('link', { name: /待办/ }).click();
    await chief.getByRole('heading', { name: '待办' }).waitFor();
    const item = chief.getByRole('link', { name: `决定立案：${TITLE}` });
    await item.waitFor();
    await screenshot(chief, TEST, '01-chief-inbox');

    await item.click();
    await chief.getByRole('heading', { name: '待决定：提请立案' }).waitFor();
    const decider = await ApiClient.login(ui.app.baseUrl, { username: 'wangjcz' }, 'duban-demo');
    const decided = await decider.post(`/api/cases/${caseId}/actions/decideFiling`, {
      approve: true,
      decidedOn: shanghaiDay(),
      reason: '符合立案条件',
    });
    expect(decided.status).toBe(200);

    await nav.getByRole('link', { name: /待办/ }).click();
    await chief.getByText('目前没有待办事项。').waitFor();
    await nav.getByRole('link', { name: /待办/ }).locator('.nav-count', { hasText: /^0$/ }).waitFor();
    await screenshot(chief, TEST, '02-chief-inbox-done');
  });

  it('when the prosecutor opens the inbox, then the overdue clock of their case comes first', async () => {
    const prosecutor = await signIn(ui.browser, ui.app.baseUrl, 'zhangjc');
    await prosecutor.goto(`${ui.app.baseUrl}/inbox`);
    await prosecutor.getByRole('heading', { name: '待办' }).waitFor();
    const first = prosecutor.locator('ol.inbox > li').first();
    await first.getByText('期限已逾期').waitFor();
    await first.getByText('某小区违规占用消防通道', { exact: false }).waitFor();
    await prosecutor
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: /待办/ })
      .locator('.nav-count')
      .waitFor();
    await screenshot(prosecutor, TEST, '03-prosecutor-inbox');
  });
});

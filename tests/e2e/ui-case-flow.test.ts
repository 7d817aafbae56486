/**
 * The staff web application in Chromium, against `npm start`: a prosecutor registers a lead,
 * the chief files it and decides the recommendation, the prosecutor records its service, sees
 * the reply deadline with its explanation, records the reply and the finding, and reads the
 * verified timeline; a prosecutor of another procuratorate cannot open the case.
 */
import type { Locator, Page } from 'playwright-core';
import { createDb } from '../../store/pool';
import { act, screenshot, signIn } from '../helpers/browser';
import { refuseEntries } from '../helpers/refuse-entries';
import { useUiApp } from '../helpers/ui-app';

const TEST = 'ui-case-flow';
const TITLE = '某外卖平台入网餐饮单位无证经营';

const ui = useUiApp('ui');

const shanghaiDay = (offsetDays = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );

async function openCase(page: Page, caseId: string): Promise<void> {
  await page.goto(`${ui.app.baseUrl}/cases/${caseId}`);
  await page.getByRole('heading', { name: TITLE }).waitFor();
}

describe('the staff web application', () => {
  let caseId: string;

  it('when a prosecutor registers a lead in the browser, then a refused form shows the server’s reason and the case opens', async () => {
    const prosecutor = await signIn(ui.browser, ui.app.baseUrl, 'zhangjc');
    await prosecutor.getByRole('heading', { name: '我的案件' }).waitFor();
    // The procuratorate's name replaces its code once the header's own request answers.
    await prosecutor.locator('header.top').getByText('浦口区人民检察院').waitFor();
    await expectText(prosecutor.locator('header.top'), ['张检察官', '承办检察官', '浦口区人民检察院']);
    await screenshot(prosecutor, TEST, '01-my-cases');

    await prosecutor.getByRole('link', { name: '登记线索' }).click();
    await prosecutor.getByLabel('线索名称').fill(TITLE);
    await prosecutor.getByLabel('线索内容').fill('群众反映某外卖平台上多家餐饮单位未取得食品经营许可证。');
    await prosecutor.getByLabel('领域').selectOption({ label: '食品药品安全' });
    await prosecutor.getByLabel('线索来源').selectOption({ label: '群众举报' });
    await prosecutor.getByLabel('收到线索的日期').fill(shanghaiDay(2));
    await prosecutor.getByRole('button', { name: '登记', exact: true }).click();
    await prosecutor.getByRole('alert').filter({ hasText: '收到线索的日期不能晚于今天' }).waitFor();
    await screenshot(prosecutor, TEST, '02-register-refused');

    await prosecutor.getByLabel('收到线索的日期').fill(shanghaiDay(-1));
    await prosecutor.getByLabel('线索名称').press('Enter'); // Enter submits
    await prosecutor.getByRole('heading', { name: TITLE }).waitFor();
    caseId = decodeURIComponent(new URL(prosecutor.url()).pathname.split('/').pop()!);
    expect(caseId).toMatch(/^320111-\d{4}-\d{5}$/);
    await prosecutor.getByText('哈希链已验证').waitFor();
    await screenshot(prosecutor, TEST, '03-lead-registered');
    await prosecutor.close();
  });

  it('when the chief files it and issues a recommendation, then the reply deadline shows with its explanation, and a reply and a finding complete the timeline', async () => {
    const today = shanghaiDay();
    const prosecutor = await signIn(ui.browser, ui.app.baseUrl, 'zhangjc');
    await openCase(prosecutor, caseId);
    await act(prosecutor, '提请立案', (form) =>
      form.getByLabel('提请立案理由').fill('线索查证属实，符合立案条件'),
    );

    // The head reviews the proposal before it reaches the chief (the demo procuratorate's policy).
    const head = await signIn(ui.browser, ui.app.baseUrl, 'lifz');
    await openCase(head, caseId);
    await head.getByRole('heading', { name: '待部门负责人审核：提请立案' }).waitFor();
    await act(head, '部门负责人审核提请', async (form) => {
      await form.getByRole('radio', { name: '同意', exact: true }).check();
      await form.getByLabel('审核意见').fill('事实清楚，同意报请立案');
    });

    const chief = await signIn(ui.browser, ui.app.baseUrl, 'wangjcz');
    await openCase(chief, caseId);
    await chief.getByRole('heading', { name: '待决定：提请立案' }).waitFor();
    await screenshot(chief, TEST, '04-chief-filing-decision');
    await act(chief, '决定立案', async (form) => {
      await form.getByRole('radio', { name: '同意', exact: true }).check();
      await form.getByLabel('决定理由').fill('符合立案条件');
    });

    await openCase(prosecutor, caseId);
    await act(prosecutor, '登记调查', (form) =>
      form.getByLabel('调查情况').fill('调取平台入网商户名单，现场核查 12 家'),
    );
    await act(prosecutor, '提请发出检察建议', async (form) => {
      await form.getByLabel('提请理由').fill('区市场监督管理局未依法履行监管职责');
      await form.getByLabel('行政机关', { exact: true }).selectOption({ label: '区市场监督管理局' });
      await form.getByLabel('单位', { exact: true }).selectOption({ label: '个月' });
      await form.getByLabel('长度', { exact: true }).fill('2');
      await form.getByLabel('建议内容').fill('依法查处无证经营行为，督促平台落实入网审查义务');
    });

    await openCase(head, caseId);
    await act(head, '部门负责人审核提请', async (form) => {
      await form.getByRole('radio', { name: '同意', exact: true }).check();
      await form.getByLabel('审核意见').fill('同意报请发出检察建议');
    });
    await openCase(chief, caseId);
    await act(chief, '决定发出检察建议', async (form) => {
      await form.getByRole('radio', { name: '同意', exact: true }).check();
      await form.getByLabel('决定理由').fill('同意发出');
    });

    await openCase(prosecutor, caseId);
    await act(prosecutor, '登记检察建议书送达', async (form) => {
      await form.getByLabel('检察建议', { exact: true }).selectOption({ index: 1 });
      await form.getByLabel('送达日期').fill(today);
      await form.getByLabel('行政机关签收日期').fill(today);
    });
    const reply = prosecutor.getByRole('article', { name: '期限：行政机关书面回复' });
    await reply.waitFor();
    await expectText(reply, ['届满日', '起算', '期间2个月']);
    await reply.getByText('期间开始之日不计算在内').waitFor();
    await screenshot(prosecutor, TEST, '05-reply-deadline');

    await act(prosecutor, '登记行政机关回复', async (form) => {
      await form.getByLabel('检察建议', { exact: true }).selectOption({ index: 1 });
      await form.getByLabel('回复日期').fill(today);
      await form.getByLabel('回复所称整改情况').selectOption({ label: '已整改到位' });
      await form.getByLabel('回复内容').fill('已查处无证经营单位 12 家，责令平台下架');
    });
    await act(prosecutor, '登记跟进调查认定', async (form) => {
      await form.getByLabel('检察建议', { exact: true }).selectOption({ index: 1 });
      await form.getByLabel('跟进调查日期').fill(today);
      await form.getByLabel('认定结果').selectOption({ label: '已整改到位' });
      await form.getByLabel('跟进调查情况').fill('回访核查，涉事单位均已停止经营或取得许可');
    });

    const timeline = prosecutor.getByRole('region', { name: '时间线' });
    await timeline.getByText('登记跟进调查认定').waitFor();
    await timeline.getByText('哈希链已验证').waitFor();
    await expectText(timeline, ['登记线索', '决定立案', '决定发出检察建议', '登记行政机关回复']);
    await screenshot(prosecutor, TEST, '06-timeline-verified');

    await prosecutor.setViewportSize({ width: 820, height: 1180 }); // a tablet held upright
    await openCase(prosecutor, caseId);
    await screenshot(prosecutor, TEST, '07-case-on-tablet');
    await head.close();
    await chief.close();
    await prosecutor.close();
  });

  it('when a note the database refuses raises an alert, then the case office acknowledges it with 「确认」 and it leaves the case page', async () => {
    const db = createDb({ connectionString: ui.app.databaseUrl, max: 1 });
    try {
      const allow = await refuseEntries(db, caseId, 'addNote');
      const prosecutor = await signIn(ui.browser, ui.app.baseUrl, 'zhangjc');
      await openCase(prosecutor, caseId);
      await prosecutor.getByRole('button', { name: '添加备注', exact: true }).click();
      await prosecutor.locator('.action-form').getByLabel('备注').fill('数据库拒收的备注');
      await prosecutor.getByRole('button', { name: '提交：添加备注' }).click();
      await prosecutor.getByRole('alert').filter({ hasText: '操作未生效' }).waitFor();
      await allow();
      await prosecutor.close();
    } finally {
      await db.close();
    }

    const office = await signIn(ui.browser, ui.app.baseUrl, 'zhaoag');
    await openCase(office, caseId);
    const alerts = office.getByRole('alert', { name: '案件告警' });
    await alerts.getByText('操作未生效').waitFor();
    await alerts.getByLabel('确认说明（可选）').fill('已通知承办人重新录入');
    await screenshot(office, TEST, '07a-case-alert');
    await alerts.getByRole('button', { name: '确认', exact: true }).click();
    await alerts.waitFor({ state: 'detached' });
    await screenshot(office, TEST, '07b-alert-acknowledged');
    await office.close();
  });

  it('when a prosecutor of another procuratorate opens the case, then the browser shows that it does not exist', async () => {
    const other = await signIn(ui.browser, ui.app.baseUrl, 'chenjc');
    await other.getByRole('heading', { name: '我的案件' }).waitFor();
    await other.getByText('没有符合条件的案件。').waitFor();
    expect(await other.getByText(TITLE).count()).toBe(0);
    await other.goto(`${ui.app.baseUrl}/cases/${caseId}`);
    await other.getByRole('heading', { name: '无法打开案件' }).waitFor();
    await other.getByRole('alert').filter({ hasText: '不存在' }).waitFor();
    expect(await other.getByText(TITLE).count()).toBe(0);
    await screenshot(other, TEST, '08-other-procuratorate');
    await other.close();
    expect(ui.browser.errors).toEqual([]);
  });
});

async function expectText(locator: Locator, parts: string[]): Promise<void> {
  const text = await locator.innerText();
  for (const part of parts) expect(text).toContain(part);
}

/**
 * The civil track in Chromium, against `npm start`: the prosecutor records the company a civil case
 * is brought against through its generated form, links the criminal case from the civil panel
 * (刑事附带民事公益诉讼), and the support of an organisation's suit with its
 * court and ways of support (Rules art. 101); the case page shows both.
 */
import type { Page } from 'playwright-core';
import { act, screenshot, signIn } from '../helpers/browser';
import { useUiApp } from '../helpers/ui-app';

const TEST = 'ui-civil';
const TITLE = '某化工企业向河道排放有毒废液';

const ui = useUiApp('ui-civil');

const shanghaiDay = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** Approves the pending proposal as `reviewer` (head review), then as `decider` (the chief's decision). */
async function approve(page: Page, label: string, reason: string): Promise<void> {
  await act(page, label, async (form) => {
    await form.getByRole('radio', { name: '同意', exact: true }).check();
    await form.getByLabel(label === '部门负责人审核提请' ? '审核意见' : '决定理由').fill(reason);
  });
}

it('when a civil case records its defendant and supports an organisation’s suit, then the forms speak Chinese and the case page shows both', async () => {
  const today = shanghaiDay();
  const prosecutor = await signIn(ui.browser, ui.app.baseUrl, 'zhangjc');
  await prosecutor.getByRole('link', { name: '登记线索' }).click();
  await prosecutor.getByLabel('线索名称').fill(TITLE);
  await prosecutor.getByLabel('线索内容').fill('群众反映某化工企业夜间向河道排放有毒废液。');
  await prosecutor.getByLabel('办案类型').selectOption({ label: '民事公益诉讼' });
  await prosecutor.getByLabel('领域').selectOption({ label: '生态环境和资源保护' });
  await prosecutor.getByLabel('线索来源').selectOption({ label: '群众举报' });
  await prosecutor.getByLabel('收到线索的日期').fill(today);
  await prosecutor.getByRole('button', { name: '登记', exact: true }).click();
  await prosecutor.getByRole('heading', { name: TITLE }).waitFor();
  const caseUrl = prosecutor.url();
  await act(prosecutor, '提请立案', (form) => form.getByLabel('提请立案理由').fill('线索查证属实'));

  const head = await signIn(ui.browser, ui.app.baseUrl, 'lifz');
  await head.goto(caseUrl);
  await approve(head, '部门负责人审核提请', '同意报请立案');
  const chief = await signIn(ui.browser, ui.app.baseUrl, 'wangjcz');
  await chief.goto(caseUrl);
  await approve(chief, '决定立案', '符合立案条件');

  await prosecutor.goto(caseUrl);
  await act(prosecutor, '登记调查', (form) => form.getByLabel('调查情况').fill('现场取样，委托检测'));
  await act(prosecutor, '登记民事公益诉讼被告', async (form) => {
    await form.getByLabel('被告名称或姓名').fill('某化工有限公司');
    await form.getByLabel('被告类型').selectOption({ label: '法人' });
    await form.getByLabel('统一社会信用代码或身份证件号码').fill('91320111MA1XY0000X');
    await form.getByLabel('登记日期').fill(today);
  });
  const parties = prosecutor.getByRole('region', { name: '民事公益诉讼当事人' });
  await parties.getByText('某化工有限公司（法人，91320111MA1XY0000X）').waitFor();

  // 刑事附带民事公益诉讼: the civil panel offers linking the criminal case and opens its form.
  const link = '登记关联刑事案件（刑事附带民事公益诉讼）';
  await act(
    prosecutor,
    link,
    async (form) => {
      await form.getByLabel('刑事案件案号').fill('（2026）苏0113刑初45号');
      await form.getByLabel('审理刑事案件的人民法院').fill('南京市栖霞区人民法院');
      await form.getByLabel('刑事案件的被告人', { exact: true }).fill('赵某\n钱某');
      await form.getByLabel('登记日期').fill(today);
    },
    parties.getByRole('button', { name: `办理：${link}` }),
  );
  await parties.getByRole('heading', { name: '刑事附带民事公益诉讼：（2026）苏0113刑初45号' }).waitFor();
  await parties.getByText('审理法院：南京市栖霞区人民法院；被告人：赵某、钱某').waitFor();

  await act(prosecutor, '发布诉前公告', async (form) => {
    await form.getByLabel('公告日期').fill(today);
    await form.getByLabel('公告媒体').fill('正义网');
  });
  await act(prosecutor, '登记公告结果', async (form) => {
    await form.getByLabel('登记日期').fill(today);
    await form.getByLabel('公告结果').selectOption({ label: '有适格主体起诉' });
    await form.getByLabel('起诉的机关或组织').fill('某环保公益组织');
  });
  await act(prosecutor, '登记支持起诉（第一百零一条）', async (form) => {
    await form.getByLabel('支持起诉日期').fill(today);
    await form.getByLabel('受理法院').fill('某市中级人民法院');
    await form.getByRole('checkbox', { name: '提供法律咨询' }).check();
    await form.getByRole('checkbox', { name: '出席法庭' }).check();
    await form.getByLabel('支持起诉情况').fill('提供法律咨询并出庭支持起诉');
  });
  await parties.getByRole('heading', { name: '适格主体起诉：某环保公益组织' }).waitFor();
  await parties.getByText(/支持起诉：提供法律咨询、出席法庭/).waitFor();
  await parties.getByText('诉讼结果：尚未结束').waitFor();

  await prosecutor.getByRole('button', { name: '登记支持起诉结束', exact: true }).click();
  const form = prosecutor.locator('.action-form');
  await form.getByLabel('诉讼结果').selectOption({ label: '起诉的机关或组织撤回起诉' });
  await screenshot(prosecutor, TEST, '01-support-concluded-form');
  expect(ui.browser.errors).toEqual([]);
}, 600_000);

/**
 * Every page of the web application, for each role that sees it, in Chromium under an English
 * browser locale against one `npm start`: no serious or critical axe violations, the favicon
 * linked and served, dates typed and shown the Chinese way, the case list found by the lead's
 * own words, and the case page at a phone's width without sideways scrolling.
 */
import { AxeBuilder } from '@axe-core/playwright';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { ApiClient } from '../helpers/http';
import { screenshot, signIn } from '../helpers/browser';
import { useUiApp } from '../helpers/ui-app';
import { intakeProofHeaders } from '../helpers/intake-proof';

const TEST = 'ui-accessibility';
const ui = useUiApp(TEST, { locale: 'en-US' });
const TITLE = '某工业园区固体废物堆放';
/** Words of the lead's text only, not of its title: the list's search must reach them. */
const LEAD_WORDS = '渗滤液流入东侧沟渠';
let caseId: string;
let leadId: string;
let organLink: string;
let verifyLink: string;

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** The latest caught mail whose subject starts so and whose text matches. */
async function caught(api: ApiClient, subject: string, text: RegExp): Promise<RegExpExecArray> {
  for (let tries = 0; tries < 60; tries += 1) {
    const { body } = await api.get('/api/dev/mail');
    for (const m of body.items as { subject: string; text: string }[]) {
      const found = m.subject.startsWith(subject) ? text.exec(m.text) : null;
      if (found) return found;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no mail "${subject}" matching ${String(text)}`);
}

beforeAll(async () => {
  const url = ui.app.baseUrl;
  const [prosecutor, head, chief] = await Promise.all(
    ['zhangjc', 'lifz', 'wangjcz'].map((username) => ApiClient.login(url, { username }, 'duban-demo')),
  );
  const created = await prosecutor!.post('/api/cases', {
    title: TITLE,
    description: `群众反映工业园区东侧空地堆放固体废物，${LEAD_WORDS}。`,
    domainCode: 'ecology',
    source: 'public_report',
    receivedOn: today(),
  });
  expect(created.status).toBe(201);
  caseId = created.body.id;
  const act = async (who: ApiClient, name: string, body: object) =>
    expect((await who.post(`/api/cases/${caseId}/actions/${name}`, body)).status).toBe(200);
  const review = { approve: true, reviewedOn: today(), reasons: '同意报请' };
  await act(prosecutor!, 'proposeFiling', { reason: '线索查证属实' });
  await act(head!, 'reviewProposal', review);
  await act(chief!, 'decideFiling', { approve: true, decidedOn: today(), reason: '同意立案' });
  await act(prosecutor!, 'recordInvestigation', { on: today(), summary: '现场勘查' });
  await act(prosecutor!, 'proposeRecommendation', {
    reason: '未依法查处',
    recommendations: [
      {
        organId: 'org-pk-eco',
        rectificationPeriod: { unit: 'months', count: 2 },
        summary: '清运固体废物',
        items: '责令限期清运固体废物',
      },
    ],
  });
  await act(head!, 'reviewProposal', review);
  await act(chief!, 'decideRecommendation', { approve: true, decidedOn: today(), reason: '同意发出' });
  organLink = new URL((await caught(prosecutor!, '【检察建议】', /(https?:\/\/\S+\/organ\/[\w-]+)/))[1]!)
    .pathname;

  const docs = await prosecutor!.get(`/api/cases/${caseId}/documents`);
  const issued = (docs.body as { id: string; kind: string; status: string }[]).find(
    (d) => d.kind === 'recommendation' && d.status === 'issued',
  )!;
  const file = await prosecutor!.download(`/api/cases/${caseId}/documents/${issued.id}`);
  const text = (await mammoth.extractRawText({ buffer: file.bytes })).value;
  verifyLink = new URL(/扫码核验本文书真伪：(\S+)/.exec(text)![1]!).pathname;

  const lead = await new ApiClient(url).post(
    '/api/public/leads',
    { procuratorateId: '320111', description: '某小区外卖餐饮店无证经营。', location: '某街道某小区' },
    await intakeProofHeaders(url),
  );
  expect(lead.status).toBe(201);
  const queue = await prosecutor!.get('/api/leads/public?status=all');
  leadId = (queue.body as { items: { id: string }[] }).items[0]!.id;
}, 150_000);

/** The path's page once it has loaded its data: no "loading" line left. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${ui.app.baseUrl}${path}`);
  await page.locator('main h1, h1').first().waitFor();
  await page
    .getByText(/^正在(加载|读取)/)
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 });
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page: page as never }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${page.url()} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Each role's pages: every route of the application is someone's. */
const ROUTES: Record<string, string[]> = {
  zhangjc: [
    '/inbox',
    '/',
    '/cases/new',
    'CASE',
    '/leads',
    'LEAD',
    '/calendar',
    '/settings',
    '/typical-cases',
  ],
  lifz: ['/inbox', '/', 'CASE'],
  wangjcz: ['/inbox', '/dashboard'],
  zhaoag: ['/', '/imports', '/dashboard', '/organs', '/organs/org-pk-eco'],
  admin: [
    '/admin/users',
    '/admin/holidays',
    '/admin/policy',
    '/admin/domains',
    '/admin/decisions',
    '/admin/documents',
    '/organs/new',
    '/mail',
  ],
  zhoujd: ['/inbox', '/oversight', '/oversight/320111', 'CASE', '/organs'],
  qianjcz: ['/assign'],
};

describe('every page', () => {
  it('when the public opens its pages (sign-in, intake, tracking, an organ’s link, a document’s verification), then none has a serious or critical accessibility violation, and the favicon is linked and served', async () => {
    const found: string[] = [];
    const anonymous = await ui.browser.context.newPage();
    for (const path of ['/', '/report', '/track', organLink, verifyLink]) {
      await open(anonymous, path);
      found.push(...(await seriousViolations(anonymous)));
    }
    const icon = await anonymous.locator('link[rel="icon"]').getAttribute('href');
    const served = await fetch(new URL(icon!, ui.app.baseUrl));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await served.text()).toContain('<svg');
    await anonymous.close();
    expect(found).toEqual([]);
  });

  it.each(Object.entries(ROUTES))(
    'when %s walks the pages of their roles, then none has a serious or critical accessibility violation',
    async (username, paths) => {
      const found: string[] = [];
      const page = await signIn(ui.browser, ui.app.baseUrl, username);
      for (const path of paths) {
        const at = path === 'CASE' ? `/cases/${caseId}` : path === 'LEAD' ? `/leads/${leadId}` : path;
        await open(page, at);
        found.push(...(await seriousViolations(page)));
      }
      await page.close();
      expect(found).toEqual([]);
      expect(ui.browser.errors).toEqual([]);
    },
    120_000,
  );

  it('when a prosecutor whose browser speaks English types a date, searches the lead’s words and opens the case on a phone, then everything reads the Chinese way and fits', async () => {
    const page = await signIn(ui.browser, ui.app.baseUrl, 'zhangjc');
    expect(await page.evaluate('navigator.language')).toBe('en-US');

    await open(page, '/cases/new');
    const received = page.getByLabel('收到线索的日期');
    expect(await received.getAttribute('type')).toBe('text');
    await received.fill('2026/1/1');
    await page
      .locator('.date-shown')
      .filter({ hasText: /^2026年1月1日$/ })
      .waitFor();
    await screenshot(page, TEST, '01-date-under-english-locale');

    await open(page, '/');
    await page.getByLabel('搜索').fill(LEAD_WORDS);
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await page.getByRole('link', { name: TITLE }).waitFor();
    await open(page, '/');
    await page.getByLabel('搜索').fill('并无此案的字样');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await page.getByText('没有符合条件的案件。').waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, `/cases/${caseId}`);
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await page
      .getByText(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/)
      .first()
      .waitFor();
    const [scrollWidth, innerWidth] = (await page.evaluate(
      '[document.documentElement.scrollWidth, window.innerWidth]',
    )) as [number, number];
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await screenshot(page, TEST, '02-case-at-phone-width');
    await page.close();
  });
});

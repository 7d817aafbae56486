/**
 * The web application in Debian's Chromium through playwright-core: one browser per test file
 * on a fresh profile, one tab per signed-in person (the session lives in the tab's
 * sessionStorage), screenshots kept under artifacts/screenshots/<test>/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

const ROOT = join(__dirname, '..', '..');
export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  /** Messages the pages logged as errors, and uncaught exceptions: a test expects none. */
  errors: string[];
  close(): Promise<void>;
}

export async function openBrowser(
  viewport = { width: 1366, height: 900 },
  /** The browser's language: the app must read the same under an English one. */
  locale = 'zh-CN',
): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'duban-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    viewport,
    locale,
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(30_000);
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${String(e)}`));
    page.on('console', (m) => {
      // A refused request (401/404/422 shown to the user) is logged by Chromium itself: expected.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
        errors.push(m.text().slice(0, 300));
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    context,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A new tab signed in as `username` (demo password), on the page the app opens with. */
export async function signIn(
  browser: Browser,
  baseUrl: string,
  username: string,
  password = 'duban-demo',
): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByLabel('密码').press('Enter');
  await page.getByRole('button', { name: '退出登录' }).waitFor();
  return page;
}

/** Keeps a full-page screenshot as artifacts/screenshots/<test>/<name>.png; returns its path. */
export async function screenshot(page: Page, test: string, name: string): Promise<string> {
  const dir = join(ROOT, 'artifacts', 'screenshots', test);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Opens the action's form on the case page (from 可办理事项, or from `opener`), lets `fill` fill it
 * in, submits it, waits for the answer.
 */
export async function act(
  page: Page,
  label: string,
  fill: (form: Locator) => Promise<void>,
  opener = page.getByRole('button', { name: label, exact: true }),
): Promise<void> {
  await opener.click();
  await page.getByRole('heading', { name: label, exact: true }).waitFor();
  await fill(page.locator('.action-form'));
  await page.getByRole('button', { name: `提交：${label}` }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `已办理：${label}` })
    .waitFor();
}

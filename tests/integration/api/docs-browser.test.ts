import { chromium, type Browser } from 'playwright-core';
import { startSystem, type System } from '../../helpers/system';

let system: System;
let browser: Browser;

beforeAll(async () => {
  system = await startSystem();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
});
afterAll(async () => {
  await browser.close();
  await system.stop();
});

describe('the browsable reference', () => {
  it('when /api/docs opens in a browser, then every operation is listed and nothing breaks its security policy', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    const outside: string[] = [];
    page.on('request', (r) => !r.url().startsWith(system.baseUrl) && outside.push(r.url()));
    await page.goto(`${system.baseUrl}/api/docs`);
    await page.waitForSelector('.opblock-tag-section');
    const doc = (await (await fetch(`${system.baseUrl}/api/openapi.json`)).json()) as { paths: object };
    const operations = Object.values(doc.paths as Record<string, object>).reduce(
      (n, ops) => n + Object.keys(ops).length,
      0,
    );
    // The tags start folded: each is opened, its operations counted, and folded again.
    let listed = 0;
    const tags = page.locator('.opblock-tag-section');
    for (let i = 0; i < (await tags.count()); i++) {
      const tag = tags.nth(i);
      await tag.locator('.opblock-tag').click();
      await tag.locator('.opblock').first().waitFor();
      listed += await tag.locator('.opblock').count();
      await tag.locator('.opblock-tag').click();
      await tag.locator('.opblock').first().waitFor({ state: 'detached' });
    }
    expect(listed).toBe(operations);
    expect(await page.locator('.title').first().textContent()).toContain('督办 API');
    expect({ errors, outside }).toEqual({ errors: [], outside: [] });
  });
});

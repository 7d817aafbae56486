/**
 * 既往案件导入 in Chromium against `npm start`: the case office downloads nothing by hand — a
 * workbook made in the test is uploaded, the dry run's table names the bad row and why, and the
 * import runs with its progress bar to the end; the imported case is then found in the case list.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { screenshot, signIn } from '../helpers/browser';
import { caseWorkbook } from '../helpers/import-workbook';
import { useUiApp } from '../helpers/ui-app';

const TEST = 'ui-case-import';
const ui = useUiApp(TEST);
const day = (offsetDays: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );

const row = (key: string, extra: Record<string, string> = {}) => ({
  原案号: key,
  线索名称: `导入的线索 ${key}`,
  线索内容: '某公司在河道沿线堆放建筑垃圾。',
  领域: 'ecology',
  线索来源: '自行发现',
  收到线索日期: day(-120),
  承办人账号: 'zhangjc',
  ...extra,
});

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page: page as never }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
}

describe('既往案件导入', () => {
  it('when the case office checks and imports a workbook, then the report names the bad row and the progress bar runs to the end', async () => {
    const page = await signIn(ui.browser, ui.app.baseUrl, 'zhaoag');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '案件导入' }).click();
    await page.getByRole('heading', { name: '既往案件导入' }).waitFor();

    const workbook = await caseWorkbook([
      row('浦检导入1号'),
      row('浦检导入2号', {
        立案日期: day(-100),
        被监督行政机关: '区生态环境局',
        立案决定书送达日期: day(-98),
      }),
      row('浦检导入3号', { 承办人账号: 'nobody' }),
    ]);
    await page.getByLabel('工作簿（.xlsx）').setInputFiles({
      name: 'cases.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: workbook,
    });
    await page.getByRole('button', { name: '试导入（只检查，不写入）' }).click();
    const table = page.getByRole('table', { name: '逐行检查结果' });
    await table.waitFor();
    await page.getByText('共 3 行：将导入 2 行，有误 1 行').waitFor();
    const bad = table.getByRole('row').filter({ hasText: '浦检导入3号' });
    await bad.getByText('承办人账号：本院没有在职账号 nobody').waitFor();
    await table
      .getByRole('row')
      .filter({ hasText: '浦检导入2号' })
      .getByText(/送达立案决定书：.*按期完成/)
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, TEST, '00-dry-run');

    await page.getByRole('button', { name: '正式导入' }).click();
    await page.getByText('导入完成').waitFor({ timeout: 60_000 });
    expect(await page.getByLabel('导入进度').getAttribute('value')).toBe('3');
    await page.getByText('新登记 2 件，跳过 0 行（已导入），失败 1 行').waitFor();
    await page.getByText('第 4 行（浦检导入3号）').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, TEST, '01-imported');
  });
});

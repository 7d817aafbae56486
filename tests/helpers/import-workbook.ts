/** Case-import workbooks for tests: rows by column header, and good rows of a few shapes relative to today. */
import ExcelJS from 'exceljs';
import { CASE_SHEET, IMPORT_COLUMNS } from '../../domain/case-import/columns';
import { addDays } from '../../domain/period/dates';
import type { TestOrg } from './fixtures';

export type WorkbookRow = Record<string, string>;

/** An .xlsx with the template's case sheet holding `rows` (keyed by header, e.g. '原案号'). */
export async function caseWorkbook(
  rows: WorkbookRow[],
  headers = IMPORT_COLUMNS.map((c) => c.header),
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(CASE_SHEET);
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(headers.map((h) => row[h] ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
}

export type Shape = 'lead' | 'filed' | 'recommended' | 'settled';

/**
 * A valid row: a lead only; filed with the decision served and an investigation; a recommendation
 * served 90 days ago with no reply (its reply clock overdue); or replied and found rectified.
 */
export function goodRow(org: TestOrg, today: string, key: string, shape: Shape): WorkbookRow {
  const ago = (n: number) => addDays(today, -n);
  const row: WorkbookRow = {
    原案号: key,
    线索名称: `导入线索 ${key}`,
    线索内容: '某公司在河道沿线堆放建筑垃圾，影响行洪安全。',
    领域: 'ecology',
    线索来源: '自行发现',
    收到线索日期: ago(shape === 'lead' ? 5 : 200),
    承办人账号: org.prosecutor.username,
  };
  if (shape === 'lead') return row;
  Object.assign(row, {
    立案日期: ago(190),
    被监督行政机关: '区生态环境局',
    立案决定书送达日期: ago(188),
    调查日期: ago(180),
  });
  if (shape === 'filed') return row;
  Object.assign(row, {
    检察建议决定日期: ago(100),
    建议1行政机关: '区生态环境局',
    建议1内容: '依法查处违法堆放行为\n清运建筑垃圾',
    '建议1整改期限（月）': '3',
    建议1送达日期: ago(98),
    建议1签收日期: ago(97),
    建议1备案日期: ago(95),
  });
  if (shape === 'recommended') return row;
  return {
    ...row,
    建议1回复日期: ago(60),
    建议1回复情况: '已整改',
    建议1认定日期: ago(3),
    建议1认定结果: '整改到位',
  };
}

/** The case-import workbook as bytes: the template to download, and reading an upload into rows. */
import ExcelJS from 'exceljs';
import type { Request } from 'express';
import {
  CASE_SHEET,
  HELP_SHEET,
  IMPORT_COLUMNS,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  type ImportRow,
} from '../../domain/case-import/columns';
import { problems } from '../problem';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The template: the case sheet with its headers and one example row, and a sheet explaining each column. */
export async function templateWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const cases = book.addWorksheet(CASE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  cases.columns = IMPORT_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(12, c.header.length * 2 + 2),
  }));
  cases.getRow(1).font = { bold: true };
  const help = book.addWorksheet(HELP_SHEET);
  help.columns = [
    { header: '列名', key: 'header', width: 22 },
    { header: '必填', key: 'required', width: 8 },
    { header: '说明', key: 'help', width: 100 },
  ];
  help.getRow(1).font = { bold: true };
  help.addRow({
    header: '（总则）',
    required: '',
    help: '每行一个行政公益诉讼案件；日期写作 2025-03-01；每份检察建议一组列，最多三份。',
  });
  help.addRow({
    header: '',
    required: '',
    help: '先“试导入”检查每一行，再正式导入；以“原案号”识别，同一文件重复导入不会重复登记。',
  });
  for (const c of IMPORT_COLUMNS)
    help.addRow({ header: c.header, required: c.required ? '是' : '', help: c.help });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The request body, refused with 413 as soon as it passes the limit, and 415 unless it is a zip (xlsx) file. */
export async function readUpload(req: Request): Promise<Buffer> {
  const tooLarge = () => problems.payloadTooLarge(`工作簿不能超过 ${IMPORT_MAX_BYTES / (1024 * 1024)} MB`);
  const declared = Number(req.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > IMPORT_MAX_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > IMPORT_MAX_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  const bytes = Buffer.concat(chunks);
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50)
    throw problems.unsupportedMediaType('请上传 Excel 工作簿（.xlsx）');
  return bytes;
}

export interface SheetRow {
  /** The row's number in the sheet (the header is row 1). */
  number: number;
  values: ImportRow;
}

/** The case rows of an uploaded workbook; 422 naming what is wrong when it cannot be read as the template. */
export async function readCaseRows(bytes: Buffer): Promise<SheetRow[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw unreadable('文件无法按 Excel 工作簿（.xlsx）读取');
  }
  const sheet = book.getWorksheet(CASE_SHEET) ?? book.worksheets[0];
  if (!sheet) throw unreadable('工作簿中没有工作表');
  const byHeader = new Map(IMPORT_COLUMNS.map((c) => [c.header, c.key]));
  const keys = new Map<number, string>();
  sheet.getRow(1).eachCell((cell, col) => {
    const key = byHeader.get(cellText(cell.value) ?? '');
    if (key) keys.set(col, key);
  });
  const missing = IMPORT_COLUMNS.filter((c) => c.required && ![...keys.values()].includes(c.key));
  if (missing.length > 0)
    throw unreadable(`“${sheet.name}”表缺少列：${missing.map((c) => c.header).join('、')}`);
  const rows: SheetRow[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values: ImportRow = {};
    row.eachCell((cell, col) => {
      const key = keys.get(col);
      const text = key ? cellText(cell.value) : undefined;
      if (key && text) values[key] = text;
    });
    if (Object.keys(values).length > 0) rows.push({ number, values });
  });
  if (rows.length === 0) throw unreadable(`“${sheet.name}”表没有案件行`);
  if (rows.length > IMPORT_MAX_ROWS)
    throw problems.payloadTooLarge(
      `一次最多导入 ${IMPORT_MAX_ROWS} 行，此工作簿有 ${rows.length} 行；请分成几个文件`,
    );
  return rows;
}

const unreadable = (detail: string) => problems.validation(detail, [{ path: 'body', message: detail }]);

/** A cell's value as trimmed text: dates as YYYY-MM-DD, rich text joined, formulas by their result. */
function cellText(value: ExcelJS.CellValue): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return cellText(value.richText.map((r) => r.text).join(''));
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return cellText(value.text as string);
    return undefined;
  }
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

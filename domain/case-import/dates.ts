/** Dates of the case-import workbook: how a cell is read as a date, and the order a case's dates must keep. */
import { IMPORT_COLUMNS, IMPORT_MAX_RECOMMENDATIONS, type ImportRow } from './columns';

/** Column key → civil date (YYYY-MM-DD) for every date cell of a row that could be read. */
export type Dates = Record<string, string>;

const HEADERS = new Map(IMPORT_COLUMNS.map((c) => [c.key, c.header]));

/** 2025-03-01, 2025/3/1, 2025.3.1 or 2025年3月1日 as YYYY-MM-DD; undefined when not a real date. */
export function readDate(text: string): string | undefined {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** [earlier, later]: the later column's date may not come before the earlier one's. */
const LEAD_ORDER: [string, string][] = [
  ['receivedOn', 'filedOn'],
  ['filedOn', 'filingServedOn'],
  ['filedOn', 'investigatedOn'],
  ['filedOn', 'recommendedOn'],
];
const REC_ORDER: [string, string][] = [
  ['recommendedOn', 'servedOn'],
  ['servedOn', 'receivedOn'],
  ['servedOn', 'filedAboveOn'],
  ['receivedOn', 'repliedOn'],
  ['repliedOn', 'checkedOn'],
];

/** Reports, through `fail`, each date that comes before one it must follow, or lacks one it needs. */
export function checkDates(
  row: ImportRow,
  dates: Dates,
  recommendations: number,
  fail: (key: string, message: string) => void,
): void {
  const pair = (earlier: string, later: string) => {
    if (!row[later]) return;
    if (!row[earlier]) return fail(later, `须先填写${HEADERS.get(earlier)}`);
    const [a, b] = [dates[earlier], dates[later]];
    if (a && b && b < a) fail(later, `${b} 早于${HEADERS.get(earlier)} ${a}`);
  };
  for (const [a, b] of LEAD_ORDER) pair(a, b);
  for (let n = 1; n <= IMPORT_MAX_RECOMMENDATIONS; n += 1) {
    const rec = (k: string) => (k === 'recommendedOn' ? k : `rec${n}.${k}`);
    for (const [a, b] of REC_ORDER) pair(rec(a), rec(b));
  }
  if (row.filingServedOn && !row.organ && recommendations === 0)
    fail('filingServedOn', '须填写被监督行政机关（立案决定书的送达对象）');
}

// Validation of a year's holiday schedule loaded by an admin (JSON, or .ics through ics.ts).
import { isCivilDate, isWeekend, weekdayName, yearOf, type CivilDate } from './dates';
import type { YearSchedule } from './schedule';

export interface YearImportEntry {
  date: string;
  name: string;
}

export interface YearImportInput {
  year: number;
  holidays: YearImportEntry[];
  makeupWorkdays: YearImportEntry[];
}

export type YearImportResult = { ok: true; schedule: YearSchedule } | { ok: false; errors: string[] };

// Fixed by law every year (全国年节及纪念日放假办法): a year without them was not loaded whole.
const FIXED_HOLIDAYS: readonly (readonly [string, string])[] = [
  ['01-01', '元旦'],
  ['05-01', '劳动节'],
  ['10-01', '国庆节'],
];

const LIST_LABELS = { holidays: '节假日', makeupWorkdays: '调休上班日' } as const;
type ListKey = keyof typeof LIST_LABELS;

function entryError(item: unknown, where: string, label: string, year: number): string | null {
  const { date, name } = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
  if (!isCivilDate(date)) return `${where}：日期 ${JSON.stringify(date)} 无效`;
  if (typeof name !== 'string' || name.trim() === '') return `${where}：${date} 缺少名称`;
  if (yearOf(date) !== year) return `${date} 不在 ${year} 年内（${label}）`;
  return null;
}

function readEntries(input: Record<string, unknown>, key: ListKey, year: number, errors: string[]) {
  const label = LIST_LABELS[key];
  const list = input[key];
  const entries = new Map<CivilDate, string>();
  if (!Array.isArray(list)) {
    errors.push(`缺少${label}列表 ${key}（没有时请给出空列表 []）`);
    return entries;
  }
  list.forEach((item: unknown, index) => {
    const error = entryError(item, `${label}第 ${index + 1} 项`, label, year);
    if (error !== null) return errors.push(error);
    const { date, name } = item as YearImportEntry;
    if (entries.has(date)) return errors.push(`${date} 在${label}中重复出现`);
    entries.set(date, name.trim());
  });
  return entries;
}

function crossCheck(
  year: number,
  holidays: Map<CivilDate, string>,
  makeups: Map<CivilDate, string>,
  errors: string[],
): void {
  for (const date of makeups.keys()) {
    if (holidays.has(date)) errors.push(`${date} 同时被列为节假日和调休上班日`);
    if (!isWeekend(date)) errors.push(`${date}（${weekdayName(date)}）不是周末，不能作为调休上班日`);
  }
  if (holidays.size === 0) {
    errors.push(`${year} 年没有任何节假日：必须载入全年的节假日安排`);
    return;
  }
  for (const [monthDay, name] of FIXED_HOLIDAYS) {
    const date = `${year}-${monthDay}`;
    if (!holidays.has(date))
      errors.push(`${year} 年安排不完整，缺少法定节日 ${date}（${name}）：必须载入全年的节假日安排`);
  }
}

// FNV-1a, so that the same content always gets the same version label.
function contentHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function sortedRecord(entries: Map<CivilDate, string>): Record<CivilDate, string> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Checks an imported year; errors are Chinese messages naming the offending date. */
export function validateYearImport(input: unknown, options: { version?: string } = {}): YearImportResult {
  if (typeof input !== 'object' || input === null) return { ok: false, errors: ['导入内容必须是 JSON 对象'] };
  const record = input as Record<string, unknown>;
  const year = record.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1900 || year > 9999) {
    return { ok: false, errors: [`年份 ${JSON.stringify(year)} 无效：应为四位整数`] };
  }
  const errors: string[] = [];
  const holidays = readEntries(record, 'holidays', year, errors);
  const makeups = readEntries(record, 'makeupWorkdays', year, errors);
  crossCheck(year, holidays, makeups, errors);
  if (errors.length > 0) return { ok: false, errors };
  const content = { holidays: sortedRecord(holidays), makeupWorkdays: sortedRecord(makeups) };
  const version = options.version ?? `imp-${contentHash(JSON.stringify(content))}`;
  return { ok: true, schedule: { year, version, source: 'import', ...content } };
}

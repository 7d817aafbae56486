// A small iCalendar reader for holiday schedules such as chinese-days' dist/years/2026.ics:
// all-day VEVENTs whose SUMMARY ends in (休) (day off) or (班) (调休 working day).
import { addDays, compareDates, fromYmd, isCivilDate, type CivilDate } from './dates';
import { validateYearImport, type YearImportEntry, type YearImportResult } from './year-import';

type IcsEvent = Map<string, { params: string; value: string }>;
type DayClass = 'holiday' | 'makeup';

const MAX_EVENT_DAYS = 366;

function unfoldLines(text: string): string[] {
  const lines: string[] = [];
  for (const line of text.split(/\r\n|\n|\r/)) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && lines.length > 0) {
      lines[lines.length - 1] += line.slice(1);
    } else if (line !== '') {
      lines.push(line);
    }
  }
  return lines;
}

function readEvents(lines: string[]): IcsEvent[] {
  const events: IcsEvent[] = [];
  let current: IcsEvent | null = null;
  for (const line of lines) {
    const upper = line.toUpperCase();
    if (upper === 'BEGIN:VEVENT') current = new Map();
    else if (upper === 'END:VEVENT' && current !== null) {
      events.push(current);
      current = null;
    } else if (current !== null) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const [name = '', ...params] = line.slice(0, colon).split(';');
      current.set(name.toUpperCase(), {
        params: params.join(';').toUpperCase(),
        value: line.slice(colon + 1),
      });
    }
  }
  return events;
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch));
}

// DATE (20260101) or DATE-TIME; a UTC time (…Z) is moved to China Standard Time (UTC+8) first.
// `midnight` is true for DATE values and for times at 00:00:00 CST.
function icsDate(value: string): { date: CivilDate; midnight: boolean } | null {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(value.trim());
  if (!match) return null;
  const date = fromYmd({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
  if (!isCivilDate(date)) return null;
  if (match[4] === undefined) return { date, midnight: true };
  const hour = Number(match[4]) + (match[7] === 'Z' ? 8 : 0);
  const midnight = hour % 24 === 0 && match[5] === '00' && match[6] === '00';
  return { date: hour >= 24 ? addDays(date, 1) : date, midnight };
}

function classify(event: IcsEvent): { kind: DayClass; name: string } | null {
  const summary = unescapeText(event.get('SUMMARY')?.value ?? '').trim();
  const marked = /^(.*?)[(（]\s*(休|班)\s*[)）]$/.exec(summary);
  const description = unescapeText(event.get('DESCRIPTION')?.value ?? '').trim();
  const apple = (event.get('X-APPLE-SPECIAL-DAY')?.value ?? '').trim().toUpperCase();
  const mark =
    marked?.[2] ??
    (description === '休' || description === '班' ? description : undefined) ??
    (apple === 'WORK-HOLIDAY' ? '休' : apple === 'ALTERNATE-WORKDAY' ? '班' : undefined);
  if (mark === undefined) return null;
  const name = (marked?.[1] ?? summary).trim();
  return { kind: mark === '休' ? 'holiday' : 'makeup', name };
}

/** The dates an all-day event covers; DTEND is exclusive, as RFC 5545 says for DATE values. */
function eventDates(event: IcsEvent): CivilDate[] | string {
  const startValue = event.get('DTSTART')?.value ?? '';
  const start = icsDate(startValue)?.date;
  if (start === undefined) return `开始日期 ${JSON.stringify(startValue)} 无效`;
  const endValue = event.get('DTEND')?.value;
  if (endValue === undefined) return [start];
  const end = icsDate(endValue);
  if (end === null) return `结束日期 ${JSON.stringify(endValue)} 无效`;
  const last = end.midnight ? addDays(end.date, -1) : end.date;
  const dates: CivilDate[] = [];
  for (let day = start; compareDates(day, last) <= 0; day = addDays(day, 1)) {
    if (dates.length >= MAX_EVENT_DAYS) return `事件跨度超过 ${MAX_EVENT_DAYS} 天`;
    dates.push(day);
  }
  return dates.length > 0 ? dates : `结束日期 ${endValue} 不晚于开始日期 ${startValue}`;
}

/** Reads one year's schedule from an .ics file and validates it like a JSON import. */
export function parseIcsYear(
  text: string,
  year: number,
  options: { version?: string } = {},
): YearImportResult {
  const lines = unfoldLines(text);
  if (!lines.some((line) => line.toUpperCase() === 'BEGIN:VCALENDAR')) {
    return { ok: false, errors: ['不是有效的 iCalendar (.ics) 文件：缺少 BEGIN:VCALENDAR'] };
  }
  const errors: string[] = [];
  const lists: Record<DayClass, YearImportEntry[]> = { holiday: [], makeup: [] };
  readEvents(lines).forEach((event, index) => {
    const where = `第 ${index + 1} 个事件（${event.get('SUMMARY')?.value ?? '无标题'}）`;
    const kind = classify(event);
    const dates = eventDates(event);
    if (kind === null) return errors.push(`${where}：无法判断是节假日（休）还是调休上班日（班）`);
    if (typeof dates === 'string') return errors.push(`${where}：${dates}`);
    for (const date of dates) lists[kind.kind].push({ date, name: kind.name });
  });
  const result = validateYearImport({ year, holidays: lists.holiday, makeupWorkdays: lists.makeup }, options);
  if (errors.length === 0) return result;
  return { ok: false, errors: [...errors, ...(result.ok ? [] : result.errors)] };
}

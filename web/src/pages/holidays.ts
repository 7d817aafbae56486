/**
 * The days off and make-up working days of the years a calendar shows: the schedule the
 * deadlines themselves are computed with (GET /api/calendar/holidays), for every member of staff.
 */
import { api } from '../api/client';
import type { YearHolidays } from '../api/types';

export interface DayMarks {
  days: Record<string, { kind: 'holiday' | 'workday'; name: string }>;
  /** Each year asked for, with its version and source; `missing` where none is loaded. */
  years: YearHolidays[];
}

export async function holidaysFor(years: number[]): Promise<DayMarks> {
  const loaded = await Promise.all(
    years.map((year) => api.get<YearHolidays>('/api/calendar/holidays', { year })),
  );
  const days: DayMarks['days'] = {};
  for (const y of loaded) {
    for (const h of y.holidays) days[h.date] = { kind: 'holiday', name: h.name };
    for (const w of y.makeupWorkdays) days[w.date] = { kind: 'workday', name: w.name };
  }
  return { days, years: loaded };
}

/** Where a year's marks come from, in a sentence for the page. */
export function scheduleNote(y: YearHolidays): string {
  if (y.missing) return `${y.year}年节假日安排尚未载入：届满日落在该年的期限为暂定期限，仅按周末计算。`;
  const source =
    y.source === 'import' ? '管理员载入的国务院节假日安排' : '系统内置的国务院节假日安排（chinese-days）';
  return `节假日按${source}标注（${y.year}年，版本 ${y.version}），与期限计算所用的安排相同。`;
}

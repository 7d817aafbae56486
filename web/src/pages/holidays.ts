/**
 * The days off and make-up working days of a year, for marking calendars: the schedule an
 * administrator loaded (GET /api/admin/holidays/:year, admins only), or else the schedule
 * built into the package the server itself starts from (chinese-days), said so on screen.
 */
import builtIn from 'chinese-days/dist/chinese-days.json';
import { api, ApiError } from '../api/client';

export interface DayMarks {
  days: Record<string, { kind: 'holiday' | 'workday'; name: string }>;
  source: 'loaded' | 'builtin' | 'missing' | 'none';
}

interface YearDetail {
  active: {
    holidays: { date: string; name: string }[];
    makeupWorkdays: { date: string; name: string }[];
  } | null;
}

const nameOf = (entry: string) => entry.split(',')[1]?.trim() || entry;

export async function holidaysFor(year: number, admin: boolean): Promise<DayMarks> {
  const days: DayMarks['days'] = {};
  if (admin) {
    try {
      const detail = await api.get<YearDetail>(`/api/admin/holidays/${year}`);
      for (const h of detail.active?.holidays ?? []) days[h.date] = { kind: 'holiday', name: h.name };
      for (const w of detail.active?.makeupWorkdays ?? []) days[w.date] = { kind: 'workday', name: w.name };
      return { days, source: detail.active ? 'loaded' : 'missing' };
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return { days, source: 'missing' };
      throw err;
    }
  }
  const data = builtIn as { holidays: Record<string, string>; workdays: Record<string, string> };
  const prefix = `${year}-`;
  for (const [date, entry] of Object.entries(data.holidays))
    if (date.startsWith(prefix)) days[date] = { kind: 'holiday', name: nameOf(entry) };
  for (const [date, entry] of Object.entries(data.workdays))
    if (date.startsWith(prefix)) days[date] = { kind: 'workday', name: nameOf(entry) };
  return { days, source: Object.keys(days).length ? 'builtin' : 'missing' };
}

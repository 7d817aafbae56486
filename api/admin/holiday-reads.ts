// Read views of the stored schedule for admins: the years, and one year with its history.
import { provisionalOpenClocksByYear } from '../../store/calendar-clocks';
import { listActiveYears, yearVersions, type ScheduleYearRow } from '../../store/calendar-schedule';
import { shanghaiDate } from '../../domain/time';
import { problems } from '../problem';
import type { CalendarServiceDeps } from './holiday-service';

const entries = (record: Record<string, string>) =>
  Object.entries(record)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, name]) => ({ date, name }));

function versionSummary(row: ScheduleYearRow) {
  return {
    version: row.version,
    source: row.source,
    active: row.active,
    holidays: Object.keys(row.holidays).length,
    makeupWorkdays: Object.keys(row.makeup_workdays).length,
    importedBy: row.imported_by,
    importedAt: row.imported_at.toISOString(),
    activatedAt: row.activated_at?.toISOString() ?? null,
  };
}

/** Years between the first loaded one and next year that have no schedule, and later years in use. */
function missingYears(loaded: number[], provisionalByYear: Map<number, number>, thisYear: number): number[] {
  const have = new Set(loaded);
  const first = loaded[0] ?? thisYear;
  const last = Math.max(thisYear + 1, ...loaded);
  const years = new Set<number>();
  for (let year = first; year <= last; year += 1) if (!have.has(year)) years.add(year);
  for (const year of provisionalByYear.keys()) if (!have.has(year)) years.add(year);
  return [...years].sort((a, b) => a - b);
}

export async function listScheduleYears(deps: CalendarServiceDeps) {
  const versions = await deps.store.versions(); // also seeds a fresh database
  const rows = await listActiveYears(deps.db);
  const provisional = await provisionalOpenClocksByYear(deps.db);
  const thisYear = Number(shanghaiDate(deps.now()).slice(0, 4));
  const missing = missingYears(
    rows.map((row) => row.year),
    provisional,
    thisYear,
  );
  const lastLoaded = rows[rows.length - 1]?.year;
  return {
    scheduleVersion: versions.schedule,
    years: rows.map((row) => ({
      year: row.year,
      version: row.version,
      source: row.source,
      holidays: row.holidays,
      makeupWorkdays: row.makeup_workdays,
      importedBy: row.imported_by,
      importedAt: row.imported_at.toISOString(),
      activatedAt: row.activated_at?.toISOString() ?? null,
      versions: row.versions,
    })),
    missingYears: missing.map((year) => ({ year, provisionalOpenDeadlines: provisional.get(year) ?? 0 })),
    provisionalFrom: lastLoaded === undefined ? null : `${lastLoaded + 1}-01-01`,
    notice:
      missing.length === 0
        ? '节假日安排已全部载入'
        : `${missing.map((y) => `${y}年`).join('、')}节假日安排尚未载入：届满日落在这些年份的期限仅按周末计算，为暂定期限；载入后自动重新计算`,
  };
}

export async function scheduleYearDetail(deps: CalendarServiceDeps, year: number) {
  await deps.store.versions();
  const rows = await yearVersions(deps.db, year);
  if (rows.length === 0) {
    throw problems.notFound(`${year}年节假日安排尚未载入：届满日落在该年的期限仅按周末计算，为暂定期限`);
  }
  const active = rows.find((row) => row.active);
  return {
    year,
    active:
      active === undefined
        ? null
        : {
            ...versionSummary(active),
            holidays: entries(active.holidays),
            makeupWorkdays: entries(active.makeup_workdays),
          },
    versions: rows.map(versionSummary),
  };
}

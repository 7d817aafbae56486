// The stored holiday schedule: one row per (year, version), one active version per year.
import type { HolidaySchedule, ScheduleSource, YearSchedule } from '../domain/period';
import type { Db, Tx } from './pool';

export interface ScheduleYearRow {
  year: number;
  version: string;
  source: ScheduleSource;
  holidays: Record<string, string>;
  makeup_workdays: Record<string, string>;
  imported_by: string | null;
  imported_at: Date;
  active: boolean;
  activated_by: string | null;
  activated_at: Date | null;
}

export interface ScheduleYearSummary {
  year: number;
  version: string;
  source: ScheduleSource;
  holidays: number;
  makeup_workdays: number;
  imported_by: string | null;
  imported_at: Date;
  activated_at: Date | null;
  /** How many versions of the year are stored, the active one included. */
  versions: number;
}

function toYearSchedule(row: ScheduleYearRow): YearSchedule {
  return {
    year: row.year,
    version: row.version,
    source: row.source,
    holidays: row.holidays,
    makeupWorkdays: row.makeup_workdays,
  };
}

export async function loadActiveSchedule(db: Db): Promise<HolidaySchedule> {
  const rows = await db.query<ScheduleYearRow>(
    'SELECT * FROM holiday_schedule_years WHERE active ORDER BY year',
  );
  return { years: Object.fromEntries(rows.map((row) => [row.year, toYearSchedule(row)])) };
}

/**
 * Stores the bundled years; a year becomes active only where it has no active version yet, so
 * an admin's import is never displaced. Safe to run concurrently from every process.
 */
export async function seedScheduleYears(db: Db, years: YearSchedule[]): Promise<void> {
  const records = years.map((y) => ({
    year: y.year,
    version: y.version,
    source: y.source,
    holidays: y.holidays,
    makeup_workdays: y.makeupWorkdays,
  }));
  await db.query(
    `INSERT INTO holiday_schedule_years (year, version, source, holidays, makeup_workdays, active, activated_at)
     SELECT r.year, r.version, r.source, r.holidays, r.makeup_workdays,
            NOT EXISTS (SELECT 1 FROM holiday_schedule_years h WHERE h.year = r.year AND h.active),
            now()
     FROM jsonb_to_recordset($1::jsonb)
       AS r(year integer, version text, source text, holidays jsonb, makeup_workdays jsonb)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(records)],
  );
}

export async function listActiveYears(db: Db): Promise<ScheduleYearSummary[]> {
  return db.query<ScheduleYearSummary>(
    `SELECT h.year, h.version, h.source, h.imported_by, h.imported_at, h.activated_at,
            (SELECT count(*) FROM jsonb_object_keys(h.holidays))::int AS holidays,
            (SELECT count(*) FROM jsonb_object_keys(h.makeup_workdays))::int AS makeup_workdays,
            (SELECT count(*) FROM holiday_schedule_years o WHERE o.year = h.year)::int AS versions
     FROM holiday_schedule_years h WHERE h.active ORDER BY h.year`,
  );
}

/** Every stored version of a year, the active one first, then the newest. */
export async function yearVersions(db: Db, year: number): Promise<ScheduleYearRow[]> {
  return db.query<ScheduleYearRow>(
    `SELECT * FROM holiday_schedule_years WHERE year = $1
     ORDER BY active DESC, coalesce(activated_at, imported_at) DESC`,
    [year],
  );
}

export interface Activation {
  /** The version active before, or null where the year was missing. */
  previous: string | null;
  /** False when `year` was already the active version: nothing was written. */
  changed: boolean;
}

/** Makes `year` the active version of its year, keeping every older version. */
export async function activateScheduleYear(db: Db, year: YearSchedule, actorId: string): Promise<Activation> {
  return db.withTransaction(async (tx) => {
    // Imports are rare; one at a time keeps "one active version per year" without retries.
    await tx.query('LOCK TABLE holiday_schedule_years IN SHARE ROW EXCLUSIVE MODE');
    const previous = await activeVersion(tx, year.year);
    if (previous === year.version) return { previous, changed: false };
    await tx.query('UPDATE holiday_schedule_years SET active = false WHERE year = $1 AND active', [
      year.year,
    ]);
    await tx.query(
      `INSERT INTO holiday_schedule_years
         (year, version, source, holidays, makeup_workdays, imported_by, active, activated_by, activated_at)
       VALUES ($1, $2, $3, $4, $5, $6, true, $6, now())
       ON CONFLICT (year, version) DO UPDATE SET active = true, activated_by = $6, activated_at = now()`,
      [
        year.year,
        year.version,
        year.source,
        JSON.stringify(year.holidays),
        JSON.stringify(year.makeupWorkdays),
        actorId,
      ],
    );
    return { previous, changed: true };
  });
}

async function activeVersion(tx: Tx, year: number): Promise<string | null> {
  const rows = await tx.query<{ version: string }>(
    'SELECT version FROM holiday_schedule_years WHERE year = $1 AND active',
    [year],
  );
  return rows[0]?.version ?? null;
}

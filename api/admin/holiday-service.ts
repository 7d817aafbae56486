// Use cases of the holiday schedule: list, show a year, what-if, import.
import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import type { CalendarStore } from '../../calendar/store';
import { affectedCases, previewMoves, type MoveReport } from '../../calendar/whatif';
import { openClocks } from '../../store/calendar-clocks';
import { activateScheduleYear } from '../../store/calendar-schedule';
import type { Db } from '../../store/pool';
import { scheduleVersion, withYear, type YearSchedule } from '../../domain/period';
import { signalRecompute, type SignalReport } from './signal-cases';

export interface CalendarServiceDeps {
  db: Db;
  store: CalendarStore;
  temporal: Client;
  log: Logger;
  now: () => Date;
}

export interface ScheduleWhatIf extends MoveReport {
  year: number;
  version: string;
  /** The version active now, or null where the year is missing. */
  currentVersion: string | null;
  holidays: number;
  makeupWorkdays: number;
}

export interface ScheduleImport extends ScheduleWhatIf {
  /** False when the same content was already active: nothing was stored. */
  applied: boolean;
  scheduleVersion: string;
  signals: SignalReport;
}

/** Every open deadline that `year` would move; nothing is stored. */
export async function scheduleWhatIf(deps: CalendarServiceDeps, year: YearSchedule): Promise<ScheduleWhatIf> {
  const { schedule, policy } = await deps.store.snapshot();
  // A year's schedule cannot move a deadline that falls before it (the rollover only looks ahead).
  const rows = await openClocks(deps.db, { dueFrom: `${year.year}-01-01` });
  const report = previewMoves(rows, { schedule: withYear(schedule, year), policy });
  return {
    year: year.year,
    version: year.version,
    currentVersion: schedule.years[year.year]?.version ?? null,
    holidays: Object.keys(year.holidays).length,
    makeupWorkdays: Object.keys(year.makeupWorkdays).length,
    ...report,
  };
}

/**
 * Makes `year` the active version, then signals every case whose deadlines move. Importing the
 * active content again stores nothing but signals the cases still not recomputed: a retry.
 */
export async function importScheduleYear(
  deps: CalendarServiceDeps,
  year: YearSchedule,
  actorId: string,
): Promise<ScheduleImport> {
  const preview = await scheduleWhatIf(deps, year);
  const activation = await activateScheduleYear(deps.db, year, actorId);
  const after = await deps.store.schedule();
  const version = scheduleVersion(after);
  const signals = await signalRecompute(deps, affectedCases(preview.moves), {
    reason: `${year.year}年节假日安排变更为版本 ${year.version}（原版本 ${activation.previous ?? '未载入'}）`,
    versions: { schedule: version },
    actorId,
  });
  deps.log.info(
    { year: year.year, version: year.version, applied: activation.changed, moves: preview.moves.length },
    'holiday schedule imported',
  );
  return { ...preview, applied: activation.changed, scheduleVersion: version, signals };
}

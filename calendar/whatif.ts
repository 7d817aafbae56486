// Which open deadlines a candidate schedule, period policy or clock catalogue would move.
import {
  DEFAULT_CLOCK_CATALOGUE,
  previewScheduleChange,
  type ClockCatalogue,
  type ClockId,
  type DeadlineRequest,
  type HolidaySchedule,
  type PeriodLength,
  type PeriodPolicy,
} from '../domain/period';
import type { OpenClockRow } from '../store/calendar-clocks';

/** One deadline that would move: IDs and dates only, as every procuratorate's cases are listed. */
export interface DeadlineMove {
  caseId: string;
  procuratorateId: string;
  clockKey: string;
  clockId: string;
  clockName: string;
  oldDue: string | null;
  newDue: string | null;
  oldProvisional: boolean;
  newProvisional: boolean;
  /** e.g. 'X-2026-00001 行政机关书面回复：2027-03-01（暂定）→ 2027-03-02' */
  text: string;
}

export interface UncomputableClock {
  caseId: string;
  procuratorateId: string;
  clockKey: string;
  message: string;
}

export interface MoveReport {
  /** Open clocks looked at. */
  examined: number;
  moves: DeadlineMove[];
  /** Stored clocks whose request could not be computed; reported, never fatal. */
  uncomputable: UncomputableClock[];
}

export interface Candidate {
  schedule: HolidaySchedule;
  policy: PeriodPolicy;
  /** The request each clock would be computed from; the stored one when absent. */
  requestFor?: (row: OpenClockRow) => DeadlineRequest;
}

function clockName(clockId: string): string {
  return DEFAULT_CLOCK_CATALOGUE.clocks[clockId as ClockId]?.name ?? clockId;
}

export function previewMoves(rows: readonly OpenClockRow[], candidate: Candidate): MoveReport {
  const report: MoveReport = { examined: rows.length, moves: [], uncomputable: [] };
  for (const row of rows) {
    try {
      const request = candidate.requestFor?.(row) ?? row.request;
      const open = {
        caseId: row.case_id,
        caseNumber: row.case_id,
        clockId: row.clock_id,
        request,
        currentDue: row.due_date,
        currentProvisional: row.provisional,
      };
      const [change] = previewScheduleChange([open], candidate.schedule, candidate.policy);
      if (change === undefined) continue;
      report.moves.push({
        caseId: row.case_id,
        procuratorateId: row.procuratorate_id,
        clockKey: row.clock_key,
        clockId: row.clock_id,
        clockName: clockName(row.clock_id),
        oldDue: change.oldDue,
        newDue: change.newDue,
        oldProvisional: row.provisional,
        newProvisional: change.newProvisional,
        text: change.text,
      });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      report.uncomputable.push({
        caseId: row.case_id,
        procuratorateId: row.procuratorate_id,
        clockKey: row.clock_key,
        message,
      });
    }
  }
  return report;
}

const sameLength = (a: PeriodLength | null | undefined, b: PeriodLength) =>
  a != null && a.unit === b.unit && a.count === b.count;

/**
 * The request under a new catalogue. A clock follows a changed length only where its stored
 * period is the default (or urgent) length of the catalogue version that produced it; a length
 * stated case by case (整改期限, a recommendation's own period) stays as it is.
 */
export function requestUnderCatalogue(
  row: OpenClockRow,
  produced: ClockCatalogue,
  next: ClockCatalogue,
): DeadlineRequest {
  const before = produced.clocks[row.clock_id as ClockId];
  const after = next.clocks[row.clock_id as ClockId];
  const period = row.request.period;
  if (before === undefined || after === undefined) return row.request;
  if (sameLength(before.defaultLength, period) && after.defaultLength !== null) {
    return { ...row.request, period: after.defaultLength };
  }
  if (sameLength(before.urgentLength, period) && after.urgentLength !== undefined) {
    return { ...row.request, period: after.urgentLength };
  }
  return row.request;
}

/** A case and the procuratorate it belongs to. */
export interface CaseRef {
  caseId: string;
  procuratorateId: string;
}

/** Distinct cases, in order, of the moves. */
export function affectedCases(moves: readonly DeadlineMove[]): CaseRef[] {
  const byId = new Map<string, CaseRef>();
  for (const { caseId, procuratorateId } of moves)
    if (!byId.has(caseId)) byId.set(caseId, { caseId, procuratorateId });
  return [...byId.values()];
}

/** Another procuratorate's share of a report: counts, no case. */
export interface ElsewhereCount {
  procuratorateId: string;
  cases: number;
  moves: number;
  uncomputable: number;
}

/**
 * The report as one procuratorate's staff see it: its own cases' moves and failures listed,
 * every other procuratorate's only counted (a national change reaches cases that are not theirs).
 */
export function scopedReport<R extends MoveReport>(
  report: R,
  procuratorateId: string,
): R & { elsewhere: ElsewhereCount[] } {
  const others = new Map<string, ElsewhereCount & { caseIds: Set<string> }>();
  const count = (item: { caseId: string; procuratorateId: string }, key: 'moves' | 'uncomputable') => {
    let entry = others.get(item.procuratorateId);
    if (!entry) {
      entry = {
        procuratorateId: item.procuratorateId,
        cases: 0,
        moves: 0,
        uncomputable: 0,
        caseIds: new Set(),
      };
      others.set(item.procuratorateId, entry);
    }
    entry[key] += 1;
    entry.caseIds.add(item.caseId);
  };
  const mine = (item: { procuratorateId: string }) => item.procuratorateId === procuratorateId;
  for (const move of report.moves) if (!mine(move)) count(move, 'moves');
  for (const clock of report.uncomputable) if (!mine(clock)) count(clock, 'uncomputable');
  const elsewhere = [...others.values()]
    .map(({ caseIds, ...entry }) => ({ ...entry, cases: caseIds.size }))
    .sort((a, b) => a.procuratorateId.localeCompare(b.procuratorateId));
  return {
    ...report,
    moves: report.moves.filter(mine),
    uncomputable: report.uncomputable.filter(mine),
    elsewhere,
  };
}

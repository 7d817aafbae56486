// What-if for a new holiday schedule: which open deadlines would move, before anyone loads it.
import { DEFAULT_CLOCK_CATALOGUE, type ClockId } from './clocks';
import type { CivilDate } from './dates';
import { arrow } from './explanation';
import { computeDeadline, DEFAULT_PERIOD_POLICY, type DeadlineResult, type PeriodPolicy } from './engine';
import type { DeadlineRequest } from './request';
import type { HolidaySchedule } from './schedule';

export interface OpenDeadline {
  caseId: string;
  caseNumber: string;
  clockId: string;
  request: DeadlineRequest;
  currentDue: CivilDate | null;
  /** The stored provisional flag; when absent only a change of date is reported. */
  currentProvisional?: boolean;
}

export interface DeadlineChange {
  caseId: string;
  caseNumber: string;
  clockId: string;
  oldDue: CivilDate | null;
  newDue: CivilDate | null;
  oldProvisional: boolean | null;
  newProvisional: boolean;
  /** e.g. '(2026)公益01号 行政机关书面回复：2027-03-01（暂定）→ 2027-03-02' */
  text: string;
  result: DeadlineResult;
}

function dueLabel(due: CivilDate | null, provisional: boolean | null): string {
  if (due === null) return '中止中';
  return provisional === true ? `${due}（暂定）` : due;
}

/** Open deadlines whose due date, or provisional flag, would change under `candidate`. */
export function previewScheduleChange(
  open: readonly OpenDeadline[],
  candidate: HolidaySchedule,
  policy: PeriodPolicy = DEFAULT_PERIOD_POLICY,
): DeadlineChange[] {
  const changes: DeadlineChange[] = [];
  for (const deadline of open) {
    const result = computeDeadline(deadline.request, candidate, policy);
    const oldProvisional = deadline.currentProvisional ?? null;
    const dueChanged = result.due !== deadline.currentDue;
    const flagChanged = oldProvisional !== null && oldProvisional !== result.provisional;
    if (!dueChanged && !flagChanged) continue;
    const clockName = DEFAULT_CLOCK_CATALOGUE.clocks[deadline.clockId as ClockId]?.name ?? deadline.clockId;
    const text =
      `${deadline.caseNumber} ${clockName}：` +
      arrow(dueLabel(deadline.currentDue, oldProvisional), dueLabel(result.due, result.provisional));
    changes.push({
      caseId: deadline.caseId,
      caseNumber: deadline.caseNumber,
      clockId: deadline.clockId,
      oldDue: deadline.currentDue,
      newDue: result.due,
      oldProvisional,
      newProvisional: result.provisional,
      text,
      result,
    });
  }
  return changes;
}

// 民事诉讼法第85条: a period whose last day is a day off ends on the first working day after it.
import { addDays, type CivilDate } from './dates';
import { dayStatus, type DayOffRule, type DayStatus, type HolidaySchedule } from './schedule';

export interface RolloverOutcome {
  due: CivilDate;
  /** Every day looked at, the last one being the (working) due date. */
  examined: DayStatus[];
}

// Longer runs of days off than this mean a broken schedule, not a long holiday.
const MAX_CONSECUTIVE_DAYS_OFF = 60;

export function rollOver(end: CivilDate, schedule: HolidaySchedule, rule: DayOffRule): RolloverOutcome {
  const examined: DayStatus[] = [];
  let day = end;
  for (let i = 0; i <= MAX_CONSECUTIVE_DAYS_OFF; i += 1) {
    const status = dayStatus(day, schedule, rule);
    examined.push(status);
    if (!status.off) return { due: day, examined };
    day = addDays(day, 1);
  }
  throw new Error(`节假日安排异常：自 ${end} 起连续 ${MAX_CONSECUTIVE_DAYS_OFF} 日以上均为休息日`);
}

/** Years consulted but missing from the schedule (judged by weekends only), ascending. */
export function missingYearsOf(examined: readonly DayStatus[]): number[] {
  const years = new Set(examined.filter((s) => !s.yearLoaded).map((s) => Number(s.date.slice(0, 4))));
  return [...years].sort((a, b) => a - b);
}

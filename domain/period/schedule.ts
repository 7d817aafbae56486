// The State Council's yearly holiday schedule (国务院办公厅关于节假日安排的通知), per year.
import { type CivilDate, isWeekend, weekdayName, yearOf } from './dates';

export type ScheduleSource = 'chinese-days' | 'import';

export interface YearSchedule {
  year: number;
  /** e.g. 'cd-1.5.7' for the chinese-days package, 'imp-1a2b3c4d' for an admin import. */
  version: string;
  source: ScheduleSource;
  /** Days off by the schedule, with the holiday's Chinese name (国庆节). */
  holidays: Record<CivilDate, string>;
  /** Weekend days made working days (调休上班), with the holiday they make up for. */
  makeupWorkdays: Record<CivilDate, string>;
}

export interface HolidaySchedule {
  years: Record<number, YearSchedule>;
}

/** Whether a 调休 make-up working day on a weekend counts as a working day. The law does not settle it. */
export interface DayOffRule {
  makeupWorkdayCounts: boolean;
}

export const DEFAULT_DAY_OFF_RULE: DayOffRule = { makeupWorkdayCounts: true };

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface DayStatus {
  date: CivilDate;
  off: boolean;
  kind: DayKind;
  /** Holiday name for 'holiday', the holiday made up for on a 'makeup_workday'. */
  name?: string;
  /** False when the year is missing from the schedule: the day was judged by weekends only. */
  yearLoaded: boolean;
}

export function scheduleVersion(schedule: HolidaySchedule): string {
  return loadedYears(schedule)
    .map((year) => `${year}:${schedule.years[year]?.version ?? ''}`)
    .join(',');
}

export function loadedYears(schedule: HolidaySchedule): number[] {
  return Object.keys(schedule.years)
    .map(Number)
    .sort((a, b) => a - b);
}

/** A new schedule with `year` added, or replacing the year already there. */
export function withYear(schedule: HolidaySchedule, year: YearSchedule): HolidaySchedule {
  return { years: { ...schedule.years, [year.year]: year } };
}

export function dayStatus(
  date: CivilDate,
  schedule: HolidaySchedule,
  rule: DayOffRule = DEFAULT_DAY_OFF_RULE,
): DayStatus {
  const weekend = isWeekend(date);
  const year = schedule.years[yearOf(date)];
  if (year === undefined) {
    return { date, off: weekend, kind: weekend ? 'weekend' : 'workday', yearLoaded: false };
  }
  const holiday = year.holidays[date];
  if (holiday !== undefined) return { date, off: true, kind: 'holiday', name: holiday, yearLoaded: true };
  const makeup = year.makeupWorkdays[date];
  if (makeup !== undefined && weekend) {
    return { date, off: !rule.makeupWorkdayCounts, kind: 'makeup_workday', name: makeup, yearLoaded: true };
  }
  return { date, off: weekend, kind: weekend ? 'weekend' : 'workday', yearLoaded: true };
}

/** Weekends and holidays are days off; a weekend 调休 working day is not, unless the rule says so. */
export function isDayOff(
  date: CivilDate,
  schedule: HolidaySchedule,
  rule: Partial<DayOffRule> = DEFAULT_DAY_OFF_RULE,
): boolean {
  return dayStatus(date, schedule, { ...DEFAULT_DAY_OFF_RULE, ...rule }).off;
}

/** Chinese description of a day, e.g. '国庆节', '星期日', '星期日（调休上班日，…）'. */
export function describeDay(status: DayStatus): string {
  const weekday = weekdayName(status.date);
  if (!status.yearLoaded) return `${weekday}（${yearOf(status.date)}年节假日安排尚未载入，仅按周末计算）`;
  if (status.kind === 'holiday') return status.name ?? '节假日';
  if (status.kind === 'makeup_workday') {
    const verdict = status.off ? '依本院政策不视为工作日' : '按工作日计算';
    return `${weekday}（${status.name ?? ''}调休上班日，${verdict}）`;
  }
  return weekday;
}

/** A day of a holiday schedule as an admin imports it. */
export interface ScheduleEntry {
  date: string;
  name: string;
}

const range = (from: number, to: number, prefix: string) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}-${String(from + i).padStart(2, '0')}`);

/**
 * A made-up but well-formed 2027 holiday schedule (the real one is not in chinese-days yet),
 * with `extraHolidays` added as 测试假日.
 */
export function schedule2027(extraHolidays: string[] = []): {
  holidays: ScheduleEntry[];
  makeupWorkdays: ScheduleEntry[];
} {
  const named = (name: string) => (date: string) => ({ date, name });
  return {
    holidays: [
      ...range(1, 3, '2027-01').map(named('元旦')),
      ...range(5, 12, '2027-02').map(named('春节')),
      ...range(1, 5, '2027-05').map(named('劳动节')),
      ...range(1, 7, '2027-10').map(named('国庆节')),
      ...extraHolidays.map(named('测试假日')),
    ],
    makeupWorkdays: [{ date: '2027-02-20', name: '春节' }],
  };
}

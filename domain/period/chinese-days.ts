// The schedules shipped by the npm package `chinese-days` (2004 up to the latest year it knows).
import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import chineseDaysPackage from 'chinese-days/package.json';
import type { HolidaySchedule, YearSchedule } from './schedule';

export const CHINESE_DAYS_VERSION: string = chineseDaysPackage.version;

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** "Spring Festival,春节,4" → "春节" (the package stores English name, Chinese name, length). */
export function chineseHolidayName(entry: string): string {
  const name = entry.split(',')[1]?.trim();
  return name !== undefined && name !== '' ? name : entry;
}

function emptyYear(year: number): YearSchedule {
  return {
    year,
    version: `cd-${CHINESE_DAYS_VERSION}`,
    source: 'chinese-days',
    holidays: {},
    makeupWorkdays: {},
  };
}

/** One YearSchedule per year that has holidays in the package's data. */
export function scheduleFromChineseDays(): HolidaySchedule {
  const data: ChineseDaysData = chineseDaysData;
  const years: Record<number, YearSchedule> = {};
  const yearFor = (date: string): YearSchedule => {
    const year = Number(date.slice(0, 4));
    return (years[year] ??= emptyYear(year));
  };
  for (const [date, entry] of Object.entries(data.holidays)) {
    yearFor(date).holidays[date] = chineseHolidayName(entry);
  }
  for (const [date, entry] of Object.entries(data.workdays)) {
    const year = years[Number(date.slice(0, 4))];
    // A make-up day in a year the package has no holidays for cannot make that year complete.
    if (year !== undefined) year.makeupWorkdays[date] = chineseHolidayName(entry);
  }
  return { years };
}

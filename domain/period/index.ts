// Legal-period engine: pure, deterministic, no I/O. Shared by workflows, activities, API, UI and CLI.
export * from './dates';
export * from './request';
export * from './explanation';
export * from './schedule';
export { chineseHolidayName, scheduleFromChineseDays, CHINESE_DAYS_VERSION } from './chinese-days';
export {
  validateYearImport,
  type YearImportEntry,
  type YearImportInput,
  type YearImportResult,
} from './year-import';
export { parseIcsYear } from './ics';
export * from './engine';
export * from './stop-counting';
export * from './clocks';
export * from './whatif';

// Legal-period engine: pure, deterministic, no I/O. Shared by workflows, activities, API, UI and CLI.
export * from './dates';
export * from './request';
export * from './explanation';
export * from './schedule';
export { chineseHolidayName } from './chinese-days';
export type { YearImportEntry } from './year-import';
export * from './engine';
export * from './clocks';
export * from './whatif';

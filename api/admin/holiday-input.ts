// An imported year, from JSON or from an .ics file, checked by the engine's validators.
import { z } from 'zod';
import { parseIcsYear, validateYearImport, type YearSchedule } from '../../domain/period';
import { problems } from '../problem';

const MAX_ENTRIES = 400;

export const yearImportBody = z
  .strictObject({
    year: z.number().int().min(1900).max(9999).describe('年份'),
    holidays: z
      .array(z.unknown())
      .max(MAX_ENTRIES)
      .optional()
      .describe('节假日（休息日）：[{ "date": "2027-01-01", "name": "元旦" }, …]'),
    makeupWorkdays: z
      .array(z.unknown())
      .max(MAX_ENTRIES)
      .optional()
      .describe('调休上班日（周末上班）：[{ "date": "2027-02-20", "name": "春节" }, …]'),
    ics: z
      .string()
      .min(1)
      .max(200_000)
      .optional()
      .describe('iCalendar 文本（如 chinese-days 的 2026.ics）；与 holidays/makeupWorkdays 二选一'),
  })
  .describe('一年的节假日安排：JSON 列表，或 .ics 文本');
export type YearImportBody = z.infer<typeof yearImportBody>;

/** The validated year, or a 422 problem listing every bad date. */
export function yearFromBody(body: YearImportBody): YearSchedule {
  const fromIcs = body.ics !== undefined;
  if (fromIcs && (body.holidays !== undefined || body.makeupWorkdays !== undefined)) {
    const message = '请只提供 ics 文本或 holidays/makeupWorkdays 列表之一';
    throw problems.validation(message, [{ path: 'ics', message }]);
  }
  const result = fromIcs
    ? parseIcsYear(body.ics ?? '', body.year)
    : validateYearImport({ year: body.year, holidays: body.holidays, makeupWorkdays: body.makeupWorkdays });
  if (result.ok) return result.schedule;
  const path = fromIcs ? 'ics' : 'schedule';
  const count = result.errors.length > 1 ? `（共 ${result.errors.length} 处错误）` : '';
  throw problems.validation(
    `${body.year}年节假日安排有误：${result.errors[0] ?? ''}${count}`,
    result.errors.map((message) => ({ path, message })),
  );
}

// GET /api/deadlines query → a deadline request; every problem names the query parameter.
import { z } from 'zod';
import type { DeadlineRequest, PeriodRequestError } from '../../domain/period';
import { problems } from '../problem';
import { storable } from '../../domain/text';

const integer = (what: string) =>
  z
    .string()
    .regex(/^[+-]?\d{1,9}$/, `${what}应为整数`)
    .transform(Number);

export const deadlineQuery = z.strictObject({
  start: storable('起算事件的日期 YYYY-MM-DD（期间自次日起算）').max(40),
  days: integer('days').optional().describe('期间天数'),
  months: integer('months').optional().describe('期间月数（与 days 二选一）'),
  excludeDays: integer('excludeDays').optional().describe('不计入期限的天数（鉴定、评估等）'),
});
export type DeadlineQuery = z.infer<typeof deadlineQuery>;

function invalid(path: string, message: string) {
  return problems.validation(`查询参数有误：${path} ${message}`, [{ path, message }]);
}

export function requestFromQuery(query: DeadlineQuery): DeadlineRequest {
  if (query.days !== undefined && query.months !== undefined) {
    throw invalid('months', '只能指定 days 或 months 之一');
  }
  if (query.days === undefined && query.months === undefined) {
    throw invalid('days', '须指定 days（天数）或 months（月数）');
  }
  const period =
    query.months !== undefined
      ? { unit: 'months' as const, count: query.months }
      : { unit: 'days' as const, count: query.days ?? 0 };
  return { start: query.start, period, excludedDays: query.excludeDays ?? 0 };
}

/** The engine's field ('period.count', 'excludedDays') as the query parameter the caller sent. */
export function parameterOf(error: PeriodRequestError, request: DeadlineRequest): string {
  if (error.field.startsWith('period')) return request.period.unit === 'months' ? 'months' : 'days';
  if (error.field === 'excludedDays') return 'excludeDays';
  return error.field;
}

export function periodProblem(error: PeriodRequestError, request: DeadlineRequest) {
  return invalid(parameterOf(error, request), error.message);
}

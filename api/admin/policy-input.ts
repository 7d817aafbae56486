// A requested policy change, checked against the active versions before anything is stored.
import { z } from 'zod';
import {
  CLOCK_IDS,
  DEFAULT_CLOCK_CATALOGUE,
  DEFAULT_STOP_DAY_COUNTING,
  STOP_DAY_COUNTINGS,
  withOverriddenLengths,
  type ClockCatalogue,
  type ClockId,
  type ClockLengthOverride,
  type PeriodLength,
  type PeriodPolicy,
} from '../../domain/period';
import type { CalendarSnapshot } from '../../calendar/cache';
import { clockOverrideSchema, type ClockOverrides } from '../../calendar/policies';
import { reminderPolicyContentSchema, type ReminderPolicyContent } from '../../calendar/reminder-policy';
import { problems } from '../problem';
import { text } from '../../domain/text';

export const policyChangeBody = z
  .strictObject({
    makeupWorkdayCounts: z.boolean().optional().describe('调休上班日是否按工作日计算'),
    stopDayCounting: z
      .enum(STOP_DAY_COUNTINGS)
      .optional()
      .describe(
        '中止、扣除鉴定等期间的计日方法：resume_on_end_day 自开始之日停止计算、至结束之日恢复计算（默认），exclude_both_end_days 开始日和结束日均不计入',
      ),
    clockLengths: z
      .partialRecord(z.enum(CLOCK_IDS as [ClockId, ...ClockId[]]), clockOverrideSchema)
      .optional()
      .describe(
        '各期限的默认长度（defaultLength）或紧急情形长度（urgentLength），如 { "reply": { "urgentLength": { "unit": "days", "count": 15 } } }',
      ),
    reminders: reminderPolicyContentSchema.optional().describe('提醒策略（完整替换）'),
    reason: text('变更理由', 500).optional(),
  })
  .refine(
    (body) =>
      body.makeupWorkdayCounts !== undefined ||
      body.stopDayCounting !== undefined ||
      body.clockLengths !== undefined ||
      body.reminders !== undefined,
    '请至少指定 makeupWorkdayCounts、stopDayCounting、clockLengths、reminders 之一',
  );
export type PolicyChangeBody = z.infer<typeof policyChangeBody>;

/** What the change would make active; absent parts stay as they are. */
export interface PolicyCandidate {
  policy?: PeriodPolicy;
  catalogue?: { value: ClockCatalogue; overrides: ClockOverrides; changedClocks: ClockId[] };
  reminders?: ReminderPolicyContent;
}

const sameLength = (a: PeriodLength | null | undefined, b: PeriodLength | null | undefined) =>
  (a ?? null) === (b ?? null) || (a != null && b != null && a.unit === b.unit && a.count === b.count);

/** The overrides relative to the built-in clocks, without entries that equal the built-in length. */
function mergedOverrides(current: ClockCatalogue, requested: ClockOverrides): ClockOverrides {
  const merged: ClockOverrides = {};
  for (const id of CLOCK_IDS) {
    const builtIn = DEFAULT_CLOCK_CATALOGUE.clocks[id];
    const now = current.clocks[id];
    const wanted = { defaultLength: now.defaultLength, urgentLength: now.urgentLength, ...requested[id] };
    const override: ClockLengthOverride = {};
    if (wanted.defaultLength && !sameLength(wanted.defaultLength, builtIn.defaultLength)) {
      override.defaultLength = wanted.defaultLength;
    }
    if (wanted.urgentLength && !sameLength(wanted.urgentLength, builtIn.urgentLength)) {
      override.urgentLength = wanted.urgentLength;
    }
    if (Object.keys(override).length > 0) merged[id] = override;
  }
  return merged;
}

function candidateCatalogue(current: ClockCatalogue, requested: ClockOverrides) {
  for (const [id, override] of Object.entries(requested) as [ClockId, ClockLengthOverride][]) {
    try {
      withOverriddenLengths(DEFAULT_CLOCK_CATALOGUE, { [id]: override });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      throw problems.validation(message, [{ path: `clockLengths.${id}`, message }]);
    }
  }
  const overrides = mergedOverrides(current, requested);
  const value = withOverriddenLengths(DEFAULT_CLOCK_CATALOGUE, overrides, '（预览）');
  const changedClocks = CLOCK_IDS.filter(
    (id) =>
      !sameLength(value.clocks[id].defaultLength, current.clocks[id].defaultLength) ||
      !sameLength(value.clocks[id].urgentLength, current.clocks[id].urgentLength),
  );
  return { value, overrides, changedClocks };
}

export function policyCandidate(current: CalendarSnapshot, body: PolicyChangeBody): PolicyCandidate {
  const candidate: PolicyCandidate = {};
  if (body.makeupWorkdayCounts !== undefined || body.stopDayCounting !== undefined) {
    candidate.policy = {
      version: '（预览）',
      makeupWorkdayCounts: body.makeupWorkdayCounts ?? current.policy.makeupWorkdayCounts,
      stopDayCounting: body.stopDayCounting ?? current.policy.stopDayCounting ?? DEFAULT_STOP_DAY_COUNTING,
    };
  }
  if (body.clockLengths !== undefined) {
    candidate.catalogue = candidateCatalogue(current.catalogue, body.clockLengths as ClockOverrides);
  }
  if (body.reminders !== undefined) candidate.reminders = body.reminders;
  return candidate;
}

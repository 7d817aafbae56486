// Response shapes of the calendar endpoints, for the OpenAPI document.
import { z } from 'zod';
import { STOP_DAY_COUNTINGS } from '../../domain/period';

const nullableDate = z.string().nullable();

export const deadlineMove = z.object({
  caseId: z.string().describe('案件编号'),
  procuratorateId: z.string(),
  clockKey: z.string(),
  clockId: z.string(),
  clockName: z.string(),
  oldDue: nullableDate.describe('现届满日；null 表示中止中'),
  newDue: nullableDate.describe('变更后的届满日'),
  oldProvisional: z.boolean(),
  newProvisional: z.boolean(),
  text: z.string().describe('如 “X-2026-00001 行政机关书面回复：2027-03-01（暂定）→ 2027-03-02”'),
});

export const moveReport = {
  examined: z.number().int().describe('检查的未届满期限数'),
  moves: z.array(deadlineMove).describe('本院将会变化的期限（仅编号与日期）'),
  uncomputable: z.array(
    z.object({ caseId: z.string(), procuratorateId: z.string(), clockKey: z.string(), message: z.string() }),
  ),
  elsewhere: z
    .array(
      z.object({
        procuratorateId: z.string(),
        cases: z.number().int().describe('期限将会变化或无法计算的案件数'),
        moves: z.number().int().describe('将会变化的期限数'),
        uncomputable: z.number().int().describe('无法计算的期限数'),
      }),
    )
    .describe('其他检察院：只列数量，不列案件'),
};

export const signalReport = z.object({
  signalled: z.array(z.string()).describe('本院已通知重新计算的案件'),
  notFound: z.array(z.string()).describe('本院没有运行中流程的案件（已结案或未启动），仅报告'),
  failed: z.array(z.object({ caseId: z.string(), message: z.string() })).describe('本院未能通知的案件'),
  elsewhere: z
    .array(
      z.object({
        procuratorateId: z.string(),
        signalled: z.number().int().describe('已通知的案件数'),
        notFound: z.number().int().describe('没有运行中流程的案件数'),
        failed: z.number().int().describe('未能通知的案件数'),
      }),
    )
    .describe('其他检察院：只列数量，不列案件'),
});

export const scheduleWhatIfResponse = z.object({
  year: z.number().int(),
  version: z.string(),
  currentVersion: z.string().nullable(),
  holidays: z.number().int(),
  makeupWorkdays: z.number().int(),
  ...moveReport,
});

export const scheduleImportResponse = scheduleWhatIfResponse.extend({
  applied: z.boolean().describe('false：与现行版本相同，未写入'),
  scheduleVersion: z.string(),
  signals: signalReport,
});

export const scheduleYearsResponse = z.object({
  scheduleVersion: z.string(),
  years: z.array(
    z.object({
      year: z.number().int(),
      version: z.string(),
      source: z.enum(['chinese-days', 'import']),
      holidays: z.number().int(),
      makeupWorkdays: z.number().int(),
      importedBy: z.string().nullable(),
      importedAt: z.string(),
      activatedAt: z.string().nullable(),
      versions: z.number().int(),
    }),
  ),
  missingYears: z.array(z.object({ year: z.number().int(), provisionalOpenDeadlines: z.number().int() })),
  provisionalFrom: z.string().nullable().describe('自该日起的期限仅按周末计算（暂定）'),
  notice: z.string(),
});

const dayEntry = z.object({ date: z.string(), name: z.string() });
const yearVersion = z.object({
  version: z.string(),
  source: z.enum(['chinese-days', 'import']),
  active: z.boolean(),
  holidays: z.number().int(),
  makeupWorkdays: z.number().int(),
  importedBy: z.string().nullable(),
  importedAt: z.string(),
  activatedAt: z.string().nullable(),
});

export const scheduleYearResponse = z.object({
  year: z.number().int(),
  active: yearVersion.extend({ holidays: z.array(dayEntry), makeupWorkdays: z.array(dayEntry) }).nullable(),
  versions: z.array(yearVersion),
});

export const yearParam = z.strictObject({ year: z.coerce.number().int().min(1900).max(9999) });

const provenance = {
  createdBy: z.string().nullable(),
  createdAt: z.string().nullable(),
  reason: z.string().nullable(),
};
const length = z.object({ unit: z.enum(['days', 'months']), count: z.number().int() }).nullable();

export const policyResponse = z.object({
  period: z.object({
    version: z.string(),
    makeupWorkdayCounts: z.boolean(),
    stopDayCounting: z.enum(STOP_DAY_COUNTINGS).describe('中止、扣除鉴定等期间的计日方法'),
    ...provenance,
  }),
  catalogue: z.object({
    version: z.string(),
    overrides: z.unknown(),
    clocks: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        target: z.enum(['statutory', 'internal']),
        startEvent: z.string(),
        defaultLength: length,
        urgentLength: length,
        builtInDefaultLength: length,
        builtInUrgentLength: length,
        basis: z.string(),
      }),
    ),
    ...provenance,
  }),
  reminders: z.object({
    version: z.string(),
    steps: z.array(z.unknown()),
    workingHours: z.unknown(),
    ...provenance,
  }),
});

export const policyWhatIfResponse = z.object(moveReport);

export const policyApplyResponse = z.object({
  ...moveReport,
  changes: z.array(
    z.object({
      kind: z.enum(['period', 'catalogue', 'reminders']),
      version: z.string(),
      previous: z.string().nullable(),
      changed: z.boolean(),
    }),
  ),
  versions: z.object({
    schedule: z.string(),
    policy: z.string(),
    catalogue: z.string(),
    reminders: z.string(),
  }),
  signals: signalReport,
  policy: policyResponse,
});

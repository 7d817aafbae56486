// Stored policy content ⇄ the engine's types: the period policy, the clock catalogue and the
// reminder policy, each kept as versions of JSON content (migrations/200_calendar.sql).
import { z } from 'zod';
import {
  CLOCK_IDS,
  DEFAULT_CLOCK_CATALOGUE,
  DEFAULT_PERIOD_POLICY,
  DEFAULT_STOP_DAY_COUNTING,
  STOP_DAY_COUNTINGS,
  type StopDayCounting,
  withOverriddenLengths,
  type ClockCatalogue,
  type ClockId,
  type ClockLengthOverride,
  type PeriodPolicy,
} from '../domain/period';
import { DEFAULT_REMINDER_POLICY, type ReminderPolicyContent } from './reminder-policy';

export type PolicyKind = 'period' | 'catalogue' | 'reminders';

/** Version labels are '<prefix>-<seq>': the built-in defaults are seq 1. */
export const VERSION_PREFIX: Record<PolicyKind, string> = {
  period: 'period',
  catalogue: 'clocks',
  reminders: 'reminders',
};

export function versionLabel(kind: PolicyKind, seq: number): string {
  return `${VERSION_PREFIX[kind]}-${seq}`;
}

export interface PeriodPolicyContent {
  makeupWorkdayCounts: boolean;
  /** Absent in versions stored before the setting existed: the default convention. */
  stopDayCounting?: StopDayCounting;
}

export type ClockOverrides = Partial<Record<ClockId, ClockLengthOverride>>;

export interface CatalogueContent {
  overrides: ClockOverrides;
}

export const periodLengthSchema = z.strictObject({
  unit: z.enum(['days', 'months']),
  count: z.number().int().min(1).max(1200),
});

export const clockOverrideSchema = z.strictObject({
  defaultLength: periodLengthSchema.optional(),
  urgentLength: periodLengthSchema.optional(),
});

export const periodContentSchema = z.strictObject({
  makeupWorkdayCounts: z.boolean(),
  stopDayCounting: z.enum(STOP_DAY_COUNTINGS).default(DEFAULT_STOP_DAY_COUNTING),
});

export const catalogueContentSchema = z.strictObject({
  overrides: z.partialRecord(z.enum(CLOCK_IDS as [ClockId, ...ClockId[]]), clockOverrideSchema),
});

export function periodPolicyFrom(version: string, content: unknown): PeriodPolicy {
  return { version, ...periodContentSchema.parse(content) };
}

/** The built-in catalogue with the stored lengths; throws when an override does not fit its clock. */
export function catalogueFrom(version: string, content: unknown): ClockCatalogue {
  const { overrides } = catalogueContentSchema.parse(content);
  return withOverriddenLengths(DEFAULT_CLOCK_CATALOGUE, overrides as ClockOverrides, version);
}

/** The content each kind is seeded with: the defaults of DOMAIN.md. */
export const DEFAULT_POLICY_CONTENT: {
  period: PeriodPolicyContent;
  catalogue: CatalogueContent;
  reminders: ReminderPolicyContent;
} = {
  period: {
    makeupWorkdayCounts: DEFAULT_PERIOD_POLICY.makeupWorkdayCounts,
    stopDayCounting: DEFAULT_STOP_DAY_COUNTING,
  },
  catalogue: { overrides: {} },
  reminders: { steps: DEFAULT_REMINDER_POLICY.steps, workingHours: DEFAULT_REMINDER_POLICY.workingHours },
};

/** Seeded versions keep the labels the engine's defaults already carry ('period-1', 'clocks-1'). */
export const DEFAULT_POLICY_VERSION: Record<PolicyKind, string> = {
  period: DEFAULT_PERIOD_POLICY.version,
  catalogue: DEFAULT_CLOCK_CATALOGUE.version,
  reminders: DEFAULT_REMINDER_POLICY.version,
};

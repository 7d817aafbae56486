// The reminder policy (DOMAIN.md "Clocks", last paragraphs) as data the reminder planner reads.
import { z } from 'zod';

/** Who a reminder step reaches, by role in the case (the handler) or in its procuratorate. */
export const REMINDER_RECIPIENTS = ['handler', 'head', 'chief', 'case_office'] as const;
export type ReminderRecipient = (typeof REMINDER_RECIPIENTS)[number];

export interface ReminderStep {
  /** Calendar days relative to the due date: -7 seven days before, 0 on the due day, 1 the day after. */
  offsetDays: number;
  recipients: ReminderRecipient[];
  /**
   * Where the step's day is a day off (weekend or holiday of the stored schedule): 'earlier'
   * sends on the last working day before it, 'later' on the first working day after it.
   */
  ifDayOff: 'earlier' | 'later';
  /** Simplified Chinese label shown in reminders and the admin UI, e.g. 届满前7日. */
  label: string;
}

export interface WorkingHours {
  timeZone: 'Asia/Shanghai';
  /** 'HH:MM', local time; reminders go out no earlier than this … */
  start: string;
  /** … and no later than this. */
  end: string;
  /** Reminders go out only on working days of the stored holiday schedule. */
  workingDaysOnly: boolean;
}

export interface ReminderPolicy {
  /** 'reminders-1', 'reminders-2', …: recorded with every planned reminder. */
  version: string;
  /** Ordered by offsetDays; each reaches each recipient once per deadline. */
  steps: ReminderStep[];
  workingHours: WorkingHours;
}

export type ReminderPolicyContent = Omit<ReminderPolicy, 'version'>;

const step = (offsetDays: number, recipients: ReminderRecipient[], label: string): ReminderStep => ({
  offsetDays,
  recipients,
  ifDayOff: offsetDays < 0 ? 'earlier' : 'later',
  label,
});

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  version: 'reminders-1',
  steps: [
    step(-7, ['handler'], '届满前7日'),
    step(-3, ['handler'], '届满前3日'),
    step(-1, ['handler'], '届满前1日'),
    step(0, ['handler'], '届满当日'),
    step(1, ['handler', 'head'], '逾期1日'),
    step(7, ['chief', 'case_office'], '逾期7日'),
  ],
  workingHours: { timeZone: 'Asia/Shanghai', start: '09:00', end: '17:30', workingDaysOnly: true },
};

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM（24小时制）');

const stepSchema = z.strictObject({
  offsetDays: z.number().int().min(-366).max(366).describe('相对届满日的天数，负数为届满前'),
  recipients: z
    .array(z.enum(REMINDER_RECIPIENTS))
    .min(1)
    .refine((list) => new Set(list).size === list.length, '接收人不能重复'),
  ifDayOff: z
    .enum(['earlier', 'later'])
    .describe('遇休息日：earlier 提前至前一工作日，later 顺延至下一工作日'),
  label: z.string().trim().min(1).max(50),
});

/** The editable part of the policy; the version is assigned when it is stored. */
export const reminderPolicyContentSchema = z
  .strictObject({
    steps: z
      .array(stepSchema)
      .min(1)
      .max(20)
      .refine(
        (steps) => new Set(steps.map((s) => s.offsetDays)).size === steps.length,
        '同一天只能有一个提醒步骤',
      ),
    workingHours: z
      .strictObject({
        timeZone: z.literal('Asia/Shanghai'),
        start: clockTime,
        end: clockTime,
        workingDaysOnly: z.boolean(),
      })
      .refine((hours) => hours.start < hours.end, { message: '工作时间的开始须早于结束', path: ['end'] }),
  })
  .transform((policy) => ({
    ...policy,
    steps: [...policy.steps].sort((a, b) => a.offsetDays - b.offsetDays),
  }));

/** A stored policy row back into the type; throws when the stored content is malformed. */
export function reminderPolicyFrom(version: string, content: unknown): ReminderPolicy {
  return { version, ...reminderPolicyContentSchema.parse(content) };
}

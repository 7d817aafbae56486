/**
 * The reminder ladder of a clock (DOMAIN.md "Reminders"), planned on working days in working
 * hours, Asia/Shanghai. Pure: the activity that calls it supplies the schedule and the time.
 */
import { expiryInstant } from './expiry';
import { addDays, type CivilDate } from './period/dates';
import { isDayOff, type DayOffRule, type HolidaySchedule } from './period/schedule';
import { shanghaiDate, shanghaiInstant } from './time';

export type RecipientRole = 'handler' | 'head' | 'chief' | 'case_office';

export interface ReminderStep {
  /** Stable id, part of every outbox key: renaming one re-sends it. */
  id: string;
  /** Days relative to the due date: -7 is a week before, 1 the day after. */
  offsetDays: number;
  recipients: RecipientRole[];
  /** Offer the 检察建议工作规定 art. 25 escalation ladder for a person to confirm. */
  suggestEscalation?: boolean;
  /** Where the step's day is a day off; default: earlier before the due date, later after it. */
  ifDayOff?: 'earlier' | 'later';
}

export interface ReminderLadder {
  version: string;
  steps: ReminderStep[];
  /** Working hours as minutes after midnight, China Standard Time. */
  workStartMinutes: number;
  workEndMinutes: number;
  /** Send only on working days (the default); false sends on any day within the hours. */
  workingDaysOnly?: boolean;
}

export const DEFAULT_REMINDER_LADDER: ReminderLadder = {
  version: 'reminders-1',
  steps: [
    { id: 'd-7', offsetDays: -7, recipients: ['handler'] },
    { id: 'd-3', offsetDays: -3, recipients: ['handler'] },
    { id: 'd-1', offsetDays: -1, recipients: ['handler'] },
    { id: 'd0', offsetDays: 0, recipients: ['handler'] },
    { id: 'd+1', offsetDays: 1, recipients: ['handler', 'head'] },
    { id: 'd+7', offsetDays: 7, recipients: ['chief', 'case_office'], suggestEscalation: true },
  ],
  workStartMinutes: 9 * 60,
  workEndMinutes: 17 * 60 + 30,
};

export interface PlannedReminder {
  stepId: string;
  offsetDays: number;
  recipients: RecipientRole[];
  suggestEscalation: boolean;
  /** Epoch milliseconds. */
  fireAt: number;
}

export interface PlanInput {
  due: CivilDate;
  ladder: ReminderLadder;
  schedule: HolidaySchedule;
  rule: DayOffRule;
  now: Date;
  /** 'before_only' for clocks whose expiry moves the case on by itself (appeal, announcement). */
  scope: 'full' | 'before_only';
}

/**
 * Every step of the ladder with its sending time. A step whose time has passed (a backfilled
 * or recomputed clock) is sent at the next working moment — but a passed "before" step only if
 * no later "before" step is still to come, only the most recent one, and none once the due
 * date itself has passed.
 */
export function planReminders(input: PlanInput): PlannedReminder[] {
  const steps = input.ladder.steps.filter((s) => input.scope === 'full' || s.offsetDays <= 0);
  const planned = steps.map((step) => ({
    stepId: step.id,
    offsetDays: step.offsetDays,
    recipients: step.recipients,
    suggestEscalation: step.suggestEscalation === true,
    fireAt: shanghaiInstant(sendingDay(input, step), input.ladder.workStartMinutes).getTime(),
  }));
  const now = input.now.getTime();
  // A before-only clock that has already run out has nothing left to remind of.
  if (input.scope === 'before_only' && expiryInstant(input.due) <= now) return [];
  const before = planned.filter((p) => p.offsetDays < 0);
  const late = planned.filter((p) => p.fireAt <= now);
  const catchUpBefore =
    !late.some((p) => p.offsetDays >= 0) && !before.some((p) => p.fireAt > now)
      ? before.filter((p) => p.fireAt <= now).sort((a, b) => b.offsetDays - a.offsetDays)[0]
      : undefined;
  const catchUp = nextWorkingMoment(input.now, input).getTime();
  return planned
    .filter((p) => p.fireAt > now || p.offsetDays >= 0 || p === catchUpBefore)
    .map((p) => (p.fireAt > now ? p : { ...p, fireAt: catchUp }))
    .sort((a, b) => a.fireAt - b.fireAt || a.offsetDays - b.offsetDays);
}

/** The working day a step is sent on: before the due date it moves earlier, after it later. */
function sendingDay(input: PlanInput, reminder: ReminderStep): CivilDate {
  let day = addDays(input.due, reminder.offsetDays);
  const earlier = (reminder.ifDayOff ?? (reminder.offsetDays < 0 ? 'earlier' : 'later')) === 'earlier';
  const step = earlier ? -1 : 1;
  for (let i = 0; i < 60 && closed(day, input); i++) day = addDays(day, step);
  return day;
}

type WorkingTime = Pick<PlanInput, 'schedule' | 'rule'> & {
  ladder: Pick<ReminderLadder, 'workStartMinutes' | 'workEndMinutes' | 'workingDaysOnly'>;
};

/** A day on which no reminder goes out. */
function closed(day: CivilDate, input: WorkingTime): boolean {
  return input.ladder.workingDaysOnly !== false && isDayOff(day, input.schedule, input.rule);
}

/** `now` if it falls in working hours on a working day, else the start of the next working day. */
export function nextWorkingMoment(now: Date, input: WorkingTime): Date {
  const today = shanghaiDate(now);
  const minutes = Math.floor((now.getTime() - shanghaiInstant(today).getTime()) / 60_000);
  const { workStartMinutes: start, workEndMinutes: end } = input.ladder;
  if (!closed(today, input)) {
    if (minutes < start) return shanghaiInstant(today, start);
    if (minutes < end) return now;
  }
  let day = addDays(today, 1);
  for (let i = 0; i < 60 && closed(day, input); i++) day = addDays(day, 1);
  return shanghaiInstant(day, start);
}

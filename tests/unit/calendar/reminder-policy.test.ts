import {
  DEFAULT_REMINDER_POLICY,
  reminderPolicyContentSchema,
  reminderPolicyFrom,
} from '../../../calendar/reminder-policy';
import { DEFAULT_POLICY_CONTENT } from '../../../calendar/policies';

describe('the reminder policy', () => {
  it('defaults to DOMAIN.md: 7, 3, 1 days before and on the day to the handler, then head, then chief and case office', () => {
    const ladder = DEFAULT_REMINDER_POLICY.steps.map((s) => [s.offsetDays, s.recipients, s.ifDayOff]);
    expect(ladder).toEqual([
      [-7, ['handler'], 'earlier'],
      [-3, ['handler'], 'earlier'],
      [-1, ['handler'], 'earlier'],
      [0, ['handler'], 'later'],
      [1, ['handler', 'head'], 'later'],
      [7, ['chief', 'case_office'], 'later'],
    ]);
    expect(DEFAULT_REMINDER_POLICY.workingHours).toEqual({
      timeZone: 'Asia/Shanghai',
      start: '09:00',
      end: '17:30',
      workingDaysOnly: true,
    });
  });

  it('reads the seeded content back into the same policy', () => {
    expect(reminderPolicyFrom('reminders-1', DEFAULT_POLICY_CONTENT.reminders)).toEqual(
      DEFAULT_REMINDER_POLICY,
    );
  });

  it('sorts steps by their day', () => {
    const steps = [...DEFAULT_REMINDER_POLICY.steps].reverse();
    const parsed = reminderPolicyContentSchema.parse({ ...DEFAULT_POLICY_CONTENT.reminders, steps });
    expect(parsed.steps.map((s) => s.offsetDays)).toEqual([-7, -3, -1, 0, 1, 7]);
  });

  it.each([
    ['two steps on one day', { steps: [DEFAULT_REMINDER_POLICY.steps[0], DEFAULT_REMINDER_POLICY.steps[0]] }],
    ['an unknown recipient', { steps: [{ ...DEFAULT_REMINDER_POLICY.steps[0], recipients: ['mayor'] }] }],
    [
      'working hours ending before they start',
      { workingHours: { ...DEFAULT_REMINDER_POLICY.workingHours, end: '08:00' } },
    ],
    [
      'a time that is not HH:MM',
      { workingHours: { ...DEFAULT_REMINDER_POLICY.workingHours, start: '9:00' } },
    ],
  ])('rejects %s', (_what, change) => {
    expect(
      reminderPolicyContentSchema.safeParse({ ...DEFAULT_POLICY_CONTENT.reminders, ...change }).success,
    ).toBe(false);
  });
});

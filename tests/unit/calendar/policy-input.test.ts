import type { CalendarSnapshot } from '../../../calendar/cache';
import { DEFAULT_REMINDER_POLICY } from '../../../calendar/reminder-policy';
import { policyCandidate, policyChangeBody } from '../../../api/admin/policy-input';
import { periodPolicyFrom } from '../../../calendar/policies';
import { Problem } from '../../../api/problem';
import {
  DEFAULT_CLOCK_CATALOGUE,
  DEFAULT_PERIOD_POLICY,
  scheduleFromChineseDays,
  withOverriddenLengths,
} from '../../../domain/period';

const current: CalendarSnapshot = {
  schedule: scheduleFromChineseDays(),
  policy: DEFAULT_PERIOD_POLICY,
  catalogue: withOverriddenLengths(DEFAULT_CLOCK_CATALOGUE, {
    revisit: { defaultLength: { unit: 'months', count: 4 } },
  }),
  reminders: DEFAULT_REMINDER_POLICY,
};

const candidate = (body: unknown) => policyCandidate(current, policyChangeBody.parse(body));

describe('a policy change', () => {
  it('keeps the earlier overrides and names the clocks whose length changes', () => {
    const result = candidate({
      clockLengths: { lead_evaluation: { defaultLength: { unit: 'days', count: 20 } } },
    });
    expect(result.catalogue?.overrides).toEqual({
      lead_evaluation: { defaultLength: { unit: 'days', count: 20 } },
      revisit: { defaultLength: { unit: 'months', count: 4 } },
    });
    expect(result.catalogue?.changedClocks).toEqual(['lead_evaluation']);
    expect(result.policy).toBeUndefined();
  });

  it('drops an override set back to the built-in length', () => {
    const result = candidate({ clockLengths: { revisit: { defaultLength: { unit: 'months', count: 6 } } } });
    expect(result.catalogue?.overrides).toEqual({});
    expect(result.catalogue?.changedClocks).toEqual(['revisit']);
  });

  it('rejects a length a clock cannot have, naming the clock', () => {
    expect(() =>
      candidate({ clockLengths: { rectification: { defaultLength: { unit: 'days', count: 30 } } } }),
    ).toThrow(Problem);
    try {
      candidate({ clockLengths: { filing_service: { urgentLength: { unit: 'days', count: 3 } } } });
    } catch (err) {
      expect((err as Problem).extra).toEqual({
        errors: [{ path: 'clockLengths.filing_service', message: '送达立案决定书没有紧急情形期限' }],
      });
    }
  });

  it('a change of the day counting of stops keeps the make-up rule as it is, and the other way round', () => {
    expect(candidate({ stopDayCounting: 'exclude_both_end_days' }).policy).toEqual({
      version: '（预览）',
      makeupWorkdayCounts: true,
      stopDayCounting: 'exclude_both_end_days',
    });
    expect(candidate({ makeupWorkdayCounts: false }).policy).toMatchObject({
      makeupWorkdayCounts: false,
      stopDayCounting: 'resume_on_end_day',
    });
    expect(policyChangeBody.safeParse({ stopDayCounting: 'both' }).success).toBe(false);
  });

  it('a period policy stored before the setting existed reads with the default convention', () => {
    expect(periodPolicyFrom('period-2', { makeupWorkdayCounts: false })).toEqual({
      version: 'period-2',
      makeupWorkdayCounts: false,
      stopDayCounting: 'resume_on_end_day',
    });
  });

  it('needs at least one change', () => {
    expect(policyChangeBody.safeParse({ reason: '无' }).success).toBe(false);
    expect(policyChangeBody.safeParse({ makeupWorkdayCounts: false }).success).toBe(true);
  });
});

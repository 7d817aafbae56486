// planReminders: the default reminder ladder on working days at 09:00 Asia/Shanghai (DOMAIN.md "Clocks").
import { DEFAULT_PERIOD_POLICY, scheduleFromChineseDays, type DayOffRule } from '../../domain/period';
import {
  DEFAULT_REMINDER_LADDER as ladder,
  nextWorkingMoment,
  planReminders,
  type PlanInput,
} from '../../domain/reminders';
import { linesUnderEachZone } from './helpers/time-zones';

const schedule = scheduleFromChineseDays();
const COUNTS: DayOffRule = DEFAULT_PERIOD_POLICY;
const NOT_COUNTED: DayOffRule = { makeupWorkdayCounts: false };
const LONG_BEFORE = new Date('2024-06-01T00:00:00+08:00');

/** 09:00 China Standard Time on `day`, as the UTC instant it is. */
const nineAm = (day: string) => `${day}T01:00:00.000Z`;
/** A wall-clock time in Shanghai, e.g. cst('2025-06-17 07:00'). */
const cst = (time: string) => new Date(`${time.replace(' ', 'T')}:00+08:00`);

function plan(due: string, now: Date, over: Partial<PlanInput> = {}) {
  return planReminders({ due, ladder, schedule, rule: COUNTS, now, scope: 'full', ...over }).map((r) => ({
    step: r.stepId,
    at: new Date(r.fireAt).toISOString(),
  }));
}

describe('the sending day of each step, computed well ahead', () => {
  // [due, step, sending day, why]
  const DAYS: [string, string, string, string][] = [
    ['2025-06-20', 'd-7', '2025-06-13', 'a working Friday'],
    ['2025-06-20', 'd-3', '2025-06-17', 'a working Tuesday'],
    ['2025-06-20', 'd-1', '2025-06-19', 'a working Thursday'],
    ['2025-06-20', 'd0', '2025-06-20', 'the due day'],
    ['2025-06-20', 'd+1', '2025-06-23', 'Saturday: an after-step moves to Monday'],
    ['2025-06-20', 'd+7', '2025-06-27', 'a working Friday'],
    ['2025-10-09', 'd-7', '2025-09-30', 'National Day (10-02): a before-step moves back before the holiday'],
    ['2025-10-09', 'd-3', '2025-09-30', 'Mid-Autumn inside National Day (10-06)'],
    ['2025-10-09', 'd-1', '2025-09-30', 'the last holiday day (10-08)'],
    ['2025-10-09', 'd+1', '2025-10-10', 'a working Friday'],
    ['2025-09-30', 'd-3', '2025-09-26', 'Saturday 09-27: back to Friday'],
    ['2025-09-30', 'd-1', '2025-09-29', 'a working Monday'],
    ['2025-09-30', 'd+1', '2025-10-09', 'National Day: an after-step waits until the holiday is over'],
    ['2025-09-30', 'd+7', '2025-10-09', 'still National Day (10-07)'],
    ['2025-01-27', 'd-1', '2025-01-26', 'a Sunday made a working day (调休上班) counts'],
    ['2025-01-27', 'd+1', '2025-02-05', 'Spring Festival 2025 (01-28 … 02-04)'],
    ['2025-10-18', 'd-7', '2025-10-11', 'a Saturday made a working day counts'],
    ['2026-02-24', 'd-7', '2026-02-14', 'Spring Festival 2026: back to the make-up Saturday 02-14'],
    ['2026-02-24', 'd-1', '2026-02-14', 'the whole holiday (02-15 … 02-23) is skipped'],
    ['2026-01-05', 'd-3', '2025-12-31', 'New Year 2026 (01-01 … 01-03): back into 2025'],
    ['2026-01-05', 'd-1', '2026-01-04', 'the make-up Sunday after New Year'],
  ];

  it.each(DAYS)('due %s, %s: sent at 09:00 CST on %s (%s)', (due, step, day) => {
    const planned = plan(due, LONG_BEFORE);
    expect(planned.map((r) => r.step)).toEqual(['d-7', 'd-3', 'd-1', 'd0', 'd+1', 'd+7']);
    expect(planned.find((r) => r.step === step)?.at).toBe(nineAm(day));
  });

  // [due, step, sending day] when a make-up working day does not count as a working day
  it.each([
    ['2025-10-18', 'd-7', '2025-10-10'],
    ['2025-01-27', 'd-1', '2025-01-24'],
    ['2026-02-24', 'd-7', '2026-02-13'],
  ])('with make-up days not counted, due %s, %s is sent on %s', (due, step, day) => {
    const planned = plan(due, LONG_BEFORE, { rule: NOT_COUNTED });
    expect(planned.find((r) => r.step === step)?.at).toBe(nineAm(day));
  });

  it('carries each step’s recipients and the escalation offer of the last', () => {
    const planned = planReminders({
      due: '2025-06-20',
      ladder,
      schedule,
      rule: COUNTS,
      now: LONG_BEFORE,
      scope: 'full',
    });
    expect(planned.map((r) => [r.stepId, r.offsetDays, r.recipients, r.suggestEscalation])).toEqual([
      ['d-7', -7, ['handler'], false],
      ['d-3', -3, ['handler'], false],
      ['d-1', -1, ['handler'], false],
      ['d0', 0, ['handler'], false],
      ['d+1', 1, ['handler', 'head'], false],
      ['d+7', 7, ['chief', 'case_office'], true],
    ]);
  });
});

describe('a clock computed late (backfilled or recomputed): due Friday 2025-06-20', () => {
  const DUE = '2025-06-20';
  const ON_TIME = {
    'd-7': nineAm('2025-06-13'),
    'd-3': nineAm('2025-06-17'),
    'd-1': nineAm('2025-06-19'),
    d0: nineAm('2025-06-20'),
    'd+1': nineAm('2025-06-23'),
    'd+7': nineAm('2025-06-27'),
  };
  type Step = keyof typeof ON_TIME;
  const onTime = (...steps: Step[]) => steps.map((step) => ({ step, at: ON_TIME[step] }));

  it('a passed before-step is dropped while a later one is still ahead', () => {
    expect(plan(DUE, cst('2025-06-16 10:00'))).toEqual(onTime('d-3', 'd-1', 'd0', 'd+1', 'd+7'));
    expect(plan(DUE, cst('2025-06-18 10:00'))).toEqual(onTime('d-1', 'd0', 'd+1', 'd+7'));
  });

  it('when every before-step has passed, only the latest is sent, at once in working hours', () => {
    const now = cst('2025-06-19 15:00');
    expect(plan(DUE, now)).toEqual([{ step: 'd-1', at: now.toISOString() }, ...onTime('d0', 'd+1', 'd+7')]);
  });

  it('… or at the next working moment out of hours', () => {
    expect(plan(DUE, cst('2025-06-19 20:00'))).toEqual([
      { step: 'd-1', at: nineAm('2025-06-20') },
      ...onTime('d0', 'd+1', 'd+7'),
    ]);
  });

  it('once the due day’s reminder time has passed, no before-step is sent; the due-day one at once', () => {
    const now = cst('2025-06-20 10:00');
    expect(plan(DUE, now)).toEqual([{ step: 'd0', at: now.toISOString() }, ...onTime('d+1', 'd+7')]);
  });

  it('passed after-steps are all sent at the next working moment, later ones on their day', () => {
    const now = cst('2025-06-24 11:00');
    expect(plan(DUE, now)).toEqual([
      { step: 'd0', at: now.toISOString() },
      { step: 'd+1', at: now.toISOString() },
      ...onTime('d+7'),
    ]);
  });

  it('long overdue, on a Saturday: every after-step on Monday at 09:00, no before-step', () => {
    const monday = nineAm('2025-07-07');
    expect(plan(DUE, cst('2025-07-05 10:00'))).toEqual([
      { step: 'd0', at: monday },
      { step: 'd+1', at: monday },
      { step: 'd+7', at: monday },
    ]);
  });

  it('before a holiday: the latest before-step waits until the holiday is over', () => {
    // due 2025-10-09: d-7, d-3 and d-1 all fall back to 09-30, which has passed at 19:00.
    const planned = plan('2025-10-09', cst('2025-09-30 19:00'));
    expect(planned.slice(0, 2)).toEqual([
      { step: 'd-1', at: nineAm('2025-10-09') },
      { step: 'd0', at: nineAm('2025-10-09') },
    ]);
    expect(planned.map((r) => r.step)).toEqual(['d-1', 'd0', 'd+1', 'd+7']);
  });
});

describe('nextWorkingMoment', () => {
  // [now (CST), expected (UTC), why]
  const MOMENTS: [string, string, string][] = [
    ['2025-06-17 07:00', nineAm('2025-06-17'), 'before hours: 09:00 the same day'],
    ['2025-06-17 08:59', nineAm('2025-06-17'), 'a minute before opening'],
    ['2025-06-17 09:00', nineAm('2025-06-17'), 'at opening: now'],
    ['2025-06-17 17:29', '2025-06-17T09:29:00.000Z', 'in hours: now'],
    ['2025-06-17 17:30', nineAm('2025-06-18'), 'at closing: the next working day'],
    ['2025-06-20 18:00', nineAm('2025-06-23'), 'Friday evening: Monday'],
    ['2025-06-21 10:00', nineAm('2025-06-23'), 'Saturday: Monday'],
    ['2025-09-30 18:00', nineAm('2025-10-09'), 'the eve of National Day: after the holiday'],
    ['2025-10-01 10:00', nineAm('2025-10-09'), 'National Day itself'],
    ['2025-10-11 10:00', '2025-10-11T02:00:00.000Z', 'a make-up Saturday is a working day: now'],
    ['2025-09-28 07:00', nineAm('2025-09-28'), 'a make-up Sunday, before hours'],
    ['2026-02-13 18:00', nineAm('2026-02-14'), 'Friday before Spring Festival 2026: the make-up Saturday'],
    ['2025-12-31 18:00', nineAm('2026-01-04'), 'New Year 2026: the make-up Sunday after it'],
  ];

  it.each(MOMENTS)('%s CST → %s (%s)', (now, expected) => {
    expect(nextWorkingMoment(cst(now), { ladder, schedule, rule: COUNTS }).toISOString()).toBe(expected);
  });

  it('a make-up Saturday that does not count waits for Monday', () => {
    const next = nextWorkingMoment(cst('2025-10-11 10:00'), { ladder, schedule, rule: NOT_COUNTED });
    expect(next.toISOString()).toBe(nineAm('2025-10-13'));
  });
});

describe("scope 'before_only' (clocks whose expiry moves the case on by itself)", () => {
  it('plans only the steps up to the due day', () => {
    expect(plan('2025-06-20', LONG_BEFORE, { scope: 'before_only' }).map((r) => r.step)).toEqual([
      'd-7',
      'd-3',
      'd-1',
      'd0',
    ]);
  });

  it('catches up the latest before-step like the full ladder', () => {
    expect(plan('2025-06-20', cst('2025-06-19 20:00'), { scope: 'before_only' })).toEqual([
      { step: 'd-1', at: nineAm('2025-06-20') },
      { step: 'd0', at: nineAm('2025-06-20') },
    ]);
  });

  // A before-only clock entered after its period ended (an appeal period backfilled) reminds of nothing.
  it('plans nothing once the period itself has ended', () => {
    expect(plan('2025-06-20', cst('2025-07-05 10:00'), { scope: 'before_only' })).toEqual([]);
  });
});

describe('time-zone independence', () => {
  // A grid of plans around every fifth day of 2025–2026, from 200 hours before to 200 hours after the due day.
  const PROBE = `
    const { planReminders, nextWorkingMoment, DEFAULT_REMINDER_LADDER: ladder } = require('./domain/reminders');
    const { scheduleFromChineseDays, addDays, DEFAULT_PERIOD_POLICY: rule } = require('./domain/period');
    const schedule = scheduleFromChineseDays();
    const lines = [];
    for (let due = '2025-01-01'; due < '2027-01-01'; due = addDays(due, 5)) {
      for (const hours of [-200, -31, -7, 0, 9.5, 13, 40, 200]) {
        const now = new Date(Date.parse(due + 'T00:00:00+08:00') + hours * 3600e3);
        for (const scope of ['full', 'before_only'])
          lines.push(JSON.stringify(planReminders({ due, ladder, schedule, rule, now, scope })));
        lines.push(nextWorkingMoment(now, { ladder, schedule, rule }).toISOString());
      }
    }
    process.stdout.write(JSON.stringify({ offset: new Date(2026, 0, 1).getTimezoneOffset(), lines }));
  `;
  it('plans the same instants under TZ=UTC, Asia/Shanghai and America/Los_Angeles', () => {
    const [reference, ...others] = linesUnderEachZone({ code: PROBE });
    expect(reference!.length).toBeGreaterThan(3000);
    for (const other of others) expect(other).toEqual(reference);
  }, 60_000);
});

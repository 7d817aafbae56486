import {
  computeDeadline,
  DEFAULT_PERIOD_POLICY,
  PeriodRequestError,
  withYear,
  type DeadlineRequest,
  type Extension,
} from '../../../domain/period';
import { compute, CHINESE_DAYS, days, months, onlyYears, policy } from './helpers/fixtures';

const GRANT = {
  grantedBy: '检察长李某',
  basis: '《人民检察院公益诉讼办案规则》第四十七条',
  reason: '需补充调查',
};

describe('computeDeadline result', () => {
  it('records the rule, the policy version and the schedule version', () => {
    const result = computeDeadline(days('2026-09-20', 15), onlyYears(2025, 2026));
    expect(result).toMatchObject({
      due: '2026-10-08',
      rawEnd: '2026-10-05',
      endBeforeRollover: '2026-10-05',
      provisional: false,
      suspended: false,
      rule: { makeupWorkdayCounts: true },
      policyVersion: DEFAULT_PERIOD_POLICY.version,
      scheduleVersion: '2025:cd-1.5.7,2026:cd-1.5.7',
    });
    expect(result.steps.map((s) => s.text)).toEqual([
      '期间自 2026-09-21 起算（民事诉讼法第85条：期间开始之日不计算在内）',
      '期间15日，至 2026-10-05（星期一）届满',
      '2026-10-05 国庆节 → 2026-10-08',
      `调休上班日按工作日计算（期间计算政策 ${DEFAULT_PERIOD_POLICY.version}）`,
    ]);
  });

  it('says which make-up rule applied and when the due date is a make-up working day', () => {
    const on = compute(days('2026-09-05', 15), true);
    expect(on.steps.at(-1)).toEqual({
      kind: 'makeup_rule',
      text: '届满日 2026-09-20（星期日）为国庆节调休上班日；调休上班日按工作日计算（期间计算政策 test-policy）',
    });
    const off = compute(days('2026-09-05', 15), false);
    expect(off.rule).toEqual({ makeupWorkdayCounts: false, stopDayCounting: 'resume_on_end_day' });
    expect(off.steps.map((s) => s.text)).toEqual(
      expect.arrayContaining([
        '2026-09-20 星期日（国庆节调休上班日，依本院政策不视为工作日）→ 2026-09-21',
        '调休上班日不视为工作日，按休息日顺延（期间计算政策 test-policy）',
      ]),
    );
  });

  it('orders the steps: start, raw end, excluded, suspended, extension, rollover, makeup rule', () => {
    const request: DeadlineRequest = {
      ...months('2026-03-01', 1),
      excludedDays: 10,
      suspensions: [{ from: '2026-03-10', to: '2026-03-25' }],
      extensions: [{ by: { unit: 'months', count: 1 }, ...GRANT }],
    };
    const result = compute(request);
    expect(result.steps.map((s) => s.kind)).toEqual([
      'start',
      'raw_end',
      'excluded',
      'suspended',
      'extension',
      'rollover',
      'makeup_rule',
    ]);
    expect(result.steps[4]?.text).toBe(
      '延长1个月（批准：检察长李某；依据：《人民检察院公益诉讼办案规则》第四十七条；理由：需补充调查）：届满日 2026-04-26 → 2026-05-26',
    );
  });

  it('has no due date while a suspension is open, and says how it will resume', () => {
    const result = compute({ ...months('2026-03-01', 1), suspensions: [{ from: '2026-03-10' }] });
    expect(result).toMatchObject({ due: null, suspended: true, provisional: false, missingYears: [] });
    expect(result.steps.find((s) => s.kind === 'suspended')?.text).toContain('尚未恢复');
    expect(result.steps.find((s) => s.kind === 'suspended')?.text).toContain('恢复审查之日后第 22 日届满');
  });

  it('marks an extension until a date earlier than the running end', () => {
    const extensions: Extension[] = [{ until: '2026-03-20', ...GRANT }];
    const result = compute({ ...months('2026-03-01', 1), extensions });
    expect(result.due).toBe('2026-03-20');
    expect(result.steps.find((s) => s.kind === 'extension')?.text).toContain('早于此前计算的届满日');
  });

  it('is provisional when the rollover runs into a missing year', () => {
    const schedule = withYear(onlyYears(2026), {
      ...(CHINESE_DAYS.years[2026] ?? { year: 2026, source: 'import', makeupWorkdays: {}, holidays: {} }),
      version: 'test',
      holidays: { ...CHINESE_DAYS.years[2026]?.holidays, '2026-12-31': '测试假日' },
    });
    const result = computeDeadline(days('2026-12-16', 15), schedule, policy());
    expect(result).toMatchObject({ due: '2027-01-01', provisional: true, missingYears: [2027] });
    expect(result.steps.map((s) => s.kind)).toContain('provisional');
  });
});

describe('computeDeadline rejects requests it cannot count', () => {
  const cases: [string, DeadlineRequest, string][] = [
    ['a date that does not exist', days('2026-02-30', 15), 'start'],
    ['a zero count', days('2026-03-01', 0), 'period.count'],
    ['a negative count', days('2026-03-01', -5), 'period.count'],
    ['a fractional count', months('2026-03-01', 1.5), 'period.count'],
    [
      'an unknown unit',
      { start: '2026-03-01', period: { unit: 'weeks' as 'days', count: 1 } },
      'period.unit',
    ],
    ['negative excluded days', { ...days('2026-03-01', 5), excludedDays: -1 }, 'excludedDays'],
    [
      'resumption before suspension',
      { ...days('2026-03-01', 5), suspensions: [{ from: '2026-03-05', to: '2026-03-04' }] },
      'suspensions[0].to',
    ],
    [
      'an extension with both by and until',
      {
        ...days('2026-03-01', 5),
        extensions: [{ by: { unit: 'days', count: 1 }, until: '2026-04-01', ...GRANT }],
      },
      'extensions[0]',
    ],
    [
      'an extension without a reason',
      { ...days('2026-03-01', 5), extensions: [{ until: '2026-04-01', ...GRANT, reason: ' ' }] },
      'extensions[0].reason',
    ],
  ];

  it.each(cases)('%s', (_name, request, field) => {
    expect(() => compute(request)).toThrow(PeriodRequestError);
    try {
      compute(request);
    } catch (error) {
      expect((error as PeriodRequestError).field).toBe(field);
    }
  });
});

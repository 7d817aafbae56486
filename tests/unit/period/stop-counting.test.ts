// How a stop's end days are kept out of a period (excluded spans, Rules art. 48; suspensions, art.
// 78): a setting of the period policy, named in the explanation wherever a stop moved a clock.
import {
  computeDeadline,
  DEFAULT_PERIOD_POLICY,
  DEFAULT_STOP_DAY_COUNTING,
  STOP_DAY_COUNTING,
  type DeadlineRequest,
  type PeriodPolicy,
  type StopDayCounting,
} from '../../../domain/period';
import { CHINESE_DAYS, months } from './helpers/fixtures';

/** Rectification period ended 2025-04-30: the review runs out on Fri 2025-05-30. */
const review = months('2025-04-30', 1);
const appraisal: DeadlineRequest = {
  ...review,
  exclusions: [{ from: '2025-05-10', to: '2025-05-20', label: '鉴定' }],
};
const suspension: DeadlineRequest = { ...review, suspensions: [{ from: '2025-05-10', to: '2025-05-20' }] };

const policy = (stopDayCounting: StopDayCounting): PeriodPolicy => ({
  version: 'period-7',
  makeupWorkdayCounts: true,
  stopDayCounting,
});
const under = (request: DeadlineRequest, counting: StopDayCounting) =>
  computeDeadline(request, CHINESE_DAYS, policy(counting));
const stopText = (request: DeadlineRequest, counting: StopDayCounting) =>
  under(request, counting).steps.find((s) => s.kind === 'excluded' || s.kind === 'suspended')!.text;

it('the default is the convention the engine already used: counting stops on the first day and resumes on the last', () => {
  expect(DEFAULT_STOP_DAY_COUNTING).toBe('resume_on_end_day');
  expect(DEFAULT_PERIOD_POLICY.stopDayCounting).toBe('resume_on_end_day');
  // 05-30 + (05-20 − 05-10 = 10 days) = 06-09, as with no policy given.
  expect(computeDeadline(appraisal, CHINESE_DAYS).endBeforeRollover).toBe('2025-06-09');
  expect(under(appraisal, 'resume_on_end_day').endBeforeRollover).toBe('2025-06-09');
});

it('a procuratorate that excludes both end days of an appraisal 05-10 to 05-20 keeps eleven days out: the review ends 06-10', () => {
  const result = under(appraisal, 'exclude_both_end_days');
  expect(result.endBeforeRollover).toBe('2025-06-10');
  expect(result.rule.stopDayCounting).toBe('exclude_both_end_days');
  expect(stopText(appraisal, 'exclude_both_end_days')).toContain('11 日不计入期限');
});

it.each(Object.keys(STOP_DAY_COUNTING) as StopDayCounting[])(
  'under %s an appraisal and a suspension of the same days move the review alike',
  (counting) => {
    expect(under(suspension, counting).endBeforeRollover).toBe(under(appraisal, counting).endBeforeRollover);
  },
);

it.each(Object.keys(STOP_DAY_COUNTING) as StopDayCounting[])(
  'the explanation of a clock a stop moved names the convention (%s) and the period policy that set it',
  (counting) => {
    expect(stopText(appraisal, counting)).toContain(`${STOP_DAY_COUNTING[counting]}，期间计算政策 period-7`);
    expect(stopText(suspension, counting)).toContain(STOP_DAY_COUNTING[counting]);
  },
);

it('a clock no stop touched does not mention the convention', () => {
  const texts = under(review, 'exclude_both_end_days').steps.map((s) => s.text);
  expect(texts.some((t) => t.includes(STOP_DAY_COUNTING.exclude_both_end_days))).toBe(false);
});

it('overlapping stops are counted once under either convention: 06-01–06-11 and 06-05–06-15 keep 06-01…06-15 out when both ends are excluded', () => {
  const request: DeadlineRequest = {
    ...months('2025-05-31', 1),
    exclusions: [{ from: '2025-06-01', to: '2025-06-11', label: '鉴定' }],
    suspensions: [{ from: '2025-06-05', to: '2025-06-15' }],
  };
  // Review 06-01 … 06-30; fifteen days stopped (06-01 to 06-15 inclusive) → 07-15.
  expect(under(request, 'exclude_both_end_days').endBeforeRollover).toBe('2025-07-15');
  // Resuming on the last day: 06-01 … 06-14, fourteen days → 07-14.
  expect(under(request, 'resume_on_end_day').endBeforeRollover).toBe('2025-07-14');
});

it('an appraisal under way: with both end days excluded, counting resumes the day after it ends', () => {
  const open: DeadlineRequest = { ...review, exclusions: [{ from: '2025-05-20', label: '鉴定' }] };
  const result = under(open, 'exclude_both_end_days');
  expect(result).toMatchObject({ due: null, suspended: true });
  expect(result.steps.find((s) => s.kind === 'excluded')!.text).toContain('鉴定结束之日的次日后第 10 日届满');
  expect(under(open, 'resume_on_end_day').steps.find((s) => s.kind === 'excluded')!.text).toContain(
    '鉴定结束之日后第 10 日届满',
  );
});

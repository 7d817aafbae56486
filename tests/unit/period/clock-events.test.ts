import type { DeadlineRequest, Extension } from '../../../domain/period';
import { compute, months } from './helpers/fixtures';

const GRANT = {
  grantedBy: '检察长李某',
  basis: '《人民检察院公益诉讼办案规则》第四十七条',
  reason: '需补充调查',
};
/** Rectification period ended 2025-04-30: the review runs out on Fri 2025-05-30. */
const review = months('2025-04-30', 1);
const extendedOn = (decidedOn: string): Extension => ({
  by: { unit: 'months', count: 1 },
  decidedOn,
  ...GRANT,
});

describe('a review clock that is extended, then suspended', () => {
  it('review ends 05-30, the chief extends it to 06-30, then suspends on 06-10: the clock stands still', () => {
    const result = compute({
      ...review,
      extensions: [extendedOn('2025-05-20')],
      suspensions: [{ from: '2025-06-10' }],
    });
    expect(result).toMatchObject({ due: null, suspended: true, endBeforeRollover: '2025-06-30' });
    expect(result.pause).toEqual({ kind: 'suspension', since: '2025-06-10', daysLeftAfterResumption: 20 });
  });

  it('resumed on 06-20, the same review runs ten days longer: 07-10', () => {
    const request: DeadlineRequest = {
      ...review,
      suspensions: [{ from: '2025-06-10', to: '2025-06-20' }],
      extensions: [extendedOn('2025-05-20')],
    };
    const result = compute(request);
    expect(result.due).toBe('2025-07-10');
    expect(result.steps.map((s) => s.kind)).toEqual([
      'start',
      'raw_end',
      'extension',
      'suspended',
      'rollover',
      'makeup_rule',
    ]);
  });

  it('a suspension decided after the review had run out (and was never extended) does not revive it', () => {
    const result = compute({ ...review, suspensions: [{ from: '2025-06-10', to: '2025-06-20' }] });
    expect(result.endBeforeRollover).toBe('2025-05-30');
    expect(result.steps.find((s) => s.kind === 'suspended')?.text).toBe(
      '2025-06-10 开始中止审查时期限已于 2025-05-30 届满，不影响期限',
    );
  });

  it('an extension granted after a resumption counts from the end the resumption gave', () => {
    const request: DeadlineRequest = {
      ...review,
      extensions: [extendedOn('2025-05-29')],
      suspensions: [{ from: '2025-05-10', to: '2025-05-20' }],
    };
    // 05-30 + 10 days suspended = 06-09; one month more = 07-09.
    expect(compute(request).endBeforeRollover).toBe('2025-07-09');
  });

  it('extensions recorded without their date still apply after the suspensions, as they were counted then', () => {
    const undated: Extension = { by: { unit: 'months', count: 1 }, ...GRANT };
    const result = compute({
      ...review,
      extensions: [undated],
      suspensions: [{ from: '2025-06-10', to: '2025-06-20' }],
    });
    expect(result.endBeforeRollover).toBe('2025-06-30');
  });
});

describe('an extension from a month end shortened by 民法典第202条', () => {
  const GRANTED = { by: { unit: 'months' as const, count: 1 }, decidedOn: '2025-02-20', ...GRANT };

  it('a month from 01-31 ends 02-28; a month more ends 03-28, and the explanation says why', () => {
    const result = compute({ ...months('2025-01-31', 1), extensions: [GRANTED] });
    expect(result.rawEnd).toBe('2025-02-28');
    expect(result.endBeforeRollover).toBe('2025-03-28');
    const step = result.steps.find((s) => s.kind === 'extension')!;
    expect(step.text).toContain('届满日 2025-02-28 → 2025-03-28');
    expect(step.text).toContain('延长按 28 日计算，不恢复原起算日的日数');
  });

  it('a month from 01-15 is extended by the same day-number, with no such note', () => {
    const result = compute({ ...months('2025-01-15', 1), extensions: [GRANTED] });
    expect(result.endBeforeRollover).toBe('2025-03-15');
    expect(result.steps.find((s) => s.kind === 'extension')!.text).not.toContain('不恢复原起算日的日数');
  });
});

describe('appraisal and suspension over the same days', () => {
  it('an appraisal 06-01 to 06-11 and a suspension 06-05 to 06-15: fourteen days, each counted once', () => {
    const result = compute({
      ...review,
      extensions: [extendedOn('2025-05-20')],
      exclusions: [{ from: '2025-06-01', to: '2025-06-11', label: '鉴定' }],
      suspensions: [{ from: '2025-06-05', to: '2025-06-15' }],
    });
    // 06-30 + 14 days (06-01 … 06-14) = 07-14.
    expect(result.endBeforeRollover).toBe('2025-07-14');
    const suspended = result.steps.find((s) => s.kind === 'suspended')!.text;
    expect(suspended).toContain('4 日不计入期限');
    expect(suspended).toContain('其中 6 日已在此前中止或扣除的期间内，不重复计算');
  });

  it('excluded spans and suspensions follow one convention: stop on the first day, resume on the last', () => {
    const excluded = compute({
      ...review,
      exclusions: [{ from: '2025-05-10', to: '2025-05-20', label: '鉴定' }],
    });
    const suspended = compute({ ...review, suspensions: [{ from: '2025-05-10', to: '2025-05-20' }] });
    expect(excluded.endBeforeRollover).toBe('2025-06-09');
    expect(suspended.endBeforeRollover).toBe(excluded.endBeforeRollover);
    expect(excluded.steps.find((s) => s.kind === 'excluded')!.text).toContain(
      '自开始之日起停止计算，至结束之日起恢复计算',
    );
  });

  it('an appraisal under way stands the review clock still and says 鉴定中', () => {
    const result = compute({ ...review, exclusions: [{ from: '2025-05-20', label: '鉴定' }] });
    expect(result).toMatchObject({ due: null, suspended: true });
    expect(result.pause).toEqual({
      kind: 'exclusion',
      label: '鉴定',
      since: '2025-05-20',
      daysLeftAfterResumption: 10,
    });
    expect(result.steps.find((s) => s.kind === 'excluded')!.text).toContain('鉴定中，尚未结束');
  });
});

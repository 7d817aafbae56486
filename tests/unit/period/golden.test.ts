import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { computeDeadline } from '../../../domain/period';
import { GOLDEN_CASES, WORKED_EXAMPLES, type GoldenCase } from './golden-cases';
import { CHINESE_DAYS, policy } from './helpers/fixtures';

const raw: { holidays: Record<string, string>; workdays: Record<string, string> } = chineseDaysData;

function run(golden: GoldenCase) {
  return computeDeadline(golden.request, CHINESE_DAYS, policy(golden.makeupWorkdayCounts));
}

describe('golden deadlines (DOMAIN.md worked examples and hand-derived 2025/2026 cases)', () => {
  it('has every worked example and at least 40 more cases', () => {
    expect(WORKED_EXAMPLES).toHaveLength(6);
    expect(GOLDEN_CASES.length - WORKED_EXAMPLES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(GOLDEN_CASES.map((c) => c.name)).size).toBe(GOLDEN_CASES.length);
  });

  it.each(GOLDEN_CASES.map((c) => [c.name, c] as const))('%s', (_name, golden) => {
    const result = run(golden);
    expect({
      due: result.due,
      provisional: result.provisional,
      missingYears: result.missingYears,
      suspended: result.suspended,
    }).toEqual({
      due: golden.due,
      provisional: golden.provisional,
      missingYears: golden.missingYears,
      suspended: golden.due === null,
    });
    expect(result.rule.makeupWorkdayCounts).toBe(golden.makeupWorkdayCounts);
  });

  // Guards the table itself against typos: every expected date in a loaded year is a working day.
  it.each(GOLDEN_CASES.filter((c) => c.due !== null && !c.provisional).map((c) => [c.name, c] as const))(
    'the table says a working day for: %s',
    (_name, golden) => {
      const due = golden.due ?? '';
      const weekday = new Date(`${due}T00:00:00Z`).getUTCDay();
      expect(raw.holidays[due]).toBeUndefined();
      const makeup = raw.workdays[due] !== undefined && golden.makeupWorkdayCounts;
      expect(weekday === 0 || weekday === 6 ? makeup : true).toBe(true);
    },
  );
});

describe('explanations of the worked examples', () => {
  const texts = (golden: GoldenCase | undefined) => (golden ? run(golden).steps.map((s) => s.text) : []);

  it('explains the start, the month-end rule and the rollover', () => {
    expect(texts(WORKED_EXAMPLES[1])).toEqual(
      expect.arrayContaining([
        '期间自 2025-01-01 起算（民事诉讼法第85条：期间开始之日不计算在内）',
        expect.stringContaining('民法典第202条：到期月没有对应日的，以该月最后一日为期间最后一日'),
      ]),
    );
    expect(texts(WORKED_EXAMPLES[0])).toContain('2025-05-31 端午 → 2025-06-03');
    expect(texts(WORKED_EXAMPLES[3])).toContain('2025-10-05 国庆节 → 2025-10-09');
  });

  it('marks the 2027 example provisional in its rollover step', () => {
    const result = run(WORKED_EXAMPLES[5] as GoldenCase);
    expect(result.steps.map((s) => s.kind)).toEqual([
      'start',
      'raw_end',
      'rollover',
      'provisional',
      'makeup_rule',
    ]);
    expect(result.steps[2]?.text).toBe(
      '2027-02-28 星期日（2027年节假日安排尚未载入，仅按周末计算）→ 2027-03-01',
    );
    expect(result.steps[3]?.text).toContain('2027年节假日安排尚未载入');
  });
});

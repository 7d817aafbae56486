/** The 情况汇报 compares a period with the one just before it, as many days long. */
import { change, previousPeriod, situationReport } from '../../api/statistics/situation-report';

it.each([
  ['a quarter', { from: '2025-07-01', to: '2025-09-30' }, { from: '2025-03-31', to: '2025-06-30' }],
  ['a year', { from: '2026-01-01', to: '2026-12-31' }, { from: '2025-01-01', to: '2025-12-31' }],
  ['a leap February', { from: '2024-02-01', to: '2024-02-29' }, { from: '2024-01-03', to: '2024-01-31' }],
  ['one day', { from: '2026-03-01', to: '2026-03-01' }, { from: '2026-02-28', to: '2026-02-28' }],
])(
  'when the report covers %s, then the previous period ends the day before and is as long',
  (_, period, before) => {
    expect(previousPeriod(period)).toEqual(before);
  },
);

it('when a figure rose, fell or stayed, then the change says so in words', () => {
  expect(change(4, 1)).toBe('增加3件');
  expect(change(1, 4)).toBe('减少3件');
  expect(change(2, 2)).toBe('持平');
});

it('when the period reaches back so far that the one before it would start before year 1, then the report is refused', async () => {
  const deps = { db: undefined as never, now: () => new Date('2026-12-02T04:00:00Z') };
  await expect(situationReport(deps, 'p', { from: '0001-01-01', to: '2026-12-01' })).rejects.toMatchObject({
    status: 422,
  });
});

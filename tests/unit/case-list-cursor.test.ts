/** A cursor's position is checked against its order before it reaches a query (store/case-list.ts). */
import { isSortValue } from '../../store/case-list';

describe('a case list cursor position', () => {
  it.each([
    ['next_due', '2026-03-01'],
    ['next_due', '9999-12-31'],
    ['created', '2026-03-01T08:15:30.123456'],
    ['updated', '2024-02-29T23:59:59.000000'],
  ] as const)('when %s is at %s, then it is accepted', (sort, value) => {
    expect(isSortValue(sort, value)).toBe(true);
  });

  it.each([
    ['next_due', '2026-02-30', 'a day February does not have'],
    ['next_due', '0000-01-01', 'year 0, no date to PostgreSQL'],
    ['next_due', '2026-03-01T08:15:30.123456', 'a timestamp in the deadline order'],
    ['created', '2026-03-01', 'a date in the time order'],
    ['created', '2026-03-01T24:00:00.000000', 'hour 24'],
    ['updated', '2026-03-01T08:15:30.123', 'milliseconds only'],
    ['updated', "2026-03-01' OR 1=1 --", 'anything else'],
  ] as const)('when %s is at %s (%s), then it is refused', (sort, value, _why) => {
    expect(isSortValue(sort, value)).toBe(false);
  });
});

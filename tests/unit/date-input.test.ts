// Dates typed in the web app's date fields: the ways people in China write a date, and no other.
import { parseDateInput } from '../../web/src/lib/format';

describe('a typed date', () => {
  it.each([
    ['2026-01-01', '2026-01-01'],
    ['2026/1/1', '2026-01-01'],
    ['2026.12.31', '2026-12-31'],
    ['2026年3月5日', '2026-03-05'],
    [' 2026 年 3 月 5 ', '2026-03-05'],
    ['2028-02-29', '2028-02-29'],
  ])('when it is %s, then it is the civil date %s', (typed, iso) => {
    expect(parseDateInput(typed)).toBe(iso);
  });

  it.each(['01/01/2026', '2026-02-30', '2026-13-01', '2026-1', '', '明天'])(
    'when it is %s, then it is no date',
    (typed) => {
      expect(parseDateInput(typed)).toBeNull();
    },
  );
});

/** The benchmark's arithmetic: rates, percentiles and figures of one benchmark shown under another. */
import { figure, percentile, perSecond, relabel } from '../../bench/stats';

describe('bench stats', () => {
  it('when 48 cases take 6 seconds, then the rate is 8 a second, and two arms divide to their ratio', () => {
    expect(perSecond(48, 6000)).toBe(8);
    expect(perSecond(48, 4000) / perSecond(48, 6000)).toBeCloseTo(1.5);
  });

  it('when no time has passed, then there is no rate rather than an infinite one', () => {
    expect(() => perSecond(10, 0)).toThrow(/no rate/);
    expect(() => perSecond(10, Number.NaN)).toThrow(/no rate/);
  });

  it('when rounds are given, then the figure is their median with min and max', () => {
    const f = figure({ id: 'B1', title: 't', ratio: 'r', better: 'higher', rounds: [3, 1, 2], detail: [] });
    expect([f.median, f.min, f.max]).toEqual([2, 1, 3]);
    expect(percentile([5, 1, 4, 2, 3], 99)).toBe(5);
  });

  it('when B1 figures are shown under B8, then the title names B1 and the note says where they ran', () => {
    const b1 = figure({
      id: 'B1',
      title: 'case creation',
      ratio: 'r',
      better: 'higher',
      rounds: [0.5],
      detail: [],
    });
    const b3 = { ...b1, id: 'B3', title: 'reminder herd p50', note: '40 cases × 5 messages' };
    const [one, three] = relabel([b1, b3], 'B8', 'Temporal server on PostgreSQL');
    expect(one).toMatchObject({
      id: 'B8',
      title: 'B1 case creation',
      note: 'Temporal server on PostgreSQL',
      median: 0.5,
    });
    expect(three!.note).toBe('Temporal server on PostgreSQL; 40 cases × 5 messages');
    expect(b1.id).toBe('B1');
  });
});

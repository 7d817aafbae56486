import { daysBetween } from '../../../domain/period';
import { at } from './points';

const appraisal = (from: string, to: string) => ({
  clockKey: 'litigation_review_admin',
  kind: 'appraisal' as const,
  from,
  to,
  note: '司法鉴定',
});

describe('appraisal time taken off the litigation review (Rules art. 48)', () => {
  it('an appraisal from 06-11 to 06-20 takes nine days off: counting stops on the first day, resumes on the last', () => {
    const s = at('LITIGATION_REVIEW');
    const before = s.clock('litigation_review_admin').due!;
    const fx = s.run('addExcludedDays', 'prosecutor', appraisal('2025-06-11', '2025-06-20'));
    expect(fx.data).toMatchObject({ days: 9 });
    expect(s.clock('litigation_review_admin').request.exclusions).toEqual([
      { from: '2025-06-11', to: '2025-06-20', label: '鉴定' },
    ]);
    expect(daysBetween(before, s.clock('litigation_review_admin').due!)).toBeGreaterThanOrEqual(9);
  });

  it('an appraisal that began and ended on the same day is refused: it takes no day off', () => {
    const refusal = at('LITIGATION_REVIEW').refusal(
      'addExcludedDays',
      'prosecutor',
      appraisal('2025-06-11', '2025-06-11'),
    );
    expect(refusal.message).toMatch(/不扣除任何一日/);
  });

  it('a case that recorded appraisal days before the dated rule keeps counting both end days', () => {
    const s = at('LITIGATION_REVIEW');
    s.follows = () => false;
    const fx = s.run('addExcludedDays', 'prosecutor', appraisal('2025-06-11', '2025-06-20'));
    expect(fx.data).toMatchObject({ days: 10 });
    expect(s.clock('litigation_review_admin').request).toMatchObject({ excludedDays: 10 });
    expect(s.clock('litigation_review_admin').request.exclusions).toBeUndefined();
  });
});

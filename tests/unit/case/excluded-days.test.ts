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

  it('an appraisal that began and ended on the same day takes no day off', () => {
    const s = at('LITIGATION_REVIEW');
    const before = s.clock('litigation_review_admin').due;
    expect(s.run('addExcludedDays', 'prosecutor', appraisal('2025-06-11', '2025-06-11')).data).toMatchObject({
      days: 0,
    });
    expect(s.clock('litigation_review_admin').due).toBe(before);
  });

  it('a case that recorded appraisal days before the dated rule keeps counting both end days', () => {
    const s = at('LITIGATION_REVIEW');
    s.inForce = () => false;
    const fx = s.run('addExcludedDays', 'prosecutor', appraisal('2025-06-11', '2025-06-20'));
    expect(fx.data).toMatchObject({ days: 10 });
    expect(s.clock('litigation_review_admin').request).toMatchObject({ excludedDays: 10 });
    expect(s.clock('litigation_review_admin').request.exclusions).toBeUndefined();
  });
});

describe('an appraisal still under way (鉴定中)', () => {
  const started = {
    clockKey: 'litigation_review_admin',
    kind: 'appraisal' as const,
    startedOn: '2025-06-11',
    note: '',
  };

  it('stands the review clock still from the day it starts: no due date, so never overdue', () => {
    const s = at('LITIGATION_REVIEW').does('startAppraisal', 'prosecutor', started);
    expect(s.clock('litigation_review_admin')).toMatchObject({ due: null, suspended: true });
    expect(s.clock('litigation_review_admin').request.exclusions).toEqual([
      { from: '2025-06-11', label: '鉴定' },
    ]);
  });

  it('when it ends, counting resumes that day and the review runs out as many days later', () => {
    const plain = at('LITIGATION_REVIEW');
    plain.run('addExcludedDays', 'prosecutor', appraisal('2025-06-11', '2025-06-20'));
    const s = at('LITIGATION_REVIEW').does('startAppraisal', 'prosecutor', started);
    const fx = s.run('endAppraisal', 'prosecutor', {
      clockKey: 'litigation_review_admin',
      endedOn: '2025-06-20',
    });
    expect(fx.data).toMatchObject({ from: '2025-06-11', to: '2025-06-20', kindLabel: '鉴定' });
    expect(s.clock('litigation_review_admin').due).toBe(plain.clock('litigation_review_admin').due);
  });

  it('a second appraisal cannot start while one is under way, and none can end when none runs', () => {
    const s = at('LITIGATION_REVIEW').does('startAppraisal', 'prosecutor', started);
    expect(s.refusal('startAppraisal', 'prosecutor', started).message).toMatch(/尚未结束/);
    expect(
      at('LITIGATION_REVIEW').refusal('endAppraisal', 'prosecutor', {
        clockKey: 'litigation_review_admin',
        endedOn: '2025-06-20',
      }).kind,
    ).toBe('WrongStage');
  });
});

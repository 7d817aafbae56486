// Behaviour of the rules that was once wrong: each test states what must happen.
import { Rejection } from '../../../domain/case/rules/common';
import { ACCEPTED } from './accepted-table';
import { at } from './points';

it('a civil case starts no clock to serve the filing decision on an organ (Rules art. 70 is administrative)', () => {
  expect(at('CIVIL_INVESTIGATION').running()).not.toContain('filing_service');
});

it('a malformed item inside a payload is refused as InvalidPayload, not a TypeError', () => {
  const s = at('INVESTIGATION');
  const payload = { reason: '未履职', recommendations: [null as never] };
  expect(() => s.run('proposeRecommendation', 'prosecutor', payload)).toThrow(Rejection);
});

it('an extension given as null (not a period) is refused as InvalidPayload, not a TypeError', () => {
  const s = at('INVESTIGATION');
  const payload = { clockKey: 'investigation', by: null as never, basis: '依据', reason: '理由' };
  expect(() => s.run('extendDeadline', 'head', payload)).toThrow(Rejection);
});

it('the same excluded period entered twice is not counted twice', () => {
  const s = at('LITIGATION_REVIEW');
  const payload = ACCEPTED.addExcludedDays.payload;
  s.run('addExcludedDays', 'prosecutor', payload);
  const once = structuredClone(s.clock('litigation_review_admin').request);
  expect(once.exclusions).toHaveLength(1);
  try {
    s.run('addExcludedDays', 'prosecutor', payload);
  } catch {
    // refusing the overlap is as good as ignoring it
  }
  expect(s.clock('litigation_review_admin').request).toEqual(once);
});

it('after an appeal no second court filing is recorded: the appeal itself brings the second instance', () => {
  const s = at('JUDGMENT').does('recordAppeal', 'prosecutor', ACCEPTED.recordAppeal.payload);
  const again = s.refusal('recordCourtFiling', 'prosecutor', {
    court: '另一法院',
    filedOn: '2025-08-13',
    servedOn: '2025-08-13',
  });
  expect(again.kind).toBe('WrongStage');
});

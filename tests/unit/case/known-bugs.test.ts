// Behaviour of the rules that is wrong but not fixed here (reported instead): each test states what
// should happen and fails today; `it.failing` turns red as soon as the behaviour is fixed.
import { Rejection } from '../../../domain/case/rules/common';
import { ACCEPTED } from './accepted-table';
import { at } from './points';

it.failing(
  'a civil case starts no clock to serve the filing decision on an organ (Rules art. 70 is administrative)',
  () => {
    expect(at('CIVIL_INVESTIGATION').running()).not.toContain('filing_service');
  },
);

it.failing('a malformed item inside a payload is refused as InvalidPayload, not a TypeError', () => {
  const s = at('INVESTIGATION');
  const payload = { reason: '未履职', recommendations: [null as never] };
  expect(() => s.run('proposeRecommendation', 'prosecutor', payload)).toThrow(Rejection);
});

it.failing('an extension given as null (not a period) is refused as InvalidPayload, not a TypeError', () => {
  const s = at('INVESTIGATION');
  const payload = { clockKey: 'investigation', by: null as never, basis: '依据', reason: '理由' };
  expect(() => s.run('extendDeadline', 'head', payload)).toThrow(Rejection);
});

it.failing('the same excluded period entered twice is not counted twice', () => {
  const s = at('LITIGATION_REVIEW');
  const payload = ACCEPTED.addExcludedDays.payload;
  s.run('addExcludedDays', 'prosecutor', payload);
  const once = s.clock('litigation_review_admin').request.excludedDays;
  try {
    s.run('addExcludedDays', 'prosecutor', payload);
  } catch {
    // refusing the overlap is as good as ignoring it
  }
  expect(s.clock('litigation_review_admin').request.excludedDays).toBe(once);
});

it.failing('after an appeal the court filing is recorded once, not again and again', () => {
  const s = at('JUDGMENT').does('recordAppeal', 'prosecutor', ACCEPTED.recordAppeal.payload);
  s.run('recordCourtFiling', 'prosecutor', {
    court: '某市中级人民法院',
    filedOn: '2025-08-12',
    servedOn: '2025-08-12',
  });
  const again = s.refusal('recordCourtFiling', 'prosecutor', {
    court: '另一法院',
    filedOn: '2025-08-13',
    servedOn: '2025-08-13',
  });
  expect(again.kind).toBe('WrongStage');
});

// An extension recorded before extensions carried their date is applied after every dated event;
// the chief records its date, and the clock is counted again in the order things happened.
import { addDays } from '../../../domain/period/dates';
import { at } from './points';

const REVIEW = 'litigation_review_admin';
const dating = (decidedOn: string, extension = 1) => ({
  clockKey: REVIEW,
  extension,
  decidedOn,
  reason: '据延长审查期限决定书补记',
});

it('an undated extension reads a suspension after the old end as too late; dated, the suspension stops the extended review', () => {
  const s = at('UNDATED_EXTENSION');
  const extendedDue = s.clock(REVIEW).due!;
  const firstEnd = at('LITIGATION_REVIEW').clock(REVIEW).due!;
  // Suspended two days after the review's first end, before the extended one.
  const suspendedOn = addDays(firstEnd, 2);
  expect(suspendedOn < extendedDue).toBe(true);
  s.run('suspend', 'chief', { decidedOn: suspendedOn, reason: '行政机关因客观原因无法整改' });
  expect(s.clock(REVIEW).due).toBe(extendedDue);
  const fx = s.run('dateExtension', 'chief', dating(firstEnd));
  expect(fx.data).toMatchObject({
    clockKey: REVIEW,
    extension: 1,
    decidedOn: firstEnd,
    dueBefore: extendedDue,
  });
  expect(fx.reason).toBe('据延长审查期限决定书补记');
  expect(s.clock(REVIEW).request.extensions?.[0]?.decidedOn).toBe(firstEnd);
  // Now applied before the suspension: the review stands still while suspended.
  expect(s.clock(REVIEW).due).toBeNull();
});

it('only the chief records the date', () => {
  expect(at('UNDATED_EXTENSION').refusal('dateExtension', 'head', dating('2025-06-20')).kind).toBe(
    'Forbidden',
  );
});

it('an extension that has its date, or one that does not exist, is not dated again', () => {
  const s = at('UNDATED_EXTENSION');
  expect(s.refusal('dateExtension', 'chief', dating('2025-06-20', 2)).message).toMatch(/只有 1 次延长/);
  s.run('dateExtension', 'chief', dating('2025-06-20'));
  expect(s.refusal('dateExtension', 'chief', dating('2025-06-21')).kind).toBe('WrongStage');
  const dated = at('LITIGATION_REVIEW');
  expect(dated.refusal('dateExtension', 'chief', dating('2025-06-20')).message).toMatch(
    /没有未注明决定日期的延长/,
  );
});

it('a date before the clock started or after today is refused', () => {
  const s = at('UNDATED_EXTENSION');
  expect(s.refusal('dateExtension', 'chief', dating('2025-01-01')).message).toMatch(/期限起算日/);
  expect(s.refusal('dateExtension', 'chief', dating('2099-01-01')).kind).toBe('InvalidPayload');
});

it('a case replaying from before the correction existed has no such action', () => {
  const s = at('UNDATED_EXTENSION');
  s.inForce = (c) => c !== 'undatedExtensionCorrection';
  expect(s.refusal('dateExtension', 'chief', dating('2025-06-20')).message).toMatch(/本案办理时尚无/);
});

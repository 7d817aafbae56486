// Rules art. 47: the litigation review starts when the rectification period ends, so the organ is
// found not to have performed only after it — unless it refused outright or never replied.
import { parsePayload, runAction } from '../../../domain/case/actions';
import type { PayloadInputs, Payloads } from '../../../domain/case/payloads';
import type { RuleChange } from '../../../domain/case/rules/common';
import { at, D } from './points';
import { ACTORS, copy, ORGANS, type Story } from './story';

/** A 2-month rectification period received 2025-03-25: its last day is Mon 2025-05-26 (05-25 is a Sunday). */
const END_2_MONTHS = '2025-05-26';
/** A 6-month period received the same day ends Thu 2025-09-25; the reply is still due 2025-05-26. */
const END_6_MONTHS = '2025-09-25';

const finding = (over: Partial<PayloadInputs['recordFinding']>): PayloadInputs['recordFinding'] => ({
  recommendationId: 'rec-1',
  checkedOn: '2025-05-20',
  result: 'not_rectified',
  reasons: ['replied_without_action'],
  summary: '跟进调查',
  ...over,
});

/** Served with a six-month rectification period, received on D.received2. */
function servedForSixMonths(): Story {
  return at('INVESTIGATION')
    .does('proposeRecommendation', 'prosecutor', {
      reason: '行政机关未依法履职',
      recommendations: [
        { organId: ORGANS.eco, rectificationPeriod: { unit: 'months', count: 6 }, summary: '分期整改' },
      ],
    })
    .does('decideRecommendation', 'chief', { approve: true, decidedOn: D.recommended, reason: '同意' })
    .does('recordRecommendationService', 'prosecutor', {
      recommendationId: 'rec-1',
      servedOn: D.served,
      receivedOn: D.received2,
    });
}

const replied = (s: Story, claim: PayloadInputs['recordReply']['claim']) =>
  s.does('recordReply', 'prosecutor', {
    recommendationId: 'rec-1',
    repliedOn: D.replied,
    claim,
    summary: '回复',
  });

it('the stories here count the rectification periods as the schedule does', () => {
  expect(at('FOLLOW_UP').clock('rectification:rec-1').due).toBe(END_2_MONTHS);
  expect(servedForSixMonths().clock('rectification:rec-1').due).toBe(END_6_MONTHS);
});

describe('the organ replied that it is rectifying', () => {
  it.each(['2025-05-20', END_2_MONTHS])(
    'non-performance found on %s, while the organ still has time, is refused',
    (checkedOn) => {
      const refusal = at('FOLLOW_UP').refusal('recordFinding', 'prosecutor', finding({ checkedOn }));
      expect(refusal.kind).toBe('WrongStage');
      expect(refusal.message).toContain(`整改期限至 ${END_2_MONTHS} 届满，届满前不能认定未依法履职`);
    },
  );

  it.each(['partially_rectified', 'not_rectified'] as const)(
    'a finding of %s the day after the period ends is accepted, and the review runs from the period’s end',
    (result) => {
      const s = at('FOLLOW_UP');
      s.run('recordFinding', 'prosecutor', finding({ result, checkedOn: '2025-05-27' }));
      expect(s.state.stage).toBe('LITIGATION_REVIEW');
      expect(s.clock('litigation_review_admin').request.start).toBe(END_2_MONTHS);
      expect(s.state.recommendations[0]!.finding?.earlyGround).toBeUndefined();
    },
  );

  it('rectification found before the period ends is accepted at once', () => {
    const s = at('FOLLOW_UP');
    s.run('recordFinding', 'prosecutor', finding({ result: 'rectified', reasons: [] }));
    expect(s.state.stage).toBe('CLOSED');
  });

  it('claiming the organ refused is refused when its reply did not refuse', () => {
    const refusal = at('FOLLOW_UP').refusal(
      'recordFinding',
      'prosecutor',
      finding({ earlyGround: 'organ_refused' }),
    );
    expect(refusal.kind).toBe('InvalidPayload');
    expect(refusal.message).toMatch(/^earlyGround：行政机关的回复未载明拒绝整改/);
  });

  it('an early ground on a finding made after the period ended is refused as not needed', () => {
    const refusal = at('FOLLOW_UP').refusal(
      'recordFinding',
      'prosecutor',
      finding({ checkedOn: '2025-05-27', earlyGround: 'organ_refused' }),
    );
    expect(refusal.message).toBe(
      `earlyGround：整改期限已于 ${END_2_MONTHS} 届满，无需填写整改期满前认定的依据`,
    );
  });
});

describe('the organ explicitly refused to rectify (明确拒绝整改)', () => {
  it('non-performance is found early, recorded as such, and the review runs from the finding', () => {
    const s = replied(servedForSixMonths(), 'refused');
    const fx = s.run(
      'recordFinding',
      'prosecutor',
      finding({ checkedOn: '2025-04-20', earlyGround: 'organ_refused' }),
    );
    expect(s.state.stage).toBe('LITIGATION_REVIEW');
    expect(s.state.recommendations[0]!.finding).toMatchObject({ earlyGround: 'organ_refused' });
    expect(fx.data).toMatchObject({ earlyGround: 'organ_refused' });
    expect(s.clock('litigation_review_admin').request.start).toBe('2025-04-20');
  });

  it('without the ground recorded, the early finding is still refused', () => {
    const s = replied(servedForSixMonths(), 'refused');
    expect(s.refusal('recordFinding', 'prosecutor', finding({ checkedOn: '2025-04-20' })).kind).toBe(
      'WrongStage',
    );
  });
});

describe('the reply period passed with no reply', () => {
  it('non-performance is found before the rectification period ends, recorded as no reply', () => {
    const s = servedForSixMonths().expired('reply:rec-1');
    s.run(
      'recordFinding',
      'prosecutor',
      finding({
        checkedOn: '2025-06-03',
        result: 'no_reply',
        reasons: ['no_reply_no_action'],
        earlyGround: 'reply_period_passed',
      }),
    );
    expect(s.state.recommendations[0]!.finding).toMatchObject({ earlyGround: 'reply_period_passed' });
    expect(s.clock('litigation_review_admin').request.start).toBe('2025-06-03');
  });

  it('the same ground is refused once the organ has replied', () => {
    const s = replied(servedForSixMonths(), 'in_progress');
    const refusal = s.refusal('recordFinding', 'prosecutor', finding({ earlyGround: 'reply_period_passed' }));
    expect(refusal.message).toMatch(/^earlyGround：该检察建议的回复期限未届满或行政机关已回复/);
  });
});

it('an early ground the schema does not know is refused', () => {
  expect(() =>
    parsePayload('recordFinding', finding({ earlyGround: 'organ_busy' as 'organ_refused' })),
  ).toThrow(/^earlyGround/);
});

it('an early finding accepted before the rule existed still applies on replay, the review running from it', () => {
  const s = at('FOLLOW_UP');
  const draft = copy(s.state);
  const asked: RuleChange[] = [];
  runAction(draft, 'recordFinding', parsePayload('recordFinding', finding({})) as Payloads['recordFinding'], {
    actor: ACTORS.prosecutor,
    today: s.today,
    inForce: (change) => (asked.push(change), false),
  });
  expect(asked).toEqual(['findingAfterRectification']);
  expect(draft.stage).toBe('LITIGATION_REVIEW');
  expect(draft.clocks['rectification:rec-1']!.due).toBe(END_2_MONTHS);
});

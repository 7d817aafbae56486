// onClockExpired: what a clock running out does to the case, applied once at 24:00 of its due day.
import type { Payloads } from '../../../domain/case/payloads';
import { ACCEPTED } from './accepted-table';
import { at, D } from './points';
import { ORGANS } from './story';

describe('the reply period', () => {
  it('runs out without a reply: the recommendation is overdue and the case moves to follow-up', () => {
    const s = at('SERVED');
    const fx = s.expire('reply:rec-1');
    expect(s.state.recommendations[0]!.status).toBe('reply_overdue');
    expect(fx.stageChanges).toEqual([{ from: 'RECOMMENDATION', to: 'FOLLOW_UP' }]);
    expect(fx.clockOps).toEqual([]);
    expect(fx.data).toEqual({ clockKey: 'reply:rec-1', due: s.clock('reply:rec-1').due });
    expect(s.clock('reply:rec-1')).toMatchObject({ status: 'running', expiryHandled: true });
  });

  it('an overdue organ may still reply late, and may then be found not to have replied in time', () => {
    const s = at('SERVED').expired('reply:rec-1');
    const fx = s.run('recordReply', 'prosecutor', {
      ...ACCEPTED.recordReply.payload,
      repliedOn: '2025-06-30',
    });
    expect(fx.data).toMatchObject({ onTime: false });
    expect(s.state.recommendations[0]!.reply).toEqual({
      repliedOn: '2025-06-30',
      onTime: false,
      claim: 'rectified',
    });
  });

  it('with a second recommendation not yet served, the case waits in the recommendation stage', () => {
    const recs: Payloads['proposeRecommendation']['recommendations'] = [ORGANS.eco, ORGANS.market].map(
      (organId) => ({
        organId,
        urgent: false,
        rectificationPeriod: { unit: 'months', count: 2 },
        summary: '依法履职',
      }),
    );
    const s = at('INVESTIGATION')
      .does('proposeRecommendation', 'prosecutor', { reason: '未履职', recommendations: recs })
      .does('decideRecommendation', 'chief', { approve: true, decidedOn: D.recommended, reason: '同意' })
      .does('recordRecommendationService', 'prosecutor', {
        recommendationId: 'rec-1',
        servedOn: D.served,
        receivedOn: D.received2,
      });
    const fx = s.expire('reply:rec-1');
    expect(fx.stageChanges).toEqual([]);
    expect(s.state.stage).toBe('RECOMMENDATION');
    expect(s.state.recommendations.map((r) => r.status)).toEqual(['reply_overdue', 'approved']);
  });

  it('a reply period already met (the organ replied) changes nothing', () => {
    const s = at('FOLLOW_UP');
    const before = JSON.stringify(s.state);
    const fx = s.expire('reply:rec-1');
    expect([fx.stageChanges, fx.clockOps]).toEqual([[], []]);
    expect(JSON.stringify(s.state)).toBe(before);
  });
});

describe('the appeal period', () => {
  const judged = (kind: 'judgment' | 'ruling', outcome: Payloads['recordJudgment']['outcome']) =>
    at('COURT_FILED').does('recordJudgment', 'prosecutor', {
      kind,
      decidedOn: D.judged,
      servedOn: D.judgmentServed,
      outcome,
      summary: '裁判',
    });

  it.each([
    ['judgment', 'upheld', 'ENFORCEMENT'],
    ['judgment', 'partially_upheld', 'ENFORCEMENT'],
    ['judgment', 'dismissed', 'CLOSED'],
    ['ruling', 'withdrawn', 'CLOSED'],
  ] as const)(
    'a %s (%s) becomes final: the period lapses and the case moves to %s',
    (kind, outcome, stage) => {
      const s = judged(kind, outcome);
      expect(s.clock('appeal').clockId).toBe(kind === 'judgment' ? 'appeal_judgment' : 'appeal_ruling');
      const fx = s.expire('appeal', '2025-08-20');
      expect(fx.stageChanges[0]).toEqual({ from: 'JUDGMENT', to: stage });
      expect(fx.clockOps[0]).toEqual({ op: 'lapse', key: 'appeal' });
      expect(s.clock('appeal').status).toBe('expired');
      if (stage === 'CLOSED') {
        // The only organ did not rectify: no revisit, the case is archived.
        expect(fx.stageChanges[1]).toEqual({ from: 'CLOSED', to: 'ARCHIVED' });
        expect(fx.data).toMatchObject({ revisitRecommendationIds: [] });
        expect(fx.clockOps.filter((op) => op.op === 'start')).toEqual([]);
        expect(s.state.info.closedOn).toBe('2025-08-20');
      } else expect(fx.clockOps).toHaveLength(1);
    },
  );

  it('a lost suit closed before revisits were per recommendation still starts the case’s one revisit', () => {
    const s = judged('judgment', 'dismissed');
    s.inForce = (change) => change !== 'revisitPerRectified';
    const fx = s.expire('appeal', '2025-08-20');
    expect(fx.stageChanges).toEqual([{ from: 'JUDGMENT', to: 'CLOSED' }]);
    expect(fx.clockOps[1]).toEqual({ op: 'start', key: 'revisit', clockId: 'revisit', start: '2025-08-20' });
  });

  it('an appeal lodged in time stops the period: nothing happens when it would have ended', () => {
    const s = at('JUDGMENT').does('recordAppeal', 'prosecutor', ACCEPTED.recordAppeal.payload);
    const fx = s.expire('appeal');
    expect([fx.stageChanges, fx.clockOps, s.state.stage]).toEqual([[], [], 'LITIGATION']);
  });

  it('the second-instance judgment is final at once: no appeal period', () => {
    const s = at('JUDGMENT').does('recordAppeal', 'prosecutor', ACCEPTED.recordAppeal.payload);
    const fx = s.run('recordJudgment', 'prosecutor', {
      kind: 'judgment',
      decidedOn: '2025-10-10',
      servedOn: '2025-10-13',
      outcome: 'upheld',
      summary: '驳回上诉，维持原判',
    });
    expect(fx.data).toMatchObject({ instance: 2 });
    expect(fx.stageChanges.map((c) => c.to)).toEqual(['JUDGMENT', 'ENFORCEMENT']);
    expect(fx.clockOps).toEqual([]);
  });
});

describe('the revisit period', () => {
  it('running out after closure opens the revisit (回头看)', () => {
    const s = at('CLOSED');
    const fx = s.expire('revisit:rec-1');
    expect(fx.stageChanges).toEqual([{ from: 'CLOSED', to: 'REVISIT' }]);
    expect(fx.clockOps).toEqual([]);
  });

  it('a revisit recorded early (met) changes nothing when the period would have ended', () => {
    const s = at('CLOSED').does('recordRevisit', 'prosecutor', {
      ...ACCEPTED.recordRevisit.payload,
      checkedOn: '2025-11-01',
    });
    expect(s.state.stage).toBe('ARCHIVED');
    expect(s.expire('revisit:rec-1').stageChanges).toEqual([]);
  });
});

it.each(['rectification:rec-1', 'recommendation_filing_above:rec-1', 'filing_service'])(
  '%s running out only reminds: no stage change, no clock operation',
  (key) => {
    const s = at('FOLLOW_UP');
    const fx = s.expire(key);
    expect([fx.stageChanges, fx.clockOps, s.state.stage]).toEqual([[], [], 'FOLLOW_UP']);
    expect(s.clock(key).expiryHandled).toBe(true);
  },
);

it('an unknown clock changes nothing', () => {
  const fx = at('FOLLOW_UP').expire('nope');
  expect(fx.data).toEqual({ clockKey: 'nope', due: null });
  expect([fx.stageChanges, fx.clockOps]).toEqual([[], []]);
});

it('litigation review running out leaves the decision to the chief (the case stays in review)', () => {
  const s = at('LITIGATION_REVIEW');
  expect(s.expire('litigation_review_admin').stageChanges).toEqual([]);
  expect(s.state.stage).toBe('LITIGATION_REVIEW');
});

it('civil: the announcement running out changes nothing until the outcome is recorded', () => {
  const s = at('ANNOUNCEMENT');
  expect(s.expire('announcement').stageChanges).toEqual([]);
  const fx = s.run('recordAnnouncementOutcome', 'prosecutor', { on: '2025-10-10', outcome: 'nobody_sued' });
  expect(fx.stageChanges).toEqual([{ from: 'ANNOUNCEMENT', to: 'LITIGATION_REVIEW' }]);
  const end = s.clock('announcement').due!;
  expect(fx.clockOps).toEqual([
    { op: 'meet', key: 'announcement', on: '2025-10-10' },
    { op: 'start', key: 'litigation_review_civil', clockId: 'litigation_review_civil', start: end },
  ]);
});

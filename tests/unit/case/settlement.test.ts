// A case with recommendations to two organs moves on once both are settled (DOMAIN.md "Two tracks").
import { compareDates } from '../../../domain/period';
import type { FindingResult } from '../../../domain/case/model';
import type { Payloads } from '../../../domain/case/payloads';
import { at, D } from './points';
import { ORGANS, type Story } from './story';

type Period = Payloads['proposeRecommendation']['recommendations'][number]['rectificationPeriod'];

/** Recommendations to the environment bureau (rec-1) and the market regulator (rec-2), both served and answered. */
function twoOrgans(eco: Period, market: Period): Story {
  const rec = (organId: string, rectificationPeriod: Period) => ({
    organId,
    urgent: false,
    rectificationPeriod,
    summary: '依法履职',
  });
  const s = at('INVESTIGATION')
    .does('proposeRecommendation', 'prosecutor', {
      reason: '两机关均未依法履职',
      recommendations: [rec(ORGANS.eco, eco), rec(ORGANS.market, market)],
    })
    .does('decideRecommendation', 'chief', { approve: true, decidedOn: D.recommended, reason: '同意' });
  for (const id of ['rec-1', 'rec-2']) {
    s.run('recordRecommendationService', 'prosecutor', {
      recommendationId: id,
      servedOn: D.served,
      receivedOn: D.received2,
    });
  }
  for (const id of ['rec-1', 'rec-2']) {
    s.run('recordReply', 'prosecutor', {
      recommendationId: id,
      repliedOn: D.replied,
      claim: 'in_progress',
      summary: '整改中',
    });
  }
  return s;
}

function find(s: Story, recommendationId: string, result: FindingResult, checkedOn: string) {
  return s.run('recordFinding', 'prosecutor', {
    recommendationId,
    checkedOn,
    result,
    reasons: result === 'rectified' ? [] : ['measures_not_implemented'],
    summary: '跟进调查',
  });
}

const TEN_DAYS: Period = { unit: 'days', count: 10 };
const TWO_MONTHS: Period = { unit: 'months', count: 2 };

it('after the replies of both organs the case is in follow-up, and stays there until both are found', () => {
  const s = twoOrgans(TWO_MONTHS, TWO_MONTHS);
  expect(s.state.stage).toBe('FOLLOW_UP');
  find(s, 'rec-1', 'rectified', D.found);
  expect(s.state.stage).toBe('FOLLOW_UP');
  expect(s.running()).not.toContain('revisit');
});

it('both organs rectified: the case is closed on the last finding and the revisit clock starts then', () => {
  const s = twoOrgans(TWO_MONTHS, TWO_MONTHS);
  find(s, 'rec-1', 'rectified', D.found);
  const fx = find(s, 'rec-2', 'rectified', '2025-06-12');
  expect(fx.stageChanges).toEqual([{ from: 'FOLLOW_UP', to: 'CLOSED' }]);
  expect(fx.clockOps.filter((op) => op.op === 'start')).toEqual(
    ['rec-1', 'rec-2'].map((id) => ({
      op: 'start',
      key: `revisit:${id}`,
      clockId: 'revisit',
      start: '2025-06-12',
      recommendationId: id,
    })),
  );
  expect(s.state.info.closedOn).toBe('2025-06-12');
  expect(s.state.recommendations.map((r) => r.outcome)).toEqual(['rectified', 'rectified']);
});

it('one rectified, one not: litigation review names only the failing organ', () => {
  const s = twoOrgans(TWO_MONTHS, TWO_MONTHS);
  find(s, 'rec-1', 'rectified', D.found);
  const fx = find(s, 'rec-2', 'not_rectified', D.found);
  expect(s.state.stage).toBe('LITIGATION_REVIEW');
  expect(fx.data.litigationReviewOrganIds).toEqual([ORGANS.market]);
  expect(fx.clockOps.filter((op) => op.op === 'start').map((op) => op.key)).toEqual([
    'litigation_review_admin',
  ]);
  expect(s.running()).not.toContain('revisit');

  const refusal = s.refusal('proposeLitigation', 'prosecutor', { reason: '起诉', organIds: [ORGANS.eco] });
  expect(refusal).toMatchObject({ kind: 'InvalidPayload', message: expect.stringContaining(ORGANS.eco) });
  s.run('proposeLitigation', 'prosecutor', { reason: '起诉', organIds: [ORGANS.market] });
  expect(s.state.proposal?.organIds).toEqual([ORGANS.market]);
});

it('the review clock starts at the end of the rectification period when the finding comes later', () => {
  const s = twoOrgans(TWO_MONTHS, TWO_MONTHS);
  const end = s.clock('rectification:rec-1').due!;
  expect(compareDates(end, D.found)).toBeLessThan(0);
  find(s, 'rec-1', 'not_rectified', D.found);
  find(s, 'rec-2', 'rectified', D.found);
  expect(s.clock('litigation_review_admin').request.start).toBe(end);
});

it('an organ whose rectification period still runs cannot be found failing yet; found after, the review runs from the period’s end', () => {
  const s = twoOrgans(TWO_MONTHS, { unit: 'months', count: 6 });
  const end = s.clock('rectification:rec-2').due!;
  const early = '2025-05-06';
  expect(compareDates(early, end)).toBeLessThan(0);
  find(s, 'rec-1', 'rectified', early);
  expect(() => find(s, 'rec-2', 'not_rectified', early)).toThrow(/届满前不能认定未依法履职/);
  find(s, 'rec-2', 'not_rectified', '2025-10-09');
  expect(s.clock('litigation_review_admin').request.start).toBe(end);
});

it('two failing organs: the review clock starts at the earlier of their starts', () => {
  const s = twoOrgans(TWO_MONTHS, TEN_DAYS);
  const eco = s.clock('rectification:rec-1').due!;
  const market = s.clock('rectification:rec-2').due!;
  expect(compareDates(market, eco)).toBeLessThan(0);
  find(s, 'rec-1', 'not_rectified', D.found);
  const fx = find(s, 'rec-2', 'partially_rectified', '2025-06-20');
  expect(fx.data.litigationReviewOrganIds).toEqual([ORGANS.eco, ORGANS.market]);
  expect(s.clock('litigation_review_admin').request.start).toBe(market);
});

const again = (organId: string) => ({
  reason: '回头看发现整改反弹，再次督促',
  recommendations: [
    { organId, rectificationPeriod: { unit: 'months' as const, count: 2 }, summary: '巩固整改成果' },
  ],
});

describe('revisit (回头看) with a rebound', () => {
  function closedWithTwoOrgans(): Story {
    const s = twoOrgans(TWO_MONTHS, TWO_MONTHS);
    find(s, 'rec-1', 'rectified', D.found);
    find(s, 'rec-2', 'rectified', D.found);
    return s.expired('revisit:rec-1');
  }
  const rebound = (s: Story, checkedOn: string) =>
    s.run('recordRevisit', 'prosecutor', {
      checkedOn,
      result: 'rebound',
      organIds: [ORGANS.eco],
      summary: '反弹',
    });

  it('reopens follow-up for the rebounding organ only, and counts the rebound', () => {
    const s = closedWithTwoOrgans();
    expect(s.state.stage).toBe('REVISIT');
    const fx = rebound(s, '2025-12-12');
    expect(fx.stageChanges).toEqual([{ from: 'REVISIT', to: 'FOLLOW_UP' }]);
    expect(fx.clockOps).toEqual([
      { op: 'meet', key: 'revisit:rec-1', on: '2025-12-12' },
      { op: 'meet', key: 'revisit:rec-2', on: '2025-12-12' },
      {
        op: 'start',
        key: 'rebound_follow_up:rec-1',
        clockId: 'rebound_follow_up',
        start: '2025-12-12',
        recommendationId: 'rec-1',
      },
    ]);
    expect(s.state.recommendations.map((r) => [r.status, r.outcome, r.rebounds])).toEqual([
      ['rebound', undefined, 1],
      ['settled', 'rectified', 0],
    ]);
    expect(s.state.info.closedOn).toBeUndefined();
  });

  it('starts a month’s follow-up for the rebounding organ (the policy’s default length)', () => {
    const s = closedWithTwoOrgans();
    rebound(s, '2025-12-12');
    expect(s.clock('rebound_follow_up:rec-1')).toMatchObject({
      status: 'running',
      request: { start: '2025-12-12', period: { unit: 'months', count: 1 } },
      due: '2026-01-12',
    });
    expect(s.state.clocks['rebound_follow_up:rec-2']).toBeUndefined();
  });

  it('a case whose rebound was recorded before the follow-up clock existed gets none', () => {
    const s = closedWithTwoOrgans();
    s.inForce = (change) => change !== 'reboundFollowUp';
    rebound(s, '2025-12-12');
    expect(s.state.clocks['rebound_follow_up:rec-1']).toBeUndefined();
    expect(s.refusal('proposeRecommendation', 'prosecutor', again(ORGANS.eco)).message).toMatch(
      /不能提请发出检察建议/,
    );
  });

  it('the follow-up may recommend again to the organ that rebounded, and only to it', () => {
    const s = closedWithTwoOrgans();
    rebound(s, '2025-12-12');
    expect(s.refusal('proposeRecommendation', 'prosecutor', again(ORGANS.market)).message).toMatch(
      /未在回头看中被认定整改反弹/,
    );
    s.run('proposeRecommendation', 'prosecutor', again(ORGANS.eco));
    const fx = s.run('decideRecommendation', 'chief', {
      approve: true,
      decidedOn: '2025-12-20',
      reason: '同意',
    });
    expect(fx.stageChanges).toEqual([{ from: 'FOLLOW_UP', to: 'RECOMMENDATION' }]);
    expect(fx.data).toMatchObject({ recommendationIds: ['rec-3'], supersededRecommendationIds: ['rec-1'] });
    expect(s.state.recommendations.map((r) => [r.id, r.status, r.outcome ?? null])).toEqual([
      ['rec-1', 'settled', 'superseded'],
      ['rec-2', 'settled', 'rectified'],
      ['rec-3', 'approved', null],
    ]);
    expect(s.state.recommendations[0]!.supersededBy).toBe('rec-3');
    expect(s.clock('rebound_follow_up:rec-1')).toMatchObject({ status: 'met', metOn: '2025-12-20' });
  });

  it('or go straight to litigation review: the finding of non-performance ends the follow-up clock', () => {
    const s = closedWithTwoOrgans();
    rebound(s, '2025-12-12');
    find(s, 'rec-1', 'not_rectified', '2025-12-20');
    expect(s.state.stage).toBe('LITIGATION_REVIEW');
    expect(s.clock('rebound_follow_up:rec-1')).toMatchObject({ status: 'met', metOn: '2025-12-20' });
  });

  it('a rebound found not rectified leads to litigation review from the finding, not the old rectification end', () => {
    const s = closedWithTwoOrgans();
    rebound(s, '2025-12-12');
    const fx = find(s, 'rec-1', 'not_rectified', '2025-12-20');
    expect(s.state.stage).toBe('LITIGATION_REVIEW');
    expect(fx.data.litigationReviewOrganIds).toEqual([ORGANS.eco]);
    expect(s.clock('litigation_review_admin').request.start).toBe('2025-12-20');
  });

  it('a second rebound of the same organ counts two', () => {
    const s = closedWithTwoOrgans();
    rebound(s, '2025-12-12');
    find(s, 'rec-1', 'rectified', '2025-12-15');
    expect(s.state.stage).toBe('CLOSED');
    // Rectified again after its rebound: a new revisit for it, none again for the other organ.
    expect(s.running().filter((k) => k.startsWith('revisit'))).toEqual(['revisit:rec-1:2']);
    s.expire('revisit:rec-1:2');
    expect(s.state.stage).toBe('REVISIT');
    rebound(s, '2025-12-30');
    expect(s.state.recommendations[0]!.rebounds).toBe(2);
  });

  it('an organ that was not found rectified cannot rebound', () => {
    const s = closedWithTwoOrgans();
    const refusal = s.refusal('recordRevisit', 'prosecutor', {
      checkedOn: '2025-12-12',
      result: 'rebound',
      organIds: [ORGANS.eco, ORGANS.street],
      summary: '反弹',
    });
    expect(refusal.kind).toBe('InvalidPayload');
  });
});

describe('who is revisited (回头看) when the case closes', () => {
  /** rec-1 (eco) rectified, rec-2 (market) sued; the judgment is upheld and enforced. */
  function suedOneOrgan(): Story {
    const s = twoOrgans(TWO_MONTHS, TWO_MONTHS);
    find(s, 'rec-1', 'rectified', D.found);
    find(s, 'rec-2', 'not_rectified', '2025-06-12');
    s.run('proposeLitigation', 'prosecutor', { reason: '起诉', organIds: [ORGANS.market] });
    s.run('decideLitigation', 'chief', { approve: true, decidedOn: '2025-07-01', reason: '同意' });
    s.run('recordCourtFiling', 'prosecutor', {
      court: '区法院',
      filedOn: '2025-07-02',
      servedOn: '2025-07-03',
    });
    s.run('recordJudgment', 'prosecutor', {
      kind: 'judgment',
      decidedOn: '2025-08-01',
      servedOn: '2025-08-04',
      outcome: 'upheld',
      summary: '责令履职',
    });
    return s.expired('appeal');
  }

  it('an organ that rectified in a case that went to court is revisited once the case closes', () => {
    const s = suedOneOrgan();
    const fx = s.run('recordEnforcement', 'prosecutor', { completedOn: '2025-10-15', summary: '已履行' });
    expect(s.state.stage).toBe('CLOSED');
    expect(fx.data).toMatchObject({ revisitRecommendationIds: ['rec-1'] });
    expect(s.running().filter((k) => k.startsWith('revisit'))).toEqual(['revisit:rec-1']);
    expect(s.clock('revisit:rec-1')).toMatchObject({
      recommendationId: 'rec-1',
      request: { start: '2025-10-15' },
    });
  });

  it('before the rule, the same closure started one revisit for the whole case', () => {
    const s = suedOneOrgan();
    s.inForce = (change) => change !== 'revisitPerRectified';
    s.run('recordEnforcement', 'prosecutor', { completedOn: '2025-10-15', summary: '已履行' });
    expect(s.running().filter((k) => k.startsWith('revisit'))).toEqual(['revisit']);
  });

  it('a closure where no organ rectified has no revisit: the case is archived', () => {
    const s = at('ENFORCEMENT');
    const fx = s.run('recordEnforcement', 'prosecutor', { completedOn: '2025-10-15', summary: '已履行' });
    expect(fx.stageChanges).toEqual([
      { from: 'ENFORCEMENT', to: 'CLOSED' },
      { from: 'CLOSED', to: 'ARCHIVED' },
    ]);
    expect(s.running()).toEqual([]);
  });

  it('a civil case closed after supporting another plaintiff’s suit has no revisit', () => {
    const s = at('SUPPORT');
    s.run('recordSupportConcluded', 'prosecutor', {
      on: '2025-11-20',
      result: 'upheld',
      summary: '法院判决支持诉请',
    });
    expect(s.state.stage).toBe('ARCHIVED');
    expect(Object.keys(s.state.clocks).filter((k) => k.startsWith('revisit'))).toEqual([]);
  });
});

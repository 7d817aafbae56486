/** The pre-litigation recommendation (诉前检察建议) to one or more organs, and its follow-up. */
import { compareDates, type CivilDate } from '../../period/dates';
import type { CaseState, Recommendation } from '../model';
import type { Payloads } from '../payloads';
import type { EarlyFindingGround } from '../vocabulary';
import type { StageEvent } from '../procedure';
import type { Stage } from '../stages';
import {
  Effects,
  cancelRunningClocks,
  findRecommendation,
  inForce,
  invalid,
  meetClock,
  moveStage,
  recClockKey,
  requireDate,
  requireStage,
  startClock,
  wrongStage,
  type Rule,
  type RuleContext,
} from './common';
import { propose, requireNoPendingProposal, takeDecision } from './proposals';
import { unique } from './intake';

/**
 * Where a recommendation may be proposed: in the investigation, and in the follow-up of a rebound
 * found at the revisit (then only to the organs that rebounded).
 */
function recommendationStages(state: CaseState, ctx: RuleContext): Stage[] {
  const rebound = reboundRecommendations(state).length > 0 && inForce(ctx, 'reboundFollowUp');
  return rebound ? ['INVESTIGATION', 'FOLLOW_UP'] : ['INVESTIGATION'];
}

const reboundRecommendations = (state: CaseState) =>
  state.recommendations.filter((r) => r.status === 'rebound');

export const proposeRecommendation: Rule<'proposeRecommendation'> = (state, p, ctx) => {
  requireStage(state, recommendationStages(state, ctx), '提请发出检察建议');
  if (state.info.track !== 'administrative') throw wrongStage('诉前检察建议仅适用于行政公益诉讼案件');
  requireNoPendingProposal(state);
  const reason = p.reason;
  const recs = p.recommendations;
  if (unique(recs.map((r) => r.organId)).length !== recs.length) throw invalid('同一行政机关只能列一次');
  if (state.stage === 'FOLLOW_UP') {
    const rebounded = new Set(reboundRecommendations(state).map((r) => r.organId));
    const other = recs.find((r) => !rebounded.has(r.organId));
    if (other)
      throw invalid(
        `行政机关 ${other.organId} 未在回头看中被认定整改反弹，跟进阶段只能向整改反弹的机关再次提出检察建议`,
      );
  }
  // The document's texts go to its draft (made by the workflow), not into the case's state.
  const proposed = recs.map(({ organId, urgent, rectificationPeriod, summary }) => ({
    organId,
    urgent,
    rectificationPeriod,
    summary,
  }));
  const proposedOn = propose(
    state,
    ctx,
    'recommendation',
    { reason, recommendations: proposed },
    {
      proposedOn: p.proposedOn,
      since: { date: state.info.filedOn, label: '立案日期' },
    },
  );
  return new Effects().note({
    reason,
    ...(p.proposedOn && { proposedOn }),
    organIds: recs.map((r) => r.organId),
    urgent: recs.map((r) => r.urgent === true),
  });
};

export const decideRecommendation: Rule<'decideRecommendation'> = (state, p, ctx) => {
  const { proposal, decidedOn, fx } = takeDecision(state, p, ctx, {
    stage: recommendationStages(state, ctx),
    action: '决定是否发出检察建议',
    kind: 'recommendation',
    carries: 'recommendations',
    missing: '没有待决定的检察建议提请',
    since: { date: state.info.filedOn, label: '立案日期' },
  });
  if (p.approve !== true) return fx;
  const proposed = proposal.recommendations!;
  const first = state.recommendations.length;
  proposed.forEach((r, i) => {
    const rec: Recommendation = {
      id: `rec-${first + i + 1}`,
      organId: r.organId,
      urgent: r.urgent === true,
      rectificationPeriod: r.rectificationPeriod,
      summary: r.summary,
      status: 'approved',
      decidedOn,
      rebounds: 0,
    };
    state.recommendations.push(rec);
    startClock(fx, {
      key: recClockKey('recommendation_service', rec),
      clockId: 'recommendation_service',
      start: decidedOn,
      recommendationId: rec.id,
    });
  });
  fx.note({ recommendationIds: state.recommendations.slice(first).map((r) => r.id) });
  supersedeRebounds(state, fx, state.recommendations.slice(first), decidedOn);
  state.organIds = unique([...state.organIds, ...proposed.map((r) => r.organId)]);
  meetClock(state, fx, 'investigation', decidedOn);
  moveStage(state, 'recommendation_issued', fx);
  return fx;
};

/** A new recommendation to an organ that rebounded takes the place of the rebounded one. */
function supersedeRebounds(state: CaseState, fx: Effects, issued: Recommendation[], on: CivilDate): void {
  const superseded: string[] = [];
  for (const rec of reboundRecommendations(state)) {
    const next = issued.find((r) => r.organId === rec.organId);
    if (!next) continue;
    Object.assign(rec, { status: 'settled', outcome: 'superseded', supersededBy: next.id });
    meetClock(state, fx, recClockKey('rebound_follow_up', rec), on);
    superseded.push(rec.id);
  }
  if (superseded.length > 0) fx.note({ supersededRecommendationIds: superseded });
}

export const recordRecommendationService: Rule<'recordRecommendationService'> = (state, p, ctx) => {
  requireReceiptAwaited(state);
  const rec = awaitingReceipt(state, p.recommendationId);
  const servedOn = requireDate(p.servedOn, '送达日期', ctx, { date: rec.decidedOn, label: '决定日期' });
  const receivedOn = requireDate(p.receivedOn, '行政机关签收日期', ctx, {
    date: servedOn,
    label: '送达日期',
  });
  const fx = new Effects().note({ recommendationId: rec.id, organId: rec.organId, servedOn, receivedOn });
  recordReceipt(state, rec, { servedOn, receivedOn }, fx);
  return fx;
};

/** Refuses (before the payload is read) when no recommendation waits for its service to be recorded. */
export function requireReceiptAwaited(state: CaseState): void {
  requireStage(state, ['RECOMMENDATION', 'FOLLOW_UP'], '登记检察建议书送达');
  requireAwaiting(state, ['approved'], '没有待登记送达的检察建议');
}

/** The recommendation `id` when its service and receipt are still to be recorded (refused otherwise). */
export function awaitingReceipt(state: CaseState, id: string): Recommendation {
  requireReceiptAwaited(state);
  const rec = findRecommendation(state, id);
  if (rec.status !== 'approved') throw wrongStage(`检察建议 ${rec.id} 已登记送达`);
  return rec;
}

/**
 * Service and receipt recorded (by staff from the 送达回证, or by the organ online): the service
 * clock is met; the filing above runs from service, the reply and rectification from receipt.
 */
export function recordReceipt(
  state: CaseState,
  rec: Recommendation,
  { servedOn, receivedOn }: { servedOn: CivilDate; receivedOn: CivilDate },
  fx: Effects,
): void {
  Object.assign(rec, { status: 'served', servedOn, receivedOn });
  meetClock(state, fx, recClockKey('recommendation_service', rec), servedOn);
  const id = rec.id;
  startClock(fx, {
    key: recClockKey('recommendation_filing_above', rec),
    clockId: 'recommendation_filing_above',
    start: servedOn,
    recommendationId: id,
  });
  startClock(fx, {
    key: recClockKey('reply', rec),
    clockId: 'reply',
    start: receivedOn,
    recommendationId: id,
    urgent: rec.urgent,
  });
  startClock(fx, {
    key: recClockKey('rectification', rec),
    clockId: 'rectification',
    start: receivedOn,
    recommendationId: id,
    length: rec.rectificationPeriod,
  });
}

export const recordRecommendationFiledAbove: Rule<'recordRecommendationFiledAbove'> = (state, p, ctx) => {
  const awaiting = (r: Recommendation) =>
    state.clocks[recClockKey('recommendation_filing_above', r)]?.status === 'running';
  if (!state.recommendations.some(awaiting)) throw wrongStage('没有待报上级院备案的检察建议');
  const rec = findRecommendation(state, p.recommendationId);
  const key = recClockKey('recommendation_filing_above', rec);
  if (state.clocks[key]?.status !== 'running') throw wrongStage(`检察建议 ${rec.id} 尚未送达或已登记备案`);
  const filedOn = requireDate(p.filedOn, '备案日期', ctx, { date: rec.servedOn, label: '送达日期' });
  rec.filedAboveOn = filedOn;
  const fx = new Effects().note({ recommendationId: rec.id, filedOn });
  meetClock(state, fx, key, filedOn);
  return fx;
};

export const recordReply: Rule<'recordReply'> = (state, p, ctx) => {
  requireStage(state, ['RECOMMENDATION', 'FOLLOW_UP'], '登记行政机关回复');
  requireAwaiting(state, ['served', 'reply_overdue'], '没有待登记回复的检察建议（未送达或已登记回复）');
  const rec = findRecommendation(state, p.recommendationId);
  if (rec.status !== 'served' && rec.status !== 'reply_overdue')
    throw wrongStage(`检察建议 ${rec.id} 未送达或已登记回复`);
  const repliedOn = requireDate(p.repliedOn, '回复日期', ctx, { date: rec.receivedOn, label: '签收日期' });
  const due = state.clocks[recClockKey('reply', rec)]?.due;
  const onTime = due != null && compareDates(repliedOn, due) <= 0;
  rec.reply = { repliedOn, onTime, claim: p.claim };
  rec.status = 'replied';
  const fx = new Effects().note({
    recommendationId: rec.id,
    organId: rec.organId,
    repliedOn,
    onTime,
    claim: p.claim,
    summary: p.summary,
  });
  meetClock(state, fx, recClockKey('reply', rec), repliedOn);
  moveToFollowUpWhenAllAnswered(state, fx);
  return fx;
};

export const recordFinding: Rule<'recordFinding'> = (state, p, ctx) => {
  requireStage(state, ['RECOMMENDATION', 'FOLLOW_UP'], '登记跟进调查认定');
  requireAwaiting(
    state,
    ['replied', 'reply_overdue', 'rebound'],
    '没有可认定的检察建议（尚未回复或回复期限未满）',
  );
  const rec = findRecommendation(state, p.recommendationId);
  if (!['replied', 'reply_overdue', 'rebound'].includes(rec.status)) {
    throw wrongStage(`检察建议 ${rec.id} 尚未回复或回复期限未满，暂不能认定`);
  }
  const checkedOn = requireDate(p.checkedOn, '跟进调查日期', ctx, {
    date: rec.receivedOn,
    label: '签收日期',
  });
  const reasons = p.reasons;
  if (p.result !== 'rectified' && reasons.length === 0)
    throw invalid('认定未依法履职的，请选择至少一项第八十二条情形');
  if (p.result === 'no_reply' && rec.reply) throw invalid('该机关已回复，不能认定为未回复');
  const earlyGround = earlyFindingGround(state, rec, p, ctx);
  rec.finding = { checkedOn, result: p.result, reasons, ...(earlyGround ? { earlyGround } : {}) };
  rec.outcome = p.result === 'rectified' ? 'rectified' : 'non_performance';
  rec.status = 'settled';
  const fx = new Effects().note({
    recommendationId: rec.id,
    organId: rec.organId,
    checkedOn,
    result: p.result,
    reasons,
    ...(earlyGround ? { earlyGround } : {}),
    summary: p.summary,
  });
  meetClock(state, fx, recClockKey('rectification', rec), checkedOn);
  meetClock(state, fx, recClockKey('reply', rec), checkedOn);
  meetClock(state, fx, recClockKey('rebound_follow_up', rec), checkedOn);
  moveToFollowUpWhenAllAnswered(state, fx);
  settleWhenAllFound(state, fx, checkedOn, ctx);
  return fx;
};

/**
 * Rules art. 47: the litigation review starts when the rectification period ends, so the organ is
 * found not to have performed only after it (on the day after its last day at the earliest), unless
 * it explicitly refused (its reply says so) or let the reply period pass without a reply, which the
 * finding records as its early ground. Returns the ground of an early finding.
 */
function earlyFindingGround(
  state: CaseState,
  rec: Recommendation,
  p: Payloads['recordFinding'],
  ctx: RuleContext,
): EarlyFindingGround | undefined {
  const end = rec.rebounds > 0 ? undefined : state.clocks[recClockKey('rectification', rec)]?.due;
  const early = p.result !== 'rectified' && end != null && compareDates(p.checkedOn, end) <= 0;
  if (!early) {
    if (!p.earlyGround) return undefined;
    const why =
      p.result === 'rectified'
        ? '认定整改到位的'
        : end
          ? `整改期限已于 ${end} 届满`
          : '该检察建议没有整改期限';
    throw invalid(`earlyGround：${why}，无需填写整改期满前认定的依据`);
  }
  if (!inForce(ctx, 'findingAfterRectification')) return undefined;
  const ground = p.earlyGround;
  if (!ground)
    throw wrongStage(
      `检察建议 ${rec.id} 的整改期限至 ${end} 届满，届满前不能认定未依法履职（行政机关明确拒绝整改或回复期限届满未回复的除外，请注明依据）`,
    );
  if (ground === 'organ_refused' && rec.reply?.claim !== 'refused')
    throw invalid('earlyGround：行政机关的回复未载明拒绝整改，不能以明确拒绝整改为由在整改期满前认定');
  if (ground === 'reply_period_passed' && (rec.reply || rec.status !== 'reply_overdue'))
    throw invalid(
      'earlyGround：该检察建议的回复期限未届满或行政机关已回复，不能以逾期未回复为由在整改期满前认定',
    );
  return ground;
}

/** Refuses a per-recommendation action when no recommendation is waiting for it (so it is not offered). */
function requireAwaiting(state: CaseState, statuses: Recommendation['status'][], message: string): void {
  if (!state.recommendations.some((r) => statuses.includes(r.status))) throw wrongStage(message);
}

/** RECOMMENDATION → FOLLOW_UP once every recommendation is served and answered or overdue. */
export function moveToFollowUpWhenAllAnswered(state: CaseState, fx: Effects): void {
  if (state.stage !== 'RECOMMENDATION') return;
  const waiting = state.recommendations.some((r) => r.status === 'approved' || r.status === 'served');
  if (!waiting) moveStage(state, 'all_replies_in_or_overdue', fx);
}

/** All organs settled: non-performance anywhere → litigation review; otherwise closed. */
export function settleWhenAllFound(state: CaseState, fx: Effects, on: CivilDate, ctx: RuleContext): void {
  if (state.recommendations.some((r) => r.status !== 'settled')) return;
  const failing = state.recommendations.filter((r) => r.outcome === 'non_performance');
  if (failing.length === 0) {
    closeCase(state, 'all_rectified', fx, on, ctx);
    return;
  }
  moveStage(state, 'non_performance_found', fx);
  const start = failing.map((r) => reviewStart(state, r)).sort()[0]!;
  startClock(fx, { key: 'litigation_review_admin', clockId: 'litigation_review_admin', start });
  fx.note({ litigationReviewOrganIds: failing.map((r) => r.organId) });
}

/**
 * The review period runs from the end of the rectification period; from the finding where that came
 * first (an early ground, a rebound, or a finding recorded before the rule of art. 47 was enforced).
 */
function reviewStart(state: CaseState, rec: Recommendation): CivilDate {
  const checkedOn = rec.finding!.checkedOn;
  const end = state.clocks[recClockKey('rectification', rec)]?.due;
  if (rec.rebounds > 0 || !end) return checkedOn;
  return compareDates(end, checkedOn) <= 0 ? end : checkedOn;
}

/**
 * Closes the case by `event` (a move to CLOSED in the procedure table) and schedules the revisit
 * (回头看): one per recommendation the organ rectified and that no revisit has looked at since (also
 * when other organs went to court); a case where no organ rectified is archived at once. Before the
 * rule, every closure started one revisit for the case.
 */
export function closeCase(
  state: CaseState,
  event: StageEvent,
  fx: Effects,
  on: CivilDate,
  ctx: Pick<RuleContext, 'inForce'>,
): void {
  moveStage(state, event, fx);
  state.info.closedOn = on;
  if (!inForce(ctx, 'revisitPerRectified')) {
    startClock(fx, { key: 'revisit', clockId: 'revisit', start: on });
    return;
  }
  const due = state.recommendations.filter((r) => r.outcome === 'rectified' && !state.clocks[revisitKey(r)]);
  for (const rec of due) {
    startClock(fx, { key: revisitKey(rec), clockId: 'revisit', start: on, recommendationId: rec.id });
  }
  fx.note({ revisitRecommendationIds: due.map((r) => r.id) });
  if (due.length > 0) return;
  // Clocks this action already ends (an appeal period that lapsed) keep that end.
  cancelRunningClocks(state, fx, (c) => fx.clockOps.some((op) => op.key === c.key));
  moveStage(state, 'closed_without_revisit', fx);
}

/** The revisit of a rectified recommendation; a recommendation rectified again after a rebound gets a new one. */
export const revisitKey = (rec: Pick<Recommendation, 'id' | 'rebounds'>): string =>
  rec.rebounds === 0 ? recClockKey('revisit', rec) : `${recClockKey('revisit', rec)}:${rec.rebounds + 1}`;

/**
 * What an administrative organ does online on its own recommendation, through the page its link
 * opens: every access is logged, it confirms receipt (the reply clock starts that day), answers
 * the numbered items, each once, reports progress during the rectification period and asks for
 * more time: it may add, never change what it submitted. Only the prosecutor's decision on a
 * request for more time moves the rectification period.
 */
import { compareDates } from '../../period/dates';
import type { Recommendation, CaseState, ClockState } from '../model';
import { grantExtension } from './clocks';
import {
  Effects,
  findRecommendation,
  forbidden,
  inForce,
  invalid,
  recClockKey,
  wrongStage,
  type Rule,
  type RuleContext,
} from './common';
import { awaitingReceipt, recordReceipt } from './recommendation';

/** The recommendation the organ's session opens; any other is refused. */
export function organsRecommendation(state: CaseState, id: string, ctx: RuleContext): Recommendation {
  if (!inForce(ctx, 'organAccess')) throw wrongStage('本案不支持行政机关在线办理');
  const organ = ctx.actor.organ;
  if (!organ || organ.recommendationId !== id) throw forbidden('只能办理本机关收到的这份检察建议');
  const rec = findRecommendation(state, id);
  if (rec.organId !== organ.organId) throw forbidden('只能办理本机关收到的这份检察建议');
  if (rec.outcome === 'superseded') throw wrongStage('该检察建议已被新的检察建议替代');
  return rec;
}

export const recordOrganAccess: Rule<'recordOrganAccess'> = (state, p, ctx) => {
  const rec = organsRecommendation(state, p.recommendationId, ctx);
  return new Effects().note({
    recommendationId: rec.id,
    organId: rec.organId,
    event: p.event,
    contact: ctx.actor.organ!.contact,
  });
};

/** The same checks and clocks as the staff's record of service: refused once receipt is recorded. */
export const confirmReceiptOnline: Rule<'confirmReceiptOnline'> = (state, p, ctx) => {
  organsRecommendation(state, p.recommendationId, ctx);
  const rec = awaitingReceipt(state, p.recommendationId);
  const on = ctx.today;
  const fx = new Effects().note({
    recommendationId: rec.id,
    organId: rec.organId,
    servedOn: on,
    receivedOn: on,
    confirmedBy: p.confirmedBy,
    basis: `行政机关在线确认签收（确认人：${p.confirmedBy}）`,
  });
  recordReceipt(state, rec, { servedOn: on, receivedOn: on }, fx);
  return fx;
};

export const answerRecommendationItems: Rule<'answerRecommendationItems'> = (state, p, ctx) => {
  const rec = organsRecommendation(state, p.recommendationId, ctx);
  if (rec.status === 'approved') throw wrongStage('请先确认签收检察建议书，再逐项答复');
  if (rec.status === 'settled') throw wrongStage('该检察建议已办结，不能再答复');
  const answered = new Set(rec.answeredItems ?? []);
  const items = p.answers.map((a) => a.item);
  if (new Set(items).size !== items.length) throw invalid('同一事项只能答复一次');
  const again = items.find((i) => answered.has(i));
  if (again !== undefined) throw wrongStage(`第 ${again} 项已答复，已提交的答复不能修改`);
  for (const a of p.answers) {
    if (a.answer === 'in_progress' && (!a.plan || !a.startsOn || !a.endsOn))
      throw invalid(`第 ${a.item} 项：正在整改的，请填写整改计划和起止日期`);
    if (a.answer === 'in_progress' && a.endsOn! < a.startsOn!)
      throw invalid(`第 ${a.item} 项：整改完成日期不能早于开始日期`);
    if (a.answer === 'disputed' && !a.reasons) throw invalid(`第 ${a.item} 项：有异议的，请说明理由`);
  }
  rec.answeredItems = [...answered, ...items].sort((a, b) => a - b);
  return new Effects().note({
    recommendationId: rec.id,
    organId: rec.organId,
    answers: p.answers,
    answeredBy: ctx.actor.organ!.contact,
  });
};

/** The running rectification clock of the organ's received, unsettled recommendation. */
function rectificationUnderway(state: CaseState, rec: Recommendation): ClockState {
  if (rec.status === 'approved') throw wrongStage('请先确认签收检察建议书');
  if (rec.status === 'settled') throw wrongStage('该检察建议已办结');
  const clock = state.clocks[recClockKey('rectification', rec)];
  if (clock?.status !== 'running')
    throw wrongStage('整改期限已届满或已停止计算，不能再报送整改进展或申请延期');
  return clock;
}

export const reportRectificationProgress: Rule<'reportRectificationProgress'> = (state, p, ctx) => {
  const rec = organsRecommendation(state, p.recommendationId, ctx);
  rectificationUnderway(state, rec);
  if (compareDates(p.asOf, ctx.today) > 0)
    throw invalid(`进展截至日期（${p.asOf}）不能晚于今日（${ctx.today}）`);
  return new Effects().note({
    recommendationId: rec.id,
    organId: rec.organId,
    asOf: p.asOf,
    progress: p.progress,
    reportedBy: ctx.actor.organ!.contact,
  });
};

export const requestRectificationExtension: Rule<'requestRectificationExtension'> = (state, p, ctx) => {
  const rec = organsRecommendation(state, p.recommendationId, ctx);
  const clock = rectificationUnderway(state, rec);
  const pending = rec.extensionRequest;
  if (pending)
    throw wrongStage(`已于 ${pending.requestedOn} 申请延期至 ${pending.until}，请等待检察机关决定后再申请`);
  if (clock.due && compareDates(p.until, clock.due) <= 0)
    throw invalid(`申请延长至的日期（${p.until}）须晚于现在的整改期限（${clock.due}）`);
  rec.extensionRequest = { requestedOn: ctx.today, until: p.until };
  return new Effects().note({
    recommendationId: rec.id,
    organId: rec.organId,
    until: p.until,
    currentDue: clock.due,
    reasons: p.reasons,
    requestedBy: ctx.actor.organ!.contact,
  });
};

/**
 * The prosecutor's answer to the organ's request: granted, the rectification period ends on the
 * date requested (or the one granted); refused, it stays. A request left when the period stopped
 * may still be refused, not granted.
 */
export const decideRectificationExtension: Rule<'decideRectificationExtension'> = (state, p, ctx) => {
  // Refused before the payload is read, so the case page offers the decision only when asked.
  if (!state.recommendations.some((r) => r.extensionRequest)) throw wrongStage('没有待决定的延期申请');
  const rec = findRecommendation(state, p.recommendationId);
  const asked = rec.extensionRequest;
  if (!asked) throw wrongStage(`检察建议 ${rec.id} 没有待决定的延期申请`);
  if (p.decision === 'refused' && p.until) throw invalid('不准延期的，不填写延长至的日期');
  const clock = state.clocks[recClockKey('rectification', rec)];
  const until = p.decision === 'granted' ? (p.until ?? asked.until) : null;
  if (until) {
    if (clock?.status !== 'running') throw wrongStage('整改期限已不在进行中，只能不准延期');
    if (clock.due && compareDates(until, clock.due) <= 0)
      throw invalid(`延长至的日期（${until}）须晚于现在的整改期限（${clock.due}）`);
  }
  delete rec.extensionRequest;
  const fx = new Effects().note({
    recommendationId: rec.id,
    organId: rec.organId,
    decision: p.decision,
    requestedOn: asked.requestedOn,
    requestedUntil: asked.until,
    until,
    previousDue: clock?.due ?? null,
  });
  fx.reason = p.reason;
  if (until && clock) {
    const basis = `行政机关 ${asked.requestedOn} 申请延长整改期限，检察机关准予`;
    grantExtension(clock, { until, basis, reason: p.reason }, ctx, fx);
  }
  return fx;
};

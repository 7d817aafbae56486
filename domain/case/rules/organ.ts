/**
 * What an administrative organ does online on its own recommendation, through the page its link
 * opens: every access is logged, it confirms receipt (the reply clock starts that day) and answers
 * the numbered items, each once: it may add answers and files, never change what it submitted.
 */
import type { Recommendation, CaseState } from '../model';
import {
  Effects,
  findRecommendation,
  forbidden,
  inForce,
  invalid,
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

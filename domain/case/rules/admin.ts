/** Actions on the case's handling rather than its procedure: reassignment, notes, publicity, escalation. */
import type { CaseState } from '../model';
import type { Payloads } from '../payloads';
import { Effects, invalid, requireDate, wrongStage, type Rule, type RuleContext } from './common';
import { requireNotFinal } from './clocks';

export const reassign: Rule<'reassign'> = (state, p, _ctx) => {
  requireNotFinal(state, '更换承办人');
  if (p.handlerId === state.handlerId) throw invalid('新的承办人与现承办人相同');
  const fx = new Effects().note({ from: state.handlerId, to: p.handlerId });
  fx.reason = p.reason;
  state.handlerId = p.handlerId;
  return fx;
};

export function addNote(_state: CaseState, p: Payloads['addNote'], _ctx: RuleContext): Effects {
  return new Effects().note({ text: p.text });
}

export const markTypical: Rule<'markTypical'> = (state, p, _ctx) => {
  if (state.typical === p.typical) throw invalid(p.typical ? '已标记为典型案例' : '未标记为典型案例');
  state.typical = p.typical;
  const fx = new Effects().note({ typical: p.typical });
  fx.reason = p.reason;
  return fx;
};

export const confirmEscalation: Rule<'confirmEscalation'> = (state, p, ctx) => {
  if (!state.escalations.some((e) => !e.confirmedBy)) throw wrongStage('没有待确认的督促措施');
  const suggestion = state.escalations.find((e) => e.clockKey === p.clockKey && e.step === p.step);
  if (!suggestion) throw invalid('该期限没有这一项建议的督促措施');
  if (suggestion.confirmedBy) throw wrongStage('该督促措施已确认');
  const confirmedOn = requireDate(p.confirmedOn, '确认日期', ctx);
  suggestion.confirmedBy = ctx.actor.userId;
  suggestion.confirmedOn = confirmedOn;
  return new Effects().note({
    clockKey: p.clockKey,
    step: p.step,
    confirmedOn,
    note: p.note,
  });
};

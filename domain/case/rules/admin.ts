/** Actions on the case's handling rather than its procedure: reassignment, notes, publicity, escalation. */
import { hasAnyRole } from '../../roles';
import { CHIEF_ESCALATIONS, openAlerts, type CaseState, type EscalationSuggestion } from '../model';
import type { Payloads } from '../payloads';
import {
  Effects,
  forbidden,
  inForce,
  invalid,
  requireDate,
  wrongStage,
  type Rule,
  type RuleContext,
} from './common';
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

/** The suggested, unconfirmed rung of the ladder the payload names. */
function openSuggestion(state: CaseState, p: { clockKey: string; step: string }): EscalationSuggestion {
  if (!state.escalations.some((e) => !e.confirmedBy)) throw wrongStage('没有待确认的督促措施');
  const suggestion = state.escalations.find((e) => e.clockKey === p.clockKey && e.step === p.step);
  if (!suggestion) throw invalid('该期限没有这一项建议的督促措施');
  if (suggestion.confirmedBy) throw wrongStage('该督促措施已确认');
  return suggestion;
}

/** A head proposes that the chief confirm a rung that is the chief's (检察建议工作规定 art. 25). */
export const proposeEscalation: Rule<'proposeEscalation'> = (state, p, ctx) => {
  const suggestion = openSuggestion(state, p);
  if (!CHIEF_ESCALATIONS.includes(suggestion.step)) throw invalid('该督促措施由部门负责人直接确认，无需提请');
  if (suggestion.proposedBy) throw wrongStage('该督促措施已提请检察长决定');
  const proposedOn = requireDate(p.proposedOn, '提请日期', ctx);
  suggestion.proposedBy = ctx.actor.userId;
  suggestion.proposedOn = proposedOn;
  const fx = new Effects().note({ clockKey: p.clockKey, step: p.step, proposedOn });
  fx.reason = p.note;
  return fx;
};

export const confirmEscalation: Rule<'confirmEscalation'> = (state, p, ctx) => {
  const suggestion = openSuggestion(state, p);
  const chiefs = CHIEF_ESCALATIONS.includes(suggestion.step) && inForce(ctx, 'escalationLadder');
  if (chiefs && !hasAnyRole(ctx.actor.roles, ['chief']))
    throw forbidden('报告上级院、人大，通报同级政府或纪检监察机关须由检察长决定；部门负责人可提请检察长决定');
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

/**
 * The handler, a head, the chief or the case office has seen to an alert: it leaves the open
 * alerts (case page, case list) and stays on the case, acknowledged, with the timeline entry.
 * Refused (like a stage that does not allow it) before its payload is read when nothing is open,
 * so it is offered only then. A mail failure may be acknowledged with `resend`: the case's unsent
 * mail goes out again (and a new alert is raised if it fails again).
 */
export const acknowledgeAlert: Rule<'acknowledgeAlert'> = (state, p, ctx) => {
  const open = openAlerts(state);
  if (open.length === 0) throw wrongStage('案件没有待确认的告警');
  const matching = open.filter((a) => a.at === p.at && a.kind === p.kind && a.subject === p.subject);
  if (matching.length === 0) throw wrongStage('案件没有这条待确认的告警（可能已确认）');
  if (p.resend && p.kind !== 'mail_not_sent') throw invalid('只有“邮件未能发送”的告警可以重新发送');
  const note = p.note ? p.note : null;
  const fx = new Effects().note({ alert: { at: p.at, kind: p.kind, subject: p.subject }, note });
  if (p.resend) {
    fx.note({ resend: true });
    fx.resendMail = true;
  }
  for (const alert of matching) {
    alert.acknowledged = { by: ctx.actor.userId, on: ctx.today, note };
    fx.acknowledgedAlerts.push(alert);
  }
  return fx;
};

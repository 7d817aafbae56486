/** From the lead to the investigation: evaluation, filing (立案) and the investigation record. */
import {
  Effects,
  cancelRunningClocks,
  meetClock,
  moveStage,
  requireDate,
  requireStage,
  startClock,
  wrongStage,
  type Rule,
} from './common';
import { propose, requireNoPendingProposal, takeDecision } from './proposals';

export const startEvaluation: Rule<'startEvaluation'> = (state, p, _ctx) => {
  requireStage(state, ['LEAD'], '开始线索评估');
  const fx = new Effects().note({ note: p.note ?? null });
  moveStage(state, 'evaluation_started', fx);
  return fx;
};

export const proposeFiling: Rule<'proposeFiling'> = (state, p, ctx) => {
  requireStage(state, ['LEAD', 'EVALUATION'], '提请立案');
  requireNoPendingProposal(state);
  const reason = p.reason;
  const proposedOn = propose(
    state,
    ctx,
    'filing',
    { reason },
    {
      proposedOn: p.proposedOn,
      since: { date: state.info.receivedOn, label: '收到线索日期' },
    },
  );
  const fx = new Effects().note({ reason, ...(p.proposedOn && { proposedOn }) });
  moveStage(state, 'filing_proposed', fx);
  return fx;
};

export const decideFiling: Rule<'decideFiling'> = (state, p, ctx) => {
  const { decidedOn, fx } = takeDecision(state, p, ctx, {
    stage: 'EVALUATION',
    action: '决定是否立案',
    kind: 'filing',
    missing: '没有待决定的立案提请',
    since: { date: state.info.receivedOn, label: '收到线索日期' },
  });
  meetClock(state, fx, 'lead_evaluation', decidedOn);
  if (!p.approve) {
    cancelRunningClocks(state, fx, (c) => c.key === 'lead_evaluation');
    moveStage(state, 'filing_refused', fx);
    return fx;
  }
  moveStage(state, 'filing_approved', fx);
  state.info.filedOn = decidedOn;
  // Serving the filing decision on the organ (Rules art. 70) belongs to the administrative track.
  if (state.info.track === 'administrative')
    startClock(fx, { key: 'filing_service', clockId: 'filing_service', start: decidedOn });
  startClock(fx, { key: 'investigation', clockId: 'investigation', start: decidedOn });
  return fx;
};

export const recordFilingService: Rule<'recordFilingService'> = (state, p, ctx) => {
  requireStage(state, ['FILED', 'INVESTIGATION'], '登记立案决定书送达');
  if (state.clocks.filing_service?.status !== 'running') throw wrongStage('立案决定书已登记送达');
  const servedOn = requireDate(p.servedOn, '送达日期', ctx, { date: state.info.filedOn, label: '立案日期' });
  const fx = new Effects().note({ servedOn, organIds: p.organIds });
  state.organIds = unique([...state.organIds, ...p.organIds]);
  meetClock(state, fx, 'filing_service', servedOn);
  return fx;
};

export const recordInvestigation: Rule<'recordInvestigation'> = (state, p, ctx) => {
  requireStage(state, ['FILED', 'INVESTIGATION'], '登记调查情况');
  const on = requireDate(p.on, '调查日期', ctx, { date: state.info.filedOn, label: '立案日期' });
  const fx = new Effects().note({ on, summary: p.summary });
  moveStage(state, 'investigation_recorded', fx);
  return fx;
};

export const recordConsultation: Rule<'recordConsultation'> = (state, p, ctx) => {
  requireStage(state, ['FILED', 'INVESTIGATION'], '登记磋商情况');
  if (state.info.track !== 'administrative') throw wrongStage('磋商仅适用于行政公益诉讼案件');
  const heldOn = requireDate(p.heldOn, '磋商日期', ctx, { date: state.info.filedOn, label: '立案日期' });
  const fx = new Effects().note({
    heldOn,
    organId: p.organId,
    outcome: p.outcome,
    summary: p.summary,
  });
  state.organIds = unique([...state.organIds, p.organId]);
  moveStage(state, 'consultation_held', fx);
  return fx;
};

export function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

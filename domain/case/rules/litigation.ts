/** Litigation review (审查起诉), suit, judgment, appeal and enforcement. */
import type { CivilDate } from '../../period/dates';
import type { CaseState } from '../model';
import {
  Effects,
  cancelRunningClocks,
  inForce,
  invalid,
  meetClock,
  moveStage,
  requireDate,
  requireRuleInForce,
  requireStage,
  startClock,
  wrongStage,
  type Rule,
  type RuleContext,
} from './common';
import { requireDefendants } from './parties';
import { propose, requireNoPendingProposal, takeDecision } from './proposals';
import { closeCase } from './recommendation';

const reviewClockKey = (state: CaseState) =>
  state.info.track === 'civil' ? 'litigation_review_civil' : 'litigation_review_admin';

export const proposeLitigation: Rule<'proposeLitigation'> = (state, p, ctx) => {
  requireStage(state, ['LITIGATION_REVIEW'], '提请提起诉讼');
  requireNoPendingProposal(state);
  const reason = p.reason;
  const organIds = p.organIds;
  if (state.info.track === 'administrative') {
    const failing = new Set(
      state.recommendations.filter((r) => r.outcome === 'non_performance').map((r) => r.organId),
    );
    if (organIds.length === 0) throw invalid('请选择被诉的行政机关');
    const stray = organIds.find((id) => !failing.has(id));
    if (stray) throw invalid(`行政机关 ${stray} 未被认定不依法履职，不能作为被告`);
  }
  // Before civil parties were recorded, a civil suit was proposed with no defendant named.
  const parties = inForce(ctx, 'civilParties') ? { partyIds: p.partyIds } : {};
  if (parties.partyIds) requireDefendants(state, parties.partyIds, organIds);
  const named = parties.partyIds?.length ? parties : {};
  const proposedOn = propose(
    state,
    ctx,
    'litigation',
    { reason, organIds, ...named },
    {
      proposedOn: p.proposedOn,
      since: { date: state.clocks[reviewClockKey(state)]?.request.start, label: '审查起诉期限起算日' },
    },
  );
  return new Effects().note({ reason, organIds, ...named, ...(p.proposedOn && { proposedOn }) });
};

export const decideLitigation: Rule<'decideLitigation'> = (state, p, ctx) => {
  const { proposal, decidedOn, fx } = takeDecision(state, p, ctx, {
    stage: 'LITIGATION_REVIEW',
    action: '决定是否提起诉讼',
    kind: 'litigation',
    missing: '没有待决定的起诉提请',
    refusalTerminates: true,
    since: { date: state.clocks[reviewClockKey(state)]?.request.start, label: '审查起诉期限起算日' },
  });
  fx.note({
    organIds: proposal.organIds ?? [],
    ...(proposal.partyIds ? { partyIds: proposal.partyIds } : {}),
  });
  meetClock(state, fx, reviewClockKey(state), decidedOn);
  if (p.approve !== true) {
    cancelRunningClocks(state, fx, (c) => c.key === reviewClockKey(state));
    moveStage(state, 'litigation_refused', fx);
    return fx;
  }
  state.litigation = {
    organIds: proposal.organIds ?? [],
    ...(proposal.partyIds ? { partyIds: proposal.partyIds } : {}),
    decidedOn,
    instance: 1,
  };
  moveStage(state, 'litigation_approved', fx);
  return fx;
};

export const recordCourtFiling: Rule<'recordCourtFiling'> = (state, p, ctx) => {
  requireStage(state, ['LITIGATION'], '登记向法院起诉');
  const lit = state.litigation!;
  if (lit.filedOn)
    throw wrongStage(lit.instance === 2 ? '二审程序中无需再登记起诉，请登记二审裁判' : '已登记起诉');
  const filedOn = requireDate(p.filedOn, '起诉日期', ctx, { date: lit.decidedOn, label: '决定起诉日期' });
  const servedOn = requireDate(p.servedOn, '起诉书送达法院日期', ctx, { date: filedOn, label: '起诉日期' });
  const fx = fileSuit(state, { court: p.court, filedOn, servedOn });
  // A civil case linked to a criminal one sued on its own (两高批复 法释〔2019〕18号 para. 2).
  if (state.criminalCase) fx.note({ withProsecution: false, caseNumber: state.criminalCase.caseNumber });
  return fx;
};

/** The suit is before the court: its filing recorded and the complaint's report above due in 5 days. */
export function fileSuit(
  state: CaseState,
  filing: { court: string; filedOn: CivilDate; servedOn: CivilDate },
): Effects {
  Object.assign(state.litigation!, filing);
  const fx = new Effects().note(filing);
  startClock(fx, {
    key: 'complaint_report_above',
    clockId: 'complaint_report_above',
    start: filing.servedOn,
  });
  return fx;
}

export const recordComplaintReportedAbove: Rule<'recordComplaintReportedAbove'> = (state, p, ctx) => {
  if (state.clocks.complaint_report_above?.status !== 'running') throw wrongStage('没有待报送上级院的起诉书');
  const reportedOn = requireDate(p.reportedOn, '报送日期', ctx, {
    date: state.litigation?.servedOn,
    label: '送达法院日期',
  });
  state.litigation!.reportedAboveOn = reportedOn;
  const fx = new Effects().note({ reportedOn });
  meetClock(state, fx, 'complaint_report_above', reportedOn);
  return fx;
};

export const recordJudgment: Rule<'recordJudgment'> = (state, p, ctx) => {
  requireStage(state, ['LITIGATION'], '登记裁判结果');
  const lit = state.litigation!;
  if (!lit.filedOn) throw wrongStage('尚未登记起诉，不能登记裁判');
  const since =
    lit.instance === 2
      ? { date: lit.decision?.appealedOn, label: '上诉日期' }
      : { date: lit.filedOn, label: '起诉日期' };
  const decidedOn = requireDate(p.decidedOn, '裁判日期', ctx, since);
  const servedOn = requireDate(p.servedOn, '裁判文书送达日期', ctx, { date: decidedOn, label: '裁判日期' });
  lit.decision = { kind: p.kind, decidedOn, servedOn, outcome: p.outcome };
  const fx = new Effects().note({
    kind: p.kind,
    decidedOn,
    servedOn,
    outcome: p.outcome,
    instance: lit.instance,
    summary: p.summary,
  });
  moveStage(state, 'decision_rendered', fx);
  if (lit.instance === 2) {
    afterFinalDecision(state, fx, servedOn, ctx);
    return fx;
  }
  const clockId = p.kind === 'judgment' ? 'appeal_judgment' : 'appeal_ruling';
  startClock(fx, { key: 'appeal', clockId, start: servedOn });
  return fx;
};

export const recordAppeal: Rule<'recordAppeal'> = (state, p, ctx) => {
  requireStage(state, ['JUDGMENT'], '登记上诉');
  if (state.clocks.appeal?.status !== 'running') throw wrongStage('上诉期限已过或没有可上诉的裁判');
  const lit = state.litigation!;
  const filedOn = requireDate(p.filedOn, '上诉日期', ctx, {
    date: lit.decision?.servedOn,
    label: '裁判送达日期',
  });
  lit.decision!.appealedBy = p.appealedBy;
  lit.decision!.appealedOn = filedOn;
  lit.instance = 2;
  const fx = new Effects().note({ appealedBy: p.appealedBy, filedOn });
  meetClock(state, fx, 'appeal', filedOn);
  moveStage(state, 'appeal_filed', fx);
  return fx;
};

/** The appeal period ran out with no appeal: the decision is final. */
export function appealPeriodEnded(
  state: CaseState,
  fx: Effects,
  on: string,
  ctx: Pick<RuleContext, 'inForce'>,
): void {
  if (state.stage !== 'JUDGMENT') return;
  afterFinalDecision(state, fx, on, ctx);
}

function afterFinalDecision(
  state: CaseState,
  fx: Effects,
  on: string,
  ctx: Pick<RuleContext, 'inForce'>,
): void {
  const outcome = state.litigation?.decision?.outcome;
  if (outcome === 'upheld' || outcome === 'partially_upheld') moveStage(state, 'decision_final_upheld', fx);
  else closeCase(state, 'decision_final_not_upheld', fx, on, ctx);
}

export const recordEnforcement: Rule<'recordEnforcement'> = (state, p, ctx) => {
  requireStage(state, ['ENFORCEMENT'], '登记执行完毕');
  const completedOn = requireDate(p.completedOn, '执行完毕日期', ctx, {
    date: state.litigation?.decision?.servedOn,
    label: '裁判送达日期',
  });
  const fx = new Effects().note({ completedOn, summary: p.summary });
  closeCase(state, 'enforcement_completed', fx, completedOn, ctx);
  return fx;
};

/**
 * The defendant appealed: the court serves the procuratorate a copy of the appeal (上诉状副本),
 * and the appeal is reported to the procuratorate above within 3 days of receiving it (Rules art. 62).
 */
export const recordAppealCopyReceived: Rule<'recordAppealCopyReceived'> = (state, p, ctx) => {
  requireRuleInForce(ctx, 'defendantAppealReport', '登记收到被告上诉状副本');
  requireStage(state, ['LITIGATION'], '登记收到被告上诉状副本');
  const lit = state.litigation!;
  if (lit.instance !== 2 || lit.decision?.appealedBy !== 'defendant')
    throw wrongStage('没有被告提起的上诉，无需登记上诉状副本');
  if (lit.defendantAppeal) throw wrongStage('已登记收到上诉状副本');
  const receivedOn = requireDate(p.receivedOn, '收到上诉状副本日期', ctx, {
    date: lit.decision.appealedOn,
    label: '上诉日期',
  });
  lit.defendantAppeal = { copyReceivedOn: receivedOn };
  const fx = new Effects().note({ receivedOn });
  startClock(fx, { key: 'appeal_report_above', clockId: 'appeal_report_above', start: receivedOn });
  return fx;
};

export const recordAppealReportedAbove: Rule<'recordAppealReportedAbove'> = (state, p, ctx) => {
  const appeal = state.litigation?.defendantAppeal;
  if (!appeal || appeal.reportedAboveOn) throw wrongStage('没有待报告上一级检察院的被告上诉');
  const reportedOn = requireDate(p.reportedOn, '报告日期', ctx, {
    date: appeal.copyReceivedOn,
    label: '收到上诉状副本日期',
  });
  appeal.reportedAboveOn = reportedOn;
  appeal.reportRef = p.reportRef ?? null;
  const fx = new Effects().note({
    receivedOn: appeal.copyReceivedOn,
    reportedOn,
    reportRef: appeal.reportRef,
  });
  meetClock(state, fx, 'appeal_report_above', reportedOn);
  return fx;
};

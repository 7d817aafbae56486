/** Revisit (回头看), termination (终结审查), suspension (中止审查) and resumption (恢复审查). */
import type { CivilDate } from '../../period/dates';
import type { CaseState } from '../model';
import type { Payloads } from '../payloads';
import {
  ADMIN_TERMINATION_GROUNDS,
  CIVIL_TERMINATION_GROUNDS,
  SUIT_RESULTS_BACK_TO_REVIEW,
  TERMINATION_GROUNDS,
  type TerminationGround,
} from '../vocabulary';
import type { ClockId } from '../../period/clocks';
import { LEGACY_SUSPENDABLE_STAGES, SUSPENDABLE_STAGES, TERMINABLE_STAGES } from '../procedure';
import type { Stage } from '../stages';
import {
  Effects,
  cancelRunningClocks,
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

export const recordRevisit: Rule<'recordRevisit'> = (state, p, ctx) => {
  requireStage(state, ['CLOSED', 'REVISIT'], '登记回头看');
  const checkedOn = requireDate(p.checkedOn, '回头看日期', ctx, {
    date: state.info.closedOn,
    label: '结案日期',
  });
  const summary = p.summary;
  const fx = new Effects().note({ checkedOn, result: p.result, summary });
  // Every revisit due is done by this one (a case before revisits per recommendation has one).
  const revisits = Object.values(state.clocks).filter((c) => c.clockId === 'revisit');
  for (const clock of revisits) meetClock(state, fx, clock.key, checkedOn);
  if (p.result === 'sustained') {
    cancelRunningClocks(state, fx, (c) => c.clockId === 'revisit');
    moveStage(state, 'revisit_sustained', fx);
    return fx;
  }
  const organIds = p.organIds;
  const rebounding = state.recommendations.filter(
    (r) => organIds.includes(r.organId) && r.outcome === 'rectified',
  );
  if (rebounding.length === 0 || rebounding.length !== organIds.length) {
    throw invalid('请选择整改后出现反弹的行政机关（须为已认定整改到位的机关）');
  }
  for (const rec of rebounding) {
    Object.assign(rec, {
      status: 'rebound',
      outcome: undefined,
      finding: undefined,
      rebounds: rec.rebounds + 1,
    });
  }
  fx.note({ organIds });
  state.info.closedOn = undefined;
  moveStage(state, 'rectification_rebounded', fx);
  if (inForce(ctx, 'reboundFollowUp')) {
    for (const rec of rebounding) {
      const key = recClockKey('rebound_follow_up', rec);
      startClock(fx, { key, clockId: 'rebound_follow_up', start: checkedOn, recommendationId: rec.id });
    }
  }
  return fx;
};

export const terminate: Rule<'terminate'> = (state, p, ctx) => {
  const { fx } = chiefDecision(state, p, ctx, {
    stages: TERMINABLE_STAGES,
    action: '终结审查',
    dateLabel: '终结日期',
    since: { date: state.info.filedOn, label: '立案日期' },
  });
  const ground = terminationGround(state, p, ctx);
  if (ground) {
    fx.note({ ground, groundLabel: TERMINATION_GROUNDS[ground] });
    if (ground === 'transferred') fx.note({ transferredTo: p.transferredTo });
  }
  state.proposal = undefined;
  cancelRunningClocks(state, fx);
  moveStage(state, ground === 'transferred' ? 'transferred_on_review' : 'terminated', fx);
  return fx;
};

/**
 * The situation a termination names: of Rules art. 74 on an administrative case, of art. 90 on a
 * civil one, or the transfer to another procuratorate that ends a litigation review. Terminations
 * recorded before the rule carry only their reason.
 */
function terminationGround(
  state: CaseState,
  p: Payloads['terminate'],
  ctx: RuleContext,
): TerminationGround | undefined {
  if (!inForce(ctx, 'structuredTermination')) return undefined;
  const ground = p.ground;
  const admin = state.info.track === 'administrative';
  if (!ground) throw invalid(`ground：请选择终结的情形（《办案规则》${admin ? '第七十四条' : '第九十条'}）`);
  if (ground === 'transferred') {
    if (state.stage !== 'LITIGATION_REVIEW')
      throw invalid('ground：只有审查起诉阶段审查终结时可以移送其他人民检察院处理');
    if (!p.transferredTo) throw invalid('transferredTo：请填写接收案件的人民检察院');
    return ground;
  }
  if (p.transferredTo) throw invalid('transferredTo：仅在移送其他人民检察院处理时填写');
  const grounds: Record<string, string> = admin ? ADMIN_TERMINATION_GROUNDS : CIVIL_TERMINATION_GROUNDS;
  if (!(ground in grounds))
    throw invalid(
      `ground：「${TERMINATION_GROUNDS[ground]}」不是${admin ? '行政公益诉讼案件（第七十四条）' : '民事公益诉讼案件（第九十条）'}终结的情形`,
    );
  if (
    ground === 'relatives_object' &&
    inForce(ctx, 'relativesObjectionRecorded') &&
    state.relativesInquiry?.answer !== 'relatives_object'
  )
    throw invalid(
      'ground：本案没有登记英雄烈士等的近亲属不同意人民检察院提起公益诉讼，请先征询近亲属并登记其意见（第九十条第三项）',
    );
  if (ground === 'other_plaintiff_sued' && inForce(ctx, 'civilEndingChecks') && !standingSuit(state))
    throw invalid('ground：本案没有登记其他机关、组织或近亲属提起的诉讼，请先登记适格主体起诉');
  return ground;
}

/** A suit another plaintiff brought that still stands (not withdrawn, not refused for standing). */
const standingSuit = (state: CaseState): boolean =>
  (state.plaintiffSuits ?? []).some((s) => !s.result || !SUIT_RESULTS_BACK_TO_REVIEW.includes(s.result));

/**
 * The clocks a suspension stops (Rules art. 78): the organ's rectification and its follow-up, and
 * the litigation review. The organ's reply period (两高解释 art. 21) and the service and filing
 * duties run on.
 */
export const SUSPENDED_CLOCKS: readonly ClockId[] = [
  'rectification',
  'rebound_follow_up',
  'litigation_review_admin',
];

export const suspend: Rule<'suspend'> = (state, p, ctx) => {
  const art78 = inForce(ctx, 'suspensionArt78');
  if (art78 && state.info.track !== 'administrative')
    throw wrongStage('中止审查仅适用于行政公益诉讼案件（《办案规则》第七十八条）');
  const { decidedOn, fx } = chiefDecision(state, p, ctx, {
    stages: art78 ? SUSPENDABLE_STAGES : LEGACY_SUSPENDABLE_STAGES,
    action: '中止审查',
    dateLabel: '中止日期',
    since: { date: state.info.filedOn, label: '立案日期' },
  });
  state.stageBeforeSuspension = state.stage;
  const stops = (clockId: ClockId) => !art78 || SUSPENDED_CLOCKS.includes(clockId);
  const stopped: string[] = [];
  for (const clock of Object.values(state.clocks)) {
    if (clock.status !== 'running' || !stops(clock.clockId)) continue;
    clock.request.suspensions = [...(clock.request.suspensions ?? []), { from: decidedOn }];
    fx.clockOps.push({ op: 'recompute', key: clock.key });
    stopped.push(clock.key);
  }
  if (art78) {
    state.suspensions = [...(state.suspensions ?? []), { decidedOn }];
    fx.note({ stoppedClocks: stopped });
  }
  moveStage(state, 'suspended', fx);
  return fx;
};

/** The 中止审查决定书 filed with the procuratorate above (Rules art. 78); no period is set for it. */
export const recordSuspensionFiledAbove: Rule<'recordSuspensionFiledAbove'> = (state, p, ctx) => {
  const pending = (state.suspensions ?? []).find((s) => s.filedAboveOn === undefined);
  if (!pending) throw wrongStage('没有待报上级院备案的中止审查决定书');
  const filedOn = requireDate(p.filedOn, '备案日期', ctx, { date: pending.decidedOn, label: '中止日期' });
  pending.filedAboveOn = filedOn;
  pending.reportRef = p.reportRef ?? null;
  return new Effects().note({ suspendedOn: pending.decidedOn, filedOn, reportRef: pending.reportRef });
};

export const resume: Rule<'resume'> = (state, p, ctx) => {
  const suspendedOn = Object.values(state.clocks)
    .flatMap((c) => c.request.suspensions ?? [])
    .find((s) => s.to === undefined)?.from;
  const { decidedOn, fx } = chiefDecision(state, p, ctx, {
    stages: ['SUSPENDED'],
    action: '恢复审查',
    dateLabel: '恢复日期',
    since: { date: suspendedOn, label: '中止日期' },
  });
  for (const clock of Object.values(state.clocks)) {
    const open = clock.request.suspensions?.find((s) => s.to === undefined);
    if (clock.status !== 'running' || !open) continue;
    open.to = decidedOn;
    fx.clockOps.push({ op: 'recompute', key: clock.key });
  }
  const back = state.stageBeforeSuspension;
  if (!back) throw wrongStage('找不到中止前的阶段');
  state.stageBeforeSuspension = undefined;
  moveStage(state, 'resumed', fx, back);
  return fx;
};

/** The opening of the chief's decisions on the whole case: allowed in `stages`, dated, with a reason. */
function chiefDecision(
  state: CaseState,
  p: { decidedOn: CivilDate; reason: string },
  ctx: RuleContext,
  opening: {
    stages: readonly Stage[];
    action: string;
    dateLabel: string;
    since: { date?: CivilDate; label: string };
  },
): { decidedOn: CivilDate; fx: Effects } {
  requireStage(state, opening.stages, opening.action);
  const decidedOn = requireDate(p.decidedOn, opening.dateLabel, ctx, opening.since);
  const fx = new Effects().note({ decidedOn });
  fx.reason = p.reason;
  return { decidedOn, fx };
}

/** Revisit (回头看), termination (终结审查), suspension (中止审查) and resumption (恢复审查). */
import type { CaseState } from '../model';
import type { Payloads } from '../payloads';
import { SUSPENDABLE_STAGES, TERMINABLE_STAGES } from '../procedure';
import {
  Effects,
  cancelRunningClocks,
  invalid,
  meetClock,
  moveStage,
  requireDate,
  requireStage,
  wrongStage,
  type RuleContext,
} from './common';

export function recordRevisit(state: CaseState, p: Payloads['recordRevisit'], ctx: RuleContext): Effects {
  requireStage(state, ['CLOSED', 'REVISIT'], '登记回头看');
  const checkedOn = requireDate(p.checkedOn, '回头看日期', ctx, {
    date: state.info.closedOn,
    label: '结案日期',
  });
  const summary = p.summary;
  const fx = new Effects().note({ checkedOn, result: p.result, summary });
  meetClock(state, fx, 'revisit', checkedOn);
  if (p.result === 'sustained') {
    cancelRunningClocks(state, fx, (c) => c.key === 'revisit');
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
  return fx;
}

export function terminate(state: CaseState, p: Payloads['terminate'], ctx: RuleContext): Effects {
  requireStage(state, TERMINABLE_STAGES, '终结审查');
  const decidedOn = requireDate(p.decidedOn, '终结日期', ctx, {
    date: state.info.filedOn,
    label: '立案日期',
  });
  const fx = new Effects().note({ decidedOn });
  fx.reason = p.reason;
  state.proposal = undefined;
  cancelRunningClocks(state, fx);
  moveStage(state, 'terminated', fx);
  return fx;
}

export function suspend(state: CaseState, p: Payloads['suspend'], ctx: RuleContext): Effects {
  requireStage(state, SUSPENDABLE_STAGES, '中止审查');
  const decidedOn = requireDate(p.decidedOn, '中止日期', ctx, {
    date: state.info.filedOn,
    label: '立案日期',
  });
  const fx = new Effects().note({ decidedOn });
  fx.reason = p.reason;
  state.stageBeforeSuspension = state.stage;
  for (const clock of Object.values(state.clocks)) {
    if (clock.status !== 'running') continue;
    clock.request.suspensions = [...(clock.request.suspensions ?? []), { from: decidedOn }];
    fx.clockOps.push({ op: 'recompute', key: clock.key });
  }
  moveStage(state, 'suspended', fx);
  return fx;
}

export function resume(state: CaseState, p: Payloads['resume'], ctx: RuleContext): Effects {
  requireStage(state, ['SUSPENDED'], '恢复审查');
  const since = Object.values(state.clocks)
    .flatMap((c) => c.request.suspensions ?? [])
    .find((s) => s.to === undefined)?.from;
  const decidedOn = requireDate(p.decidedOn, '恢复日期', ctx, { date: since, label: '中止日期' });
  const fx = new Effects().note({ decidedOn });
  fx.reason = p.reason;
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
}

/** Changes to a clock itself (extension, excluded days) and what happens when one runs out. */
import { addDays, compareDates, daysBetween, type CivilDate } from '../../period/dates';
import type { PeriodLength } from '../../period/request';
import { hasAnyRole } from '../../roles';
import type { CaseState, ClockState } from '../model';
import { EXCLUSION_KINDS, type Payloads } from '../payloads';
import {
  Effects,
  inForce,
  forbidden,
  invalid,
  laterOf,
  moveStage,
  requireDate,
  runningClock,
  wrongStage,
  type Rule,
  type RuleContext,
} from './common';
import { appealPeriodEnded } from './litigation';
import { moveToFollowUpWhenAllAnswered } from './recommendation';

export const extendDeadline: Rule<'extendDeadline'> = (state, p, ctx) => {
  // Every extension is a head's (internal targets) or the chief's (statutory periods).
  if (!hasAnyRole(ctx.actor.roles, ['head', 'chief'])) throw forbidden('延长期限须由部门负责人或检察长决定');
  if (!Object.values(state.clocks).some((c) => c.status === 'running'))
    throw wrongStage('本案没有进行中的期限');
  const clock = runningClock(state, p.clockKey);
  if (p.until !== undefined && clock.due !== null && compareDates(p.until, clock.due) <= 0)
    throw invalid(`延长至的日期（${p.until}）须晚于现在的届满日（${clock.due}）`);
  const basis = p.basis;
  const reason = p.reason;
  checkExtensionAuthority(clock, p, ctx);
  const fx = new Effects().note({
    clockKey: clock.key,
    by: p.by ?? null,
    until: p.until ?? null,
    basis,
    superiorApprovalRef: p.superiorApprovalRef ?? null,
  });
  fx.reason = reason;
  grantExtension(clock, { ...(p.by ? { by: p.by } : { until: p.until! }), basis, reason }, ctx, fx);
  return fx;
};

/** An extension granted: its new end replaces the old once the clock is recomputed. */
export function grantExtension(
  clock: ClockState,
  ext: ({ by: PeriodLength } | { until: CivilDate }) & { basis: string; reason: string },
  ctx: RuleContext,
  fx: Effects,
): void {
  clock.request.extensions = [
    ...(clock.request.extensions ?? []),
    // Dated, so a later suspension or exclusion is applied after it, not before.
    { ...ext, decidedOn: ctx.today, grantedBy: ctx.actor.userId },
  ];
  clock.extensionsGranted += 1;
  fx.clockOps.push({ op: 'recompute', key: clock.key });
}

/** Who may extend: the catalogue says so for statutory clocks; internal targets need a head or the chief. */
function checkExtensionAuthority(
  clock: CaseState['clocks'][string],
  p: Payloads['extendDeadline'],
  ctx: RuleContext,
): void {
  if (clock.target === 'internal' || clock.clockId === 'rectification') {
    if (!hasAnyRole(ctx.actor.roles, ['head', 'chief']))
      throw forbidden('延长内部期限须由部门负责人或检察长决定');
    return;
  }
  const ext = clock.extension;
  if (!ext) throw invalid(`${clock.key} 是法定期限，不得延长`);
  if (!hasAnyRole(ctx.actor.roles, [ext.grantedBy as 'chief'])) throw forbidden('延长该期限须由检察长决定');
  const beyondOwnPower =
    clock.extensionsGranted >= 1 ||
    p.until !== undefined ||
    p.by?.unit !== ext.by.unit ||
    (p.by?.count ?? 0) > ext.by.count;
  if (beyondOwnPower && !p.superiorApprovalRef?.trim()) {
    throw invalid(
      `检察长只能延长一次、不超过${ext.by.count}${ext.by.unit === 'months' ? '个月' : '日'}；再延长须报${ext.beyond}批准，请填写批准文号`,
    );
  }
}

const EXCLUDABLE = ['litigation_review_admin', 'litigation_review_civil', 'investigation'];

export const addExcludedDays: Rule<'addExcludedDays'> = (state, p, ctx) => {
  requireExcludableClock(state);
  const clock = excludableClock(state, p.clockKey);
  const from = requireDate(p.from, '开始日期', ctx, { date: clock.request.start, label: '期限起算事件日期' });
  const to = requireDate(p.to, '结束日期', ctx, { date: from, label: '开始日期' });
  const overlapping = (clock.exclusions ?? []).find((e) => from <= (e.to ?? to) && e.from <= to);
  if (overlapping) throw invalid(`该期间与已扣除的 ${spanText(overlapping)} 重叠，不能重复扣除`);
  const dated = inForce(ctx, 'datedExclusions');
  // Dated spans follow the suspensions' convention (to − from days, and none before the period's
  // first day); spans recorded before counted both end days.
  const days = dated
    ? daysBetween(laterOf(from, addDays(clock.request.start, 1)), to)
    : daysBetween(from, to) + 1;
  clock.exclusions = [...(clock.exclusions ?? []), { from, to, kind: p.kind }];
  if (dated) {
    clock.request.exclusions = [
      ...(clock.request.exclusions ?? []),
      { from, to, label: EXCLUSION_KINDS[p.kind] },
    ];
  } else {
    clock.request.excludedDays = (clock.request.excludedDays ?? 0) + days;
  }
  const fx = new Effects().note({
    clockKey: clock.key,
    kind: p.kind,
    kindLabel: EXCLUSION_KINDS[p.kind],
    from,
    to,
    days,
    note: p.note ?? '',
  });
  fx.clockOps.push({ op: 'recompute', key: clock.key });
  return fx;
};

/** Checked before the payload is read (so the action is offered only where it may be taken). */
export function requireExcludableClock(state: CaseState): void {
  if (!Object.values(state.clocks).some((c) => c.status === 'running' && EXCLUDABLE.includes(c.clockId)))
    throw wrongStage('没有进行中的审查起诉期限或调查期限，无可扣除的期间');
}

/** A running litigation review or investigation clock: the ones Rules art. 48 lets appraisal time off. */
export function excludableClock(state: CaseState, key: string): ClockState {
  const clock = runningClock(state, key);
  if (!EXCLUDABLE.includes(clock.clockId))
    throw invalid('只有审查起诉期限和调查期限可以扣除鉴定等期间（《办案规则》第四十八条）');
  return clock;
}

const spanText = (span: { from: CivilDate; to?: CivilDate }) =>
  span.to ? `${span.from} 至 ${span.to}` : `${span.from} 起（尚未结束）`;

/** The consequence of a clock running out, applied once by the workflow (24:00 of the due day). */
export function onClockExpired(
  state: CaseState,
  key: string,
  today: string,
  ctx: Pick<RuleContext, 'inForce'> = {},
): Effects {
  const clock = state.clocks[key];
  const fx = new Effects().note({ clockKey: key, due: clock?.due ?? null });
  if (!clock || clock.status !== 'running') return fx;
  clock.expiryHandled = true;
  if (clock.clockId === 'reply') {
    const rec = state.recommendations.find((r) => r.id === clock.recommendationId);
    if (rec?.status === 'served') rec.status = 'reply_overdue';
    moveToFollowUpWhenAllAnswered(state, fx);
  } else if (clock.clockId === 'appeal_judgment' || clock.clockId === 'appeal_ruling') {
    fx.clockOps.push({ op: 'lapse', key });
    appealPeriodEnded(state, fx, today, ctx);
  } else if (clock.clockId === 'revisit' && state.stage === 'CLOSED') {
    moveStage(state, 'revisit_period_ended', fx);
  }
  return fx;
}

export function requireNotFinal(state: CaseState, action: string): void {
  if (['REJECTED', 'TERMINATED', 'ARCHIVED'].includes(state.stage))
    throw wrongStage(`案件已结束，不能${action}`);
}

/**
 * An appraisal (鉴定) or other commissioned work still under way (Rules art. 48): the review or
 * investigation clock stands still from the day it starts, so it neither runs out nor counts as
 * overdue meanwhile; when it ends, counting resumes that day and its days are excluded.
 */
import type { ClockState } from '../model';
import { EXCLUSION_KINDS } from '../payloads';
import { excludableClock, requireExcludableClock } from './clocks';
import { Effects, inForce, invalid, requireDate, wrongStage, type Rule } from './common';

export const startAppraisal: Rule<'startAppraisal'> = (state, p, ctx) => {
  requireExcludableClock(state);
  if (!inForce(ctx, 'datedExclusions')) throw wrongStage('本案请在鉴定等结束后登记扣除期间');
  const clock = excludableClock(state, p.clockKey);
  const running = openSpan(clock);
  if (running) throw invalid(`${running.label}自 ${running.from} 起尚未结束，请先登记其结束`);
  const from = requireDate(p.startedOn, '开始日期', ctx, {
    date: clock.request.start,
    label: '期限起算事件日期',
  });
  const later = (clock.exclusions ?? []).find((e) => e.to !== undefined && from < e.to);
  if (later) throw invalid(`开始日期（${from}）早于已扣除的 ${later.from} 至 ${later.to} 的结束日期`);
  const label = EXCLUSION_KINDS[p.kind];
  clock.exclusions = [...(clock.exclusions ?? []), { from, kind: p.kind }];
  clock.request.exclusions = [...(clock.request.exclusions ?? []), { from, label }];
  const fx = new Effects().note({
    clockKey: clock.key,
    kind: p.kind,
    kindLabel: label,
    from,
    note: p.note ?? '',
  });
  fx.clockOps.push({ op: 'recompute', key: clock.key });
  return fx;
};

export const endAppraisal: Rule<'endAppraisal'> = (state, p, ctx) => {
  if (!Object.values(state.clocks).some((c) => c.status === 'running' && openSpan(c)))
    throw wrongStage('没有正在进行的鉴定等期间');
  const clock = excludableClock(state, p.clockKey);
  const running = openSpan(clock);
  if (!running) throw invalid(`期限 ${clock.key} 没有正在进行的鉴定等期间`);
  const to = requireDate(p.endedOn, '结束日期', ctx, { date: running.from, label: '开始日期' });
  const span = clock.exclusions!.find((e) => e.to === undefined)!;
  span.to = to;
  const excluded = clock.request.exclusions!.find((e) => e.to === undefined)!;
  excluded.to = to;
  const fx = new Effects().note({
    clockKey: clock.key,
    kind: span.kind,
    kindLabel: running.label,
    from: span.from,
    to,
  });
  fx.clockOps.push({ op: 'recompute', key: clock.key });
  return fx;
};

function openSpan(clock: ClockState): { from: string; label: string } | undefined {
  const open = clock.exclusions?.find((e) => e.to === undefined);
  if (!open) return undefined;
  return { from: open.from, label: EXCLUSION_KINDS[open.kind as keyof typeof EXCLUSION_KINDS] ?? '鉴定' };
}

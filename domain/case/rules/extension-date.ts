/**
 * An extension recorded before extensions carried their date (an undated extension) is applied
 * after every dated event, so a suspension or excluded span after it may be read against the old
 * end. The chief records the day it was granted; the clock is then counted in the order things
 * happened, and the timeline says which extension was dated and what its due day was before.
 */
import {
  Effects,
  invalid,
  requireDate,
  requireRuleInForce,
  runningClock,
  wrongStage,
  type Rule,
} from './common';
import type { CaseState } from '../model';

/** The running clocks with an extension that has no date, by key. */
export function undatedExtensions(state: CaseState): { key: string; numbers: number[] }[] {
  return Object.values(state.clocks)
    .filter((c) => c.status === 'running')
    .map((c) => ({
      key: c.key,
      numbers: (c.request.extensions ?? []).flatMap((e, i) => (e.decidedOn === undefined ? [i + 1] : [])),
    }))
    .filter((c) => c.numbers.length > 0);
}

export const dateExtension: Rule<'dateExtension'> = (state, p, ctx) => {
  const action = '补记延长决定日期';
  requireRuleInForce(ctx, 'undatedExtensionCorrection', action);
  if (undatedExtensions(state).length === 0) throw wrongStage('本案进行中的期限没有未注明决定日期的延长');
  const clock = runningClock(state, p.clockKey);
  const extensions = clock.request.extensions ?? [];
  const extension = extensions[p.extension - 1];
  if (!extension) throw invalid(`extension：${clock.key} 只有 ${extensions.length} 次延长`);
  if (extension.decidedOn !== undefined)
    throw invalid(`extension：第 ${p.extension} 次延长已注明决定日期（${extension.decidedOn}），无需补记`);
  const decidedOn = requireDate(p.decidedOn, '延长决定日期', ctx, {
    date: clock.request.start,
    label: '期限起算日',
  });
  const earlier = extensions
    .slice(0, p.extension - 1)
    .map((e) => e.decidedOn)
    .filter((d): d is string => d !== undefined)
    .sort();
  const latest = earlier[earlier.length - 1];
  if (latest && decidedOn < latest) throw invalid(`decidedOn：不能早于此前一次延长的决定日期（${latest}）`);
  extension.decidedOn = decidedOn;
  const fx = new Effects().note({
    clockKey: clock.key,
    extension: p.extension,
    decidedOn,
    dueBefore: clock.due,
  });
  fx.reason = p.reason;
  fx.clockOps.push({ op: 'recompute', key: clock.key });
  return fx;
};

// 中止审查 / 恢复审查 (Rules art. 78): the clock stands still from suspension until resumption.
// The suspension day does not count and counting resumes on the resumption day, so a closed
// suspension pushes the end back by (to − from) days. A suspension that begins after the end
// as it stands cannot stop a clock that has already run out, and is shown but not counted.
import { addDays, compareDates, daysBetween, maxDate, type CivilDate } from './dates';
import type { ExplanationStep } from './explanation';
import type { Suspension } from './request';

export interface SuspensionOutcome {
  end: CivilDate;
  steps: ExplanationStep[];
  /** Set while a suspension is still open. */
  open?: { since: CivilDate; daysLeftAfterResumption: number };
}

/** Overlapping or touching suspensions are one suspension, so no day is counted twice. */
export function mergeSuspensions(suspensions: readonly Suspension[]): Suspension[] {
  const sorted = [...suspensions].sort((a, b) => compareDates(a.from, b.from));
  const merged: Suspension[] = [];
  for (const next of sorted) {
    const last = merged[merged.length - 1];
    if (last === undefined || (last.to !== undefined && compareDates(next.from, last.to) > 0)) {
      merged.push({ ...next });
    } else if (last.to !== undefined) {
      last.to = next.to === undefined ? undefined : maxDate(last.to, next.to);
    }
  }
  return merged;
}

function step(text: string, date?: CivilDate): ExplanationStep {
  return date === undefined ? { kind: 'suspended', text } : { kind: 'suspended', text, date };
}

export function applySuspensions(
  start: CivilDate,
  end: CivilDate,
  suspensions: readonly Suspension[],
): SuspensionOutcome {
  const steps: ExplanationStep[] = [];
  let current = end;
  for (const { from, to } of mergeSuspensions(suspensions)) {
    if (compareDates(from, current) > 0) {
      steps.push(step(`${from} 中止审查时期限已于 ${current} 届满，中止不影响期限`));
      continue;
    }
    const effectiveFrom = maxDate(from, start);
    if (to === undefined) {
      const daysLeft = daysBetween(effectiveFrom, current);
      const text =
        `自 ${from} 起中止审查，尚未恢复：期限停止计算，` +
        `恢复审查之日后第 ${daysLeft} 日届满（遇休息日顺延）（《人民检察院公益诉讼办案规则》第七十八条）`;
      return {
        end: current,
        steps: [...steps, step(text)],
        open: { since: from, daysLeftAfterResumption: daysLeft },
      };
    }
    const days = Math.max(0, daysBetween(effectiveFrom, to));
    const next = addDays(current, days);
    steps.push(
      step(
        `${from} 中止审查，${to} 恢复审查：中止期间 ${days} 日不计入期限，届满日 ${current} → ${next}`,
        next,
      ),
    );
    current = next;
  }
  return { end: current, steps };
}

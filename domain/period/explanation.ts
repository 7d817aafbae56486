// The Chinese explanation that travels with every computed deadline.
import { addDays, weekdayName, type CivilDate } from './dates';
import type { PeriodLength } from './request';

export type StepKind =
  'start' | 'raw_end' | 'excluded' | 'suspended' | 'extension' | 'rollover' | 'provisional' | 'makeup_rule';

export interface ExplanationStep {
  kind: StepKind;
  /** Simplified Chinese, shown to users as is. */
  text: string;
  /** The end (or due) date as it stands after this step, where the step moves it. */
  date?: CivilDate;
}

export function periodText(length: PeriodLength): string {
  return length.unit === 'days' ? `${length.count}日` : `${length.count}个月`;
}

export function dateWithWeekday(date: CivilDate): string {
  return `${date}（${weekdayName(date)}）`;
}

export function startStep(start: CivilDate): ExplanationStep {
  const first = addDays(start, 1);
  return {
    kind: 'start',
    text: `期间自 ${first} 起算（民事诉讼法第85条：期间开始之日不计算在内）`,
    date: first,
  };
}

export function rawEndStep(length: PeriodLength, end: CivilDate, clamped: boolean): ExplanationStep {
  let basis = '';
  if (length.unit === 'months') {
    basis = clamped
      ? '（民法典第202条：到期月没有对应日的，以该月最后一日为期间最后一日）'
      : '（民法典第202条：到期月的对应日为期间最后一日）';
  }
  return {
    kind: 'raw_end',
    text: `期间${periodText(length)}，至 ${dateWithWeekday(end)}届满${basis}`,
    date: end,
  };
}

export function excludedStep(days: number, from: CivilDate, to: CivilDate): ExplanationStep {
  const text =
    `鉴定、评估、审计、检验、检测、翻译等期间共 ${days} 日不计入期限` +
    `（《人民检察院公益诉讼办案规则》第四十八条）：届满日 ${from} → ${to}`;
  return { kind: 'excluded', text, date: to };
}

/** 'a → b', without a space before the arrow after a closing full-width bracket. */
export function arrow(left: string, right: string): string {
  return `${left}${left.endsWith('）') ? '' : ' '}→ ${right}`;
}

/** '2026-10-05 国庆节 → 2026-10-08'; '2027-02-28 星期日（…）→ 2027-03-01'. */
export function rolloverText(end: CivilDate, description: string, due: CivilDate): string {
  return arrow(`${end} ${description}`, due);
}

export function provisionalStep(missingYears: number[]): ExplanationStep {
  const years = missingYears.map((year) => `${year}年`).join('、');
  return {
    kind: 'provisional',
    text: `${years}节假日安排尚未载入：本期限为暂定期限（该年仅按周末计算），载入后将重新计算`,
  };
}

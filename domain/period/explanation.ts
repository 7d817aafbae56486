// The Chinese explanation that travels with every computed deadline.
import { DEFAULT_STOP_DAY_COUNTING, STOP_DAY_COUNTING, type StopDayCounting } from './stop-counting';
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

/**
 * An extension by months counts from the end as it stands, by that end's day-number: from a
 * month end already shortened (01-31 + 1 个月 = 02-28) one month more is 03-28, not 03-31.
 */
export function extensionStep(
  extension: {
    by?: PeriodLength;
    until?: CivilDate;
    grantedBy: string;
    basis: string;
    reason: string;
    decidedOn?: CivilDate;
  },
  end: CivilDate,
  next: CivilDate,
  options: { clamped: boolean; fromClampedEnd: boolean },
): ExplanationStep {
  const what = extension.by !== undefined ? `延长${periodText(extension.by)}` : `延长至 ${next}`;
  const when = extension.decidedOn ? `${extension.decidedOn} ` : '';
  const earlier = next < end ? '（注意：早于此前计算的届满日）' : '';
  let counting = '';
  if (extension.by?.unit === 'months') {
    counting = options.fromClampedEnd
      ? `（自此前届满日 ${end} 起按月计算：此前届满日已因到期月没有对应日而定为月末，延长按 ${end.slice(8)} 日计算，不恢复原起算日的日数）`
      : options.clamped
        ? '（民法典第202条：到期月没有对应日的，以该月最后一日为期间最后一日）'
        : '';
  }
  const text =
    `${when}${what}（批准：${extension.grantedBy}；依据：${extension.basis}；理由：${extension.reason}）：` +
    `届满日 ${end} → ${next}${counting}${earlier}`;
  return { kind: 'extension', text, date: next };
}

const stopBasis = (kind: 'suspension' | 'exclusion') =>
  kind === 'suspension'
    ? '《人民检察院公益诉讼办案规则》第七十八条'
    : '《人民检察院公益诉讼办案规则》第四十八条';

const bothEnds = (rule?: { counting: StopDayCounting }) => rule?.counting === 'exclude_both_end_days';

/** The day-counting convention the stop was counted by, and the period policy that set it. */
function stopRuleText(rule?: { counting: StopDayCounting; policyVersion?: string }): string {
  const text = STOP_DAY_COUNTING[rule?.counting ?? DEFAULT_STOP_DAY_COUNTING];
  return rule?.policyVersion ? `${text}，期间计算政策 ${rule.policyVersion}` : text;
}

/** A stop (excluded span or suspension) as the explanation tells it. */
export function stopStep(input: {
  stop: { kind: 'suspension' | 'exclusion'; from: CivilDate; to?: CivilDate; label?: string };
  outcome: 'counted' | 'after_end' | 'open';
  end: CivilDate;
  next?: CivilDate;
  days?: number;
  overlap?: number;
  rule?: { counting: StopDayCounting; policyVersion?: string };
}): ExplanationStep {
  const { stop, outcome, end } = input;
  const kind: StepKind = stop.kind === 'suspension' ? 'suspended' : 'excluded';
  const what = stop.kind === 'suspension' ? '中止审查' : `${stop.label ?? '鉴定等'}期间`;
  if (outcome === 'after_end') {
    return { kind, text: `${stop.from} 开始${what}时期限已于 ${end} 届满，不影响期限` };
  }
  if (outcome === 'open') {
    const state = stop.kind === 'suspension' ? '中止审查，尚未恢复' : `${stop.label ?? '鉴定'}中，尚未结束`;
    const endDay = stop.kind === 'suspension' ? '恢复审查之日' : `${stop.label ?? '鉴定'}结束之日`;
    const resume = bothEnds(input.rule) ? `${endDay}的次日` : endDay;
    return {
      kind,
      text:
        `自 ${stop.from} 起${state}：期限停止计算，` +
        `${resume}后第 ${input.days ?? 0} 日届满（遇休息日顺延）（${stopBasis(stop.kind)}；${stopRuleText(input.rule)}）`,
    };
  }
  const span =
    stop.kind === 'suspension'
      ? `${stop.from} 中止审查，${stop.to} 恢复审查`
      : `${stop.from} 至 ${stop.to} ${what}`;
  const overlap = input.overlap ? `，其中 ${input.overlap} 日已在此前中止或扣除的期间内，不重复计算` : '';
  return {
    kind,
    text:
      `${span}：${input.days ?? 0} 日不计入期限（${stopBasis(stop.kind)}；${stopRuleText(input.rule)}${overlap}）：` +
      `届满日 ${end} → ${input.next ?? end}`,
    date: input.next ?? end,
  };
}

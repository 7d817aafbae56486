/**
 * The outcomes the statistics count (the `statistics_outcomes` view, migration 455) and their
 * labels, shared by the API, the report and the web app.
 */
export const STATISTICS_OUTCOMES = {
  rectified: '认定整改到位',
  non_performance: '认定未依法履职',
  rebound: '回头看发现反弹',
  sued: '提起诉讼',
  judgment_upheld: '判决支持起诉请求',
  judgment_partially_upheld: '判决部分支持',
  judgment_dismissed: '判决驳回',
  judgment_withdrawn: '撤回起诉',
  terminated: '终结审查',
} as const;
export type StatisticsOutcome = keyof typeof STATISTICS_OUTCOMES;
export const STATISTICS_OUTCOME_KEYS = Object.keys(STATISTICS_OUTCOMES) as [
  StatisticsOutcome,
  ...StatisticsOutcome[],
];

/** The figures a drill-down lists the cases of (store/statistics-cases.ts). */
export const STATISTICS_FIGURES = [
  'received',
  'filed',
  'outcome',
  'reason',
  'issued',
  'replied',
  'overdue',
] as const;
export type StatisticsFigure = (typeof STATISTICS_FIGURES)[number];

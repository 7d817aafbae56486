/** Period statistics for reports upward (seed part 2.1) and similar-case analysis (part 4.2). */
import type { Db } from '../../store/pool';
import {
  casesByDomain,
  casesByStage,
  organRecords,
  overdueByMonth,
  recommendationOutcomes,
  type OrganRecordRow,
} from '../../store/statistics';
import { repeatOffenderThreshold } from '../../store/statistics-policy';
import { STAGE_LABELS, type Stage } from '../../domain/case/stages';
import { shanghaiDate } from '../../domain/time';
import { csvDocument } from '../csv';
import { problems } from '../problem';

export const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);

/**
 * An organ whose non-performance findings and rebounds in the period reach the procuratorate's
 * threshold is a repeat offender (seed part 2.3).
 */
export const presentOrganRecord = (threshold: number) => (r: OrganRecordRow) => ({
  organId: r.organ_id,
  name: r.name,
  recommendations: r.recommendations,
  served: r.served,
  repliedOnTime: r.replied_on_time,
  repliedLate: r.replied_late,
  noReply: r.no_reply,
  rectified: r.rectified,
  nonPerformance: r.non_performance,
  rebounds: r.rebounds,
  litigatedCases: r.litigated_cases,
  onTimeReplyRate: rate(r.replied_on_time, r.replied_on_time + r.replied_late + r.no_reply),
  rectificationRate: rate(r.rectified, r.rectified + r.non_performance),
  repeatOffender: r.non_performance + r.rebounds >= threshold,
});

export type StatisticsDeps = { db: Db; now: () => Date };
type Deps = StatisticsDeps;

/** The requested period (default: this year so far), refused when it runs backwards. */
export function periodOf(deps: Deps, query: { from?: string; to?: string }) {
  const today = shanghaiDate(deps.now());
  const period = { from: query.from ?? `${today.slice(0, 4)}-01-01`, to: query.to ?? today };
  if (period.from > period.to)
    throw problems.validation('开始日期晚于结束日期', [{ path: 'from', message: '晚于 to' }]);
  return { period, today };
}

/** Every organ's record in the period, repeat offenders flagged by the procuratorate's threshold. */
export async function organTable(deps: Deps, pid: string, query: { from?: string; to?: string }) {
  const { period, today } = periodOf(deps, query);
  const [rows, threshold] = await Promise.all([
    organRecords(deps.db, pid, period, today),
    repeatOffenderThreshold(deps.db, pid),
  ]);
  return { period, repeatOffenderThreshold: threshold, items: rows.map(presentOrganRecord(threshold)) };
}

export type PeriodSummary = Awaited<ReturnType<typeof periodSummary>>;

/** The procuratorate's figures for a period (default: this year so far). */
export async function periodSummary(deps: Deps, pid: string, query: { from?: string; to?: string }) {
  const { period } = periodOf(deps, query);
  const [byStage, byDomain, overdue, recommendations, organs] = await Promise.all([
    casesByStage(deps.db, pid, period),
    casesByDomain(deps.db, pid, period),
    overdueByMonth(deps.db, pid, period),
    recommendationOutcomes(deps.db, pid, period),
    organTable(deps, pid, period),
  ]);
  return {
    period,
    byStage: byStage.map((r) => ({ stage: r.stage, count: r.n })),
    byDomain: byDomain.map((r) => ({
      domainCode: r.domain_code,
      name: r.name,
      count: r.filed,
      received: r.received,
    })),
    overdueByMonth: overdue.map((r) => ({ month: r.month, count: r.n })),
    recommendations: {
      total: recommendations.recommendations,
      rectified: recommendations.rectified,
      nonPerformance: recommendations.non_performance,
      litigated: recommendations.litigated,
    },
    repeatOffenderThreshold: organs.repeatOffenderThreshold,
    organs: organs.items,
  };
}

/** The summary as sections of one CSV file, headed in Chinese. */
export function reportCsv(s: PeriodSummary): string {
  const pct = (r: number | null) => (r === null ? '' : `${Math.round(r * 1000) / 10}%`);
  const r = s.recommendations;
  return csvDocument([
    ['统计期间', s.period.from, s.period.to],
    [],
    ['案件阶段（期间内受理的线索）', '数量'],
    ...s.byStage.map((x) => [STAGE_LABELS[x.stage as Stage] ?? x.stage, x.count]),
    [],
    ['领域', '立案', '受理线索'],
    ...s.byDomain.map((x) => [x.name ?? x.domainCode, x.count, x.received]),
    [],
    ['制发检察建议', '认定整改到位', '认定不履职', '起诉案件'],
    [r.total, r.rectified, r.nonPerformance, r.litigated],
    [],
    ['月份', '期限届满未完成（按期限末日）'],
    ...s.overdueByMonth.map((x) => [x.month, x.count]),
    [],
    [
      '行政机关',
      '收到检察建议',
      '按期回复率',
      '整改到位率',
      '不履职',
      '反弹',
      '被诉案件',
      `屡次不履职（≥${s.repeatOffenderThreshold}次）`,
    ],
    ...s.organs.map((o) => [
      o.name,
      o.recommendations,
      pct(o.onTimeReplyRate),
      pct(o.rectificationRate),
      o.nonPerformance,
      o.rebounds,
      o.litigatedCases,
      o.repeatOffender ? '是' : '',
    ]),
  ]);
}

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
import { STAGE_LABELS, type Stage } from '../../domain/case/stages';
import { shanghaiDate } from '../../domain/time';
import { csvDocument } from '../csv';
import { problems } from '../problem';

/** An organ that failed or rebounded at least twice is a repeat offender (seed part 2.3). */
const REPEAT_THRESHOLD = 2;

const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);

export function presentOrganRecord(r: OrganRecordRow) {
  return {
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
    onTimeReplyRate: rate(r.replied_on_time, r.served),
    rectificationRate: rate(r.rectified, r.rectified + r.non_performance),
    repeatOffender: r.non_performance + r.rebounds >= REPEAT_THRESHOLD,
  };
}

export type PeriodSummary = Awaited<ReturnType<typeof periodSummary>>;

/** The procuratorate's figures for a period (default: this year so far). */
export async function periodSummary(
  deps: { db: Db; now: () => Date },
  pid: string,
  query: { from?: string; to?: string },
) {
  const today = shanghaiDate(deps.now());
  const period = { from: query.from ?? `${today.slice(0, 4)}-01-01`, to: query.to ?? today };
  if (period.from > period.to)
    throw problems.validation('开始日期晚于结束日期', [{ path: 'from', message: '晚于 to' }]);
  const [byStage, byDomain, overdue, recommendations, organs] = await Promise.all([
    casesByStage(deps.db, pid, period),
    casesByDomain(deps.db, pid, period),
    overdueByMonth(deps.db, pid, period),
    recommendationOutcomes(deps.db, pid, period),
    organRecords(deps.db, pid),
  ]);
  return {
    period,
    byStage: byStage.map((r) => ({ stage: r.stage, count: r.n })),
    byDomain: byDomain.map((r) => ({ domainCode: r.domain_code, name: r.name, count: r.n })),
    overdueByMonth: overdue.map((r) => ({ month: r.month, count: r.n })),
    recommendations: {
      total: recommendations.recommendations,
      rectified: recommendations.rectified,
      nonPerformance: recommendations.non_performance,
      litigated: recommendations.litigated,
    },
    organs: organs.map(presentOrganRecord),
  };
}

/** The summary as sections of one CSV file, headed in Chinese. */
export function reportCsv(s: PeriodSummary): string {
  const pct = (r: number | null) => (r === null ? '' : `${Math.round(r * 1000) / 10}%`);
  const r = s.recommendations;
  return csvDocument([
    ['统计期间', s.period.from, s.period.to],
    [],
    ['案件阶段', '数量'],
    ...s.byStage.map((x) => [STAGE_LABELS[x.stage as Stage] ?? x.stage, x.count]),
    [],
    ['领域', '数量'],
    ...s.byDomain.map((x) => [x.name ?? x.domainCode, x.count]),
    [],
    ['检察建议总数', '整改到位', '不履职', '提起诉讼'],
    [r.total, r.rectified, r.nonPerformance, r.litigated],
    [],
    ['月份', '期限届满未完成'],
    ...s.overdueByMonth.map((x) => [x.month, x.count]),
    [],
    ['行政机关', '收到检察建议', '按期回复率', '整改到位率', '不履职', '反弹', '被诉案件', '屡次不履职'],
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

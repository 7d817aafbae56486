/** 类案分析 (seed part 4.2): what the period's cases came to, by domain, organ, source and track. */
import { LEGACY_NON_PERFORMANCE_REASONS, NON_PERFORMANCE_REASONS } from '../../domain/case/vocabulary';
import { STATISTICS_OUTCOMES, type StatisticsOutcome } from '../../domain/case/statistics';
import { LEAD_SOURCES, type LeadSource } from '../../domain/case/stages';
import type { Db } from '../../store/pool';
import {
  domainOutcomes,
  filedByTrack,
  leadSources,
  nonPerformanceReasons,
  organOutcomes,
  replyFigures,
} from '../../store/statistics-analysis';
import { organTable, periodOf, rate } from './summary';

const REASON_LABELS: Record<string, string> = {
  ...NON_PERFORMANCE_REASONS,
  ...LEGACY_NON_PERFORMANCE_REASONS,
};
const outcomeLabel = (o: string) => STATISTICS_OUTCOMES[o as StatisticsOutcome] ?? o;

export async function similarCaseAnalysis(
  deps: { db: Db; now: () => Date },
  pid: string,
  query: { from?: string; to?: string },
) {
  const { period } = periodOf(deps, query);
  const [byDomain, byOrgan, sources, tracks, reasons, replies, organs] = await Promise.all([
    domainOutcomes(deps.db, pid, period),
    organOutcomes(deps.db, pid, period),
    leadSources(deps.db, pid, period),
    filedByTrack(deps.db, pid, period),
    nonPerformanceReasons(deps.db, pid, period),
    replyFigures(deps.db, pid, period),
    organTable(deps, pid, period),
  ]);
  return {
    period,
    domainOutcomes: byDomain.map((r) => ({
      domainCode: r.domain_code,
      outcome: r.outcome,
      label: outcomeLabel(r.outcome),
      count: r.n,
    })),
    organOutcomes: byOrgan.map((r) => ({
      organId: r.organ_id,
      name: r.name,
      outcome: r.outcome,
      label: outcomeLabel(r.outcome),
      count: r.n,
    })),
    leadSources: sources.map((r) => ({
      source: r.source,
      label: LEAD_SOURCES[r.source as LeadSource] ?? r.source,
      count: r.n,
    })),
    tracks: tracks.map((r) => ({ track: r.track, count: r.n })),
    nonPerformanceReasons: reasons.map((r) => ({
      reason: r.reason,
      label: REASON_LABELS[r.reason] ?? r.reason,
      count: r.n,
    })),
    replies: {
      count: replies.replies,
      onTime: replies.on_time,
      onTimeRate: rate(replies.on_time, replies.replies),
      medianDays: replies.median_days,
      meanDays: replies.mean_days,
      findings: replies.findings,
      onTimeAndRectified: replies.on_time_and_rectified,
      replyRectificationRate: rate(replies.on_time_and_rectified, replies.findings),
    },
    repeatOffenderThreshold: organs.repeatOffenderThreshold,
    repeatOffenders: organs.items
      .filter((o) => o.repeatOffender)
      .map((o) => ({
        organId: o.organId,
        name: o.name,
        nonPerformance: o.nonPerformance,
        rebounds: o.rebounds,
      })),
  };
}

/**
 * An anonymised summary of a typical case (典型案例, seed part 3.3) for publicity: the procedure
 * and its dates, the domain and the organs addressed — no case number, no free text, no people.
 */
import type { CaseRow, RecommendationRow } from '../../store/case-reads';
import type { TimelineRow } from '../../store/timeline';
import { LEAD_SOURCES, STAGE_LABELS, type LeadSource, type Stage } from '../../domain/case/stages';

export interface TypicalSummaryInput {
  row: CaseRow;
  domainName: string | null;
  recommendations: RecommendationRow[];
  timeline: TimelineRow[];
}

const FINDINGS: Record<string, string> = {
  rectified: '整改到位',
  partially_rectified: '部分整改',
  not_rectified: '未整改',
  no_reply: '未回复',
};

export function typicalSummary({ row, domainName, recommendations, timeline }: TypicalSummaryInput) {
  const stages = timeline
    .filter((e) => e.kind === 'stage_changed')
    .map((e) => {
      const to = (e.data as { to: Stage }).to;
      return { stage: to, label: STAGE_LABELS[to], month: monthOf(e.at) };
    });
  return {
    domain: domainName ?? row.domain_code,
    track: row.track === 'civil' ? '民事公益诉讼' : '行政公益诉讼',
    source: LEAD_SOURCES[row.source as LeadSource] ?? row.source,
    registered: monthOf(new Date(row.created_at)),
    stages,
    recommendations: recommendations.map((r) => ({
      organ: r.organ_name ?? '行政机关',
      urgent: r.urgent,
      repliedOnTime: r.replied_on_time,
      finding: r.finding ? (FINDINGS[r.finding] ?? r.finding) : null,
      rebounds: r.rebounds,
    })),
    outcome: STAGE_LABELS[row.stage as Stage] ?? row.stage,
  };
}

/** Dates only to the month: enough to tell the story, too coarse to identify the case. */
function monthOf(date: Date): string {
  const d = new Date(date.getTime() + 8 * 3600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月`;
}

/** 类案分析 (seed part 4.2): outcomes by domain and organ, sources, tracks, art. 82 reasons, replies. */
import { useMemo } from 'react';
import { api } from '../api/client';
import { STATISTICS_OUTCOMES, type StatisticsOutcome } from '../../../domain/case/statistics';
import { Chart, type ChartOption, type ChartPick } from '../components/chart';
import type { DrillDown } from '../components/drill-down';
import { Loading, Problem } from '../components/problem';
import { sourceLabel, TRACK_LABELS } from '../lib/labels';
import { useApi } from '../lib/use-api';

interface Counted {
  count: number;
}
export interface Analysis {
  period: { from: string; to: string };
  domainOutcomes: (Counted & { domainCode: string; outcome: string; label: string })[];
  organOutcomes: (Counted & { organId: string; name: string; outcome: string; label: string })[];
  leadSources: (Counted & { source: string; label: string })[];
  tracks: (Counted & { track: string })[];
  nonPerformanceReasons: (Counted & { reason: string; label: string })[];
  replies: {
    count: number;
    onTime: number;
    onTimeRate: number | null;
    medianDays: number | null;
    meanDays: number | null;
    findings: number;
    onTimeAndRectified: number;
    replyRectificationRate: number | null;
  };
  repeatOffenderThreshold: number;
  repeatOffenders: { organId: string; name: string; nonPerformance: number; rebounds: number }[];
}

const OUTCOME_COLORS = [
  '#2e8b57',
  '#e39b1b',
  '#c8102e',
  '#7b4fa0',
  '#1f5fa8',
  '#4aa3c8',
  '#9a6b3f',
  '#888',
  '#555',
];
const pct = (r: number | null) => (r === null ? '无数据' : `${Math.round(r * 1000) / 10}%`);
const outcomeLabel = (o: string) => STATISTICS_OUTCOMES[o as StatisticsOutcome] ?? o;

/** A stacked bar per row key (domain or organ) with one series per outcome. */
function stacked(rows: { key: string; name: string; outcome: string; count: number }[]) {
  const keys = [...new Map(rows.map((r) => [r.key, r.name])).entries()];
  const outcomes = Object.keys(STATISTICS_OUTCOMES).filter((o) => rows.some((r) => r.outcome === o));
  const option: ChartOption = {
    color: OUTCOME_COLORS,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 40, right: 16, top: 36, bottom: 60 },
    xAxis: { type: 'category', data: keys.map(([, n]) => n), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: outcomes.map((o) => ({
      name: outcomeLabel(o),
      type: 'bar',
      stack: 'all',
      barMaxWidth: 40,
      data: keys.map(([k]) => rows.find((r) => r.key === k && r.outcome === o)?.count ?? 0),
    })),
  };
  const at = (p: ChartPick) => ({ key: keys[p.dataIndex]?.[0], outcome: outcomes[p.seriesIndex] });
  return { option, at };
}

const bars = (names: string[], values: number[], color: string): ChartOption => ({
  color: [color],
  tooltip: { trigger: 'axis' },
  grid: { left: 40, right: 16, top: 16, bottom: 90 },
  xAxis: {
    type: 'category',
    data: names,
    axisLabel: { interval: 0, rotate: names.length > 3 ? 30 : 0, width: 120, overflow: 'truncate' },
  },
  yAxis: { type: 'value', minInterval: 1 },
  series: [{ type: 'bar', data: values, barMaxWidth: 36, label: { show: true, position: 'top' } }],
});

const labelOf = (row: { label: string }) => row.label;
const trackName = (row: { track: string }) => TRACK_LABELS[row.track] ?? row.track;

/** One count per row as bars; picking a bar drills down to that row's cases. */
function BarFigure<R extends Counted>(props: {
  caption: string;
  label?: string;
  wide?: boolean;
  rows: R[];
  name: (row: R) => string;
  color: string;
  onPick: (row: R) => void;
}) {
  const { rows, name, color } = props;
  const option = useMemo(
    () =>
      bars(
        rows.map(name),
        rows.map((r) => r.count),
        color,
      ),
    [rows, name, color],
  );
  return (
    <figure className={props.wide ? 'card wide' : 'card'}>
      <figcaption>{props.caption}</figcaption>
      <Chart
        option={option}
        label={props.label ?? props.caption.replace(/（.*$/, '')}
        height={props.wide ? 340 : undefined}
        onPick={(p) => {
          const row = rows[p.dataIndex];
          if (row) props.onPick(row);
        }}
      />
    </figure>
  );
}

export function SimilarCaseAnalysis({
  period,
  domainName,
  onDrill,
}: {
  period: { from: string; to: string };
  domainName: (code: string) => string;
  onDrill: (d: DrillDown) => void;
}) {
  const analysis = useApi(() => api.get<Analysis>('/api/statistics/analysis', period), [period]);
  const a = analysis.data;
  const charts = useMemo(() => {
    if (!a) return null;
    return {
      domain: stacked(
        a.domainOutcomes.map((r) => ({ ...r, key: r.domainCode, name: domainName(r.domainCode) })),
      ),
      organ: stacked(a.organOutcomes.map((r) => ({ ...r, key: r.organId }))),
    };
  }, [a, domainName]);
  if (analysis.error) return <Problem error={analysis.error} title="无法读取类案分析" />;
  if (!a || !charts) return <Loading what="类案分析" />;
  const r = a.replies;
  return (
    <>
      <h2>类案分析</h2>
      <p className="muted">
        期间内收到回复 {r.count} 件，其中按期 {r.onTime} 件（{pct(r.onTimeRate)}）；签收至回复用时中位数{' '}
        {r.medianDays ?? '—'} 日、平均 {r.meanDays ?? '—'} 日。期间内跟进调查认定 {r.findings}{' '}
        件，按期回复且整改到位 {r.onTimeAndRectified} 件，回复整改率 {pct(r.replyRectificationRate)}。
      </p>
      <div className="chart-grid">
        <figure className="card wide">
          <figcaption>各领域的办案结果（案件数）</figcaption>
          <Chart
            option={charts.domain.option}
            label="各领域的办案结果"
            onPick={(p) => {
              const { key, outcome } = charts.domain.at(p);
              if (key && outcome)
                onDrill({
                  title: `${domainName(key)}·${outcomeLabel(outcome)}`,
                  criteria: { figure: 'outcome', domainCode: key, outcome },
                });
            }}
          />
        </figure>
        <figure className="card wide">
          <figcaption>各行政机关的办案结果（次数）</figcaption>
          <Chart
            option={charts.organ.option}
            label="各行政机关的办案结果"
            onPick={(p) => {
              const { key, outcome } = charts.organ.at(p);
              if (key && outcome)
                onDrill({
                  title: `${p.name}·${outcomeLabel(outcome)}`,
                  criteria: { figure: 'outcome', organId: key, outcome },
                });
            }}
          />
        </figure>
        <BarFigure
          caption="线索来源（受理日期）"
          rows={a.leadSources}
          name={labelOf}
          color="#1f5fa8"
          onPick={(s) =>
            onDrill({ title: sourceLabel(s.source), criteria: { figure: 'received', source: s.source } })
          }
        />
        <BarFigure
          caption="案件类别（立案日期）"
          rows={a.tracks}
          name={trackName}
          color="#4aa3c8"
          onPick={(t) =>
            onDrill({
              title: TRACK_LABELS[t.track] ?? t.track,
              criteria: { figure: 'filed', track: t.track },
            })
          }
        />
        <BarFigure
          caption="认定不依法履职的情形（《办案规则》第八十二条）"
          label="第八十二条情形"
          wide
          rows={a.nonPerformanceReasons}
          name={labelOf}
          color="#e39b1b"
          onPick={(x) => onDrill({ title: x.label, criteria: { figure: 'reason', reason: x.reason } })}
        />
      </div>
      <h3>屡次不履职的行政机关（期间内不履职与反弹合计 ≥ {a.repeatOffenderThreshold} 次）</h3>
      {a.repeatOffenders.length === 0 ? (
        <p className="muted">没有。</p>
      ) : (
        <ul>
          {a.repeatOffenders.map((o) => (
            <li key={o.organId}>
              <button
                type="button"
                className="link"
                onClick={() =>
                  onDrill({
                    title: `${o.name}·不履职与反弹`,
                    criteria: { figure: 'outcome', organId: o.organId, outcome: 'non_performance,rebound' },
                  })
                }
              >
                {o.name}
              </button>
              ：不履职 {o.nonPerformance} 次，反弹 {o.rebounds} 次
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

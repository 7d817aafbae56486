/** 统计分析: what the procuratorate reports upward (seed parts 2.1 and 4.2), as charts, by period. */
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { reference } from '../api/reference';
import type { User } from '../api/session';
import type { OrganRecord } from '../api/types';
import { hasAnyRole } from '../../../domain/roles';
import { Chart, type ChartOption, type ChartPick } from '../components/chart';
import { DrillDownList, type DrillDown } from '../components/drill-down';
import { Loading, Problem } from '../components/problem';
import { chineseDate, today } from '../lib/format';
import { stageLabel } from '../lib/labels';
import { useApi } from '../lib/use-api';
import { SimilarCaseAnalysis } from './analysis';
import { SituationReportDownload } from './situation-report';
import { RepeatOffenderThreshold } from './statistics-policy';
import { DateInput } from '../components/date-input';

interface Summary {
  period: { from: string; to: string };
  byStage: { stage: string; count: number }[];
  byDomain: { domainCode: string; name: string | null; count: number; received: number }[];
  overdueByMonth: { month: string; count: number }[];
  recommendations: { total: number; rectified: number; nonPerformance: number; litigated: number };
  organs: OrganRecord[];
}

const [BLUE, RED, AMBER, GREEN] = ['#1f5fa8', '#c8102e', '#e39b1b', '#2e8b57'];
const COLORS = [BLUE, RED, AMBER, GREEN, '#7b4fa0', '#4aa3c8', '#9a6b3f'];
/** The two ends of a custom period, as the form shows them. */
const ENDS = [
  ['from', '自'],
  ['to', '至'],
] as const;

function presets(now: string) {
  const y = Number(now.slice(0, 4));
  const back = new Date(`${now}T00:00:00Z`);
  back.setUTCFullYear(back.getUTCFullYear() - 1);
  return [
    { label: '本年', from: `${y}-01-01`, to: now },
    { label: '上一年', from: `${y - 1}-01-01`, to: `${y - 1}-12-31` },
    { label: '近 12 个月', from: back.toISOString().slice(0, 10), to: now },
  ];
}

export function DashboardPage({ user }: { user: User }) {
  const now = today();
  const [period, setPeriod] = useState(() => presets(now)[0]!);
  const [draft, setDraft] = useState(period);
  const [drill, setDrill] = useState<DrillDown | null>(null);
  const range = useMemo(() => ({ from: period.from, to: period.to }), [period]);
  const stats = useApi(() => api.get<Summary>('/api/statistics/summary', range), [range]);
  const domains = useApi(() => reference.domains(), []);
  const domainName = useCallback(
    (code: string) => domains.data?.find((d) => d.code === code)?.name ?? code,
    [domains.data],
  );
  const charts = useMemo(() => (stats.data ? chartsOf(stats.data) : null), [stats.data]);
  const picks = stats.data ? picksOf(stats.data) : null;
  const pick = (of: (p: ChartPick) => DrillDown | undefined) => (p: ChartPick) => {
    const d = of(p);
    if (d) setDrill(d);
  };
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setPeriod({ ...draft, label: '自定义' });
    setDrill(null);
  };

  return (
    <section>
      <h1>统计分析</h1>
      <form className="filters" onSubmit={apply} aria-label="统计期间">
        <div className="field">
          <span className="label">期间</span>
          <div className="inline" role="group" aria-label="常用期间">
            {presets(now).map((p) => (
              <button
                key={p.label}
                type="button"
                className={p.label === period.label ? 'primary' : undefined}
                onClick={() => (setPeriod(p), setDraft(p), setDrill(null))}
              >
                {p.label}
              </button>
            ))}
          </div>
        </div>
        {ENDS.map(([end, label]) => (
          <div className="field" key={end}>
            <label htmlFor={`p-${end}`}>{label}</label>
            <DateInput
              id={`p-${end}`}
              value={draft[end]}
              onChange={(v) => setDraft({ ...draft, [end]: v })}
            />
          </div>
        ))}
        <div className="field">
          <span className="label">&nbsp;</span>
          <button type="submit">查询</button>
        </div>
      </form>
      {stats.error && <Problem error={stats.error} title="无法读取统计" />}
      {!stats.data && !stats.error && <Loading what="统计" />}
      {drill && <DrillDownList drill={drill} period={range} onClose={() => setDrill(null)} />}
      {stats.data && charts && picks && (
        <>
          <p className="muted">
            统计期间：{chineseDate(stats.data.period.from)} 至 {chineseDate(stats.data.period.to)}。检察建议共{' '}
            {stats.data.recommendations.total} 件，整改到位 {stats.data.recommendations.rectified} 件，
            不依法履职 {stats.data.recommendations.nonPerformance} 件，提起诉讼{' '}
            {stats.data.recommendations.litigated}{' '}
            件。各数字按事件的法定日期计入期间；点击图表可查看对应案件。
          </p>
          <div className="chart-grid">
            <figure className="card">
              <figcaption>期间内受理的线索（按现在的阶段）</figcaption>
              <Chart option={charts.stage} label="各阶段案件数" onPick={pick(picks.stage)} />
            </figure>
            <figure className="card">
              <figcaption>各领域立案数</figcaption>
              <Chart option={charts.domain} label="各领域立案数" onPick={pick(picks.domain)} />
            </figure>
            <figure className="card wide">
              <figcaption>各行政机关按期回复率与整改到位率</figcaption>
              <Chart
                option={charts.organs}
                label="各行政机关按期回复率与整改到位率"
                height={320}
                onPick={pick(picks.organs)}
              />
            </figure>
            <figure className="card">
              <figcaption>逾期期限（按月）</figcaption>
              <Chart option={charts.overdue} label="每月届满未完成的期限数" onPick={pick(picks.overdue)} />
            </figure>
            <figure className="card">
              <figcaption>检察建议的结果</figcaption>
              <Chart
                option={charts.outcomes}
                label="检察建议、整改到位、不依法履职、提起诉讼"
                onPick={pick(picks.outcomes)}
              />
            </figure>
          </div>
          <SimilarCaseAnalysis period={range} domainName={domainName} onDrill={setDrill} />
          <SituationReportDownload period={range} />
        </>
      )}
      {hasAnyRole(user.roles, ['admin']) && <RepeatOffenderThreshold />}
    </section>
  );
}

/** What a click on each chart of the summary lists: the same criteria as the figure. */
function picksOf(s: Summary) {
  const OUTCOME_FIGURES = [
    { title: '发出检察建议', criteria: { figure: 'issued' } },
    { title: '整改到位', criteria: { figure: 'outcome', outcome: 'rectified' } },
    { title: '不依法履职', criteria: { figure: 'outcome', outcome: 'non_performance' } },
    { title: '提起诉讼', criteria: { figure: 'outcome', outcome: 'sued' } },
  ];
  return {
    stage: (p: ChartPick): DrillDown | undefined => {
      const x = s.byStage[p.dataIndex];
      return x && { title: stageLabel(x.stage), criteria: { figure: 'received', stage: x.stage } };
    },
    domain: (p: ChartPick): DrillDown | undefined => {
      const x = s.byDomain[p.dataIndex];
      return (
        x && {
          title: `${x.name ?? x.domainCode}·立案`,
          criteria: { figure: 'filed', domainCode: x.domainCode },
        }
      );
    },
    organs: (p: ChartPick): DrillDown | undefined => {
      const o = s.organs[p.dataIndex];
      if (!o) return undefined;
      return p.seriesIndex === 0
        ? { title: `${o.name}·回复`, criteria: { figure: 'replied', organId: o.organId } }
        : {
            title: `${o.name}·认定`,
            criteria: { figure: 'outcome', organId: o.organId, outcome: 'rectified,non_performance' },
          };
    },
    overdue: (p: ChartPick): DrillDown | undefined => {
      const m = s.overdueByMonth[p.dataIndex];
      return m && { title: `${m.month} 期限届满`, criteria: { figure: 'overdue', month: m.month } };
    },
    outcomes: (p: ChartPick): DrillDown | undefined => OUTCOME_FIGURES[p.dataIndex],
  };
}

const empty = (what: string): ChartOption => ({
  title: {
    text: `${what}：暂无数据`,
    left: 'center',
    top: 'middle',
    textStyle: { fontSize: 14, color: '#888' },
  },
});

function chartsOf(s: Summary) {
  const bar = (names: string[], values: number[], color: string): ChartOption => ({
    color: [color],
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 16, bottom: 70 },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 5 ? 35 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: values, barMaxWidth: 36, label: { show: true, position: 'top' } }],
  });
  const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);
  const charts: Record<'stage' | 'domain' | 'organs' | 'overdue' | 'outcomes', ChartOption> = {
    stage: s.byStage.length
      ? bar(
          s.byStage.map((x) => stageLabel(x.stage)),
          s.byStage.map((x) => x.count),
          BLUE,
        )
      : empty('案件'),
    domain: s.byDomain.length
      ? {
          color: COLORS,
          tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
          legend: { bottom: 0, type: 'scroll' },
          series: [
            {
              type: 'pie',
              radius: ['35%', '65%'],
              center: ['50%', '45%'],
              data: s.byDomain.map((d) => ({ name: d.name ?? d.domainCode, value: d.count })),
            },
          ],
        }
      : empty('案件'),
    organs: s.organs.length
      ? {
          color: [BLUE, GREEN],
          tooltip: {
            trigger: 'axis',
            valueFormatter: (v: unknown) => (v === null || v === undefined ? '无数据' : `${String(v)}%`),
          },
          legend: { top: 0, itemGap: 28 },
          grid: { left: 48, right: 16, top: 36, bottom: 60 },
          xAxis: { type: 'category', data: s.organs.map((o) => o.name), axisLabel: { interval: 0 } },
          yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
          series: [
            {
              name: '按期回复率',
              type: 'bar',
              barMaxWidth: 32,
              data: s.organs.map((o) => pct(o.onTimeReplyRate)),
            },
            {
              name: '整改到位率',
              type: 'bar',
              barMaxWidth: 32,
              data: s.organs.map((o) => pct(o.rectificationRate)),
            },
          ],
        }
      : empty('行政机关'),
    overdue: s.overdueByMonth.length
      ? {
          color: [RED],
          tooltip: { trigger: 'axis' },
          grid: { left: 40, right: 16, top: 16, bottom: 40 },
          xAxis: {
            type: 'category',
            data: s.overdueByMonth.map((m) => `${m.month.slice(0, 4)}年${Number(m.month.slice(5, 7))}月`),
          },
          yAxis: { type: 'value', minInterval: 1 },
          series: [
            {
              type: 'line',
              data: s.overdueByMonth.map((m) => m.count),
              areaStyle: { opacity: 0.15 },
              symbolSize: 8,
            },
          ],
        }
      : empty('逾期期限'),
    outcomes: {
      tooltip: { trigger: 'axis' },
      grid: { left: 90, right: 40, top: 10, bottom: 30 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: ['发出检察建议', '整改到位', '不依法履职', '提起诉讼'],
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 28,
          label: { show: true, position: 'right', formatter: '{c} 件' },
          data: [
            { value: s.recommendations.total, itemStyle: { color: BLUE } },
            { value: s.recommendations.rectified, itemStyle: { color: GREEN } },
            { value: s.recommendations.nonPerformance, itemStyle: { color: AMBER } },
            { value: s.recommendations.litigated, itemStyle: { color: RED } },
          ],
        },
      ],
    },
  };
  return charts;
}

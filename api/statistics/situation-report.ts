/**
 * The 情况汇报 (seed part 2.1): a report to the People's Congress, the party committee or the
 * procuratorate above, in the shape of the seed — an opening addressed to the recipient, the
 * period's figures in sentences and tables, the comparison with the previous period of the same
 * length, the period's typical cases — rendered from a template for the staff to finish by hand,
 * and the figures behind it as a spreadsheet (CSV).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chineseDate } from '../../domain/documents/chinese-date';
import { addDays, isCivilDate, toEpochDay, toYmd, type CivilDate } from '../../domain/period/dates';
import { renderDocx } from '../../documents/render';
import { REPORT_TEMPLATES, TEMPLATE_DIR } from '../../documents/templates';
import { procuratorateName, typicalCasesFiled } from '../../store/situation-report';
import { domainOutcomes, replyFigures } from '../../store/statistics-analysis';
import { csvDocument } from '../csv';
import { problems } from '../problem';
import { periodOf, periodSummary, rate, type StatisticsDeps } from './summary';

/** The figures compared between the period and the one before it, in the report's order. */
const FIGURES = [
  ['received', '受理公益诉讼案件线索', '件'],
  ['filed', '立案', '件'],
  ['recommendations', '制发诉前检察建议', '件'],
  ['replies', '行政机关回复', '件'],
  ['rectified', '跟进调查认定整改到位', '件'],
  ['nonPerformance', '认定行政机关未依法履职', '件'],
  ['sued', '提起公益诉讼', '件'],
  ['judgments', '法院作出裁判', '件'],
] as const;
type Figure = (typeof FIGURES)[number][0];
type Figures = Record<Figure, number> & { replyRectificationRate: number | null };

/** The period just before `period`, as many days long. */
export function previousPeriod(period: { from: CivilDate; to: CivilDate }) {
  const days = toEpochDay(period.to) - toEpochDay(period.from) + 1;
  return { from: addDays(period.from, -days), to: addDays(period.from, -1) };
}

const dateText = (d: CivilDate) => {
  const { year, month, day } = toYmd(d);
  return `${year}年${month}月${day}日`;
};
const periodText = (p: { from: CivilDate; to: CivilDate }) => `${dateText(p.from)}至${dateText(p.to)}`;
const percent = (r: number | null) => (r === null ? '无可计算数据' : `${Math.round(r * 1000) / 10}%`);

/** "增加 3 件" / "减少 2 件" / "持平", against the previous period. */
export function change(now: number, before: number, unit = '件'): string {
  if (now === before) return '持平';
  return now > before ? `增加${now - before}${unit}` : `减少${before - now}${unit}`;
}

async function figuresOf(deps: StatisticsDeps, pid: string, period: { from: string; to: string }) {
  const [summary, replies, outcomes] = await Promise.all([
    periodSummary(deps, pid, period),
    replyFigures(deps.db, pid, period),
    domainOutcomes(deps.db, pid, period),
  ]);
  const outcome = (...names: string[]) =>
    outcomes.filter((o) => names.includes(o.outcome)).reduce((n, o) => n + o.n, 0);
  const figures: Figures = {
    received: summary.byDomain.reduce((n, d) => n + d.received, 0),
    filed: summary.byDomain.reduce((n, d) => n + d.count, 0),
    recommendations: summary.recommendations.total,
    replies: replies.replies,
    rectified: summary.recommendations.rectified,
    nonPerformance: summary.recommendations.nonPerformance,
    sued: outcome('sued'),
    judgments: outcome('judgment_upheld', 'judgment_partially_upheld', 'judgment_dismissed'),
    replyRectificationRate: rate(replies.on_time_and_rectified, replies.findings),
  };
  return { summary, replies, outcome, figures };
}

/** Everything the report's template and its spreadsheet are made from. */
export async function situationReport(
  deps: StatisticsDeps,
  pid: string,
  query: { from?: string; to?: string; recipient?: string },
) {
  const { period, today } = periodOf(deps, query);
  const before = previousPeriod(period);
  if (!isCivilDate(before.from))
    throw problems.validation('期间过长：紧接其前的同长期间早于公元1年，无法比较', [
      { path: 'from', message: '期间过长' },
    ]);
  const [now, prev, name, typical] = await Promise.all([
    figuresOf(deps, pid, period),
    figuresOf(deps, pid, before),
    procuratorateName(deps.db, pid),
    typicalCasesFiled(deps.db, pid, period),
  ]);
  const f = now.figures;
  const p = prev.figures;
  const r = now.replies;
  const comparison = FIGURES.map(([key, label, unit]) => ({
    key,
    label,
    current: f[key],
    previous: p[key],
    change: change(f[key], p[key], unit),
  }));
  return {
    period,
    previous: before,
    comparison,
    replyRectificationRate: { current: f.replyRectificationRate, previous: p.replyRectificationRate },
    template: {
      procuratorate: name,
      recipient: query.recipient?.trim() || '区人大常委会',
      title: `关于${periodText(period)}公益诉讼检察工作情况的报告`,
      periodText: periodText(period),
      previousText: periodText(before),
      overview:
        `${periodText(period)}，本院共受理公益诉讼案件线索${f.received}件，较上一同期（${periodText(before)}）` +
        `${change(f.received, p.received)}；立案${f.filed}件，${change(f.filed, p.filed)}。`,
      domains: now.summary.byDomain.map((d) => ({
        name: d.name ?? d.domainCode,
        received: String(d.received),
        filed: String(d.count),
      })),
      recommendationText:
        `期间内制发诉前检察建议${f.recommendations}件，${change(f.recommendations, p.recommendations)}；` +
        `收到行政机关回复${r.replies}件，其中按期回复${r.on_time}件（按期回复率${percent(rate(r.on_time, r.replies))}）。` +
        `跟进调查认定整改到位${f.rectified}件、未依法履职${f.nonPerformance}件；` +
        `回复整改率${percent(f.replyRectificationRate)}（上一同期${percent(p.replyRectificationRate)}）。`,
      organs: now.summary.organs
        .filter((o) => o.recommendations > 0 || o.nonPerformance > 0 || o.litigatedCases > 0)
        .map((o) => ({
          name: o.name,
          recommendations: String(o.recommendations),
          onTime: percent(o.onTimeReplyRate),
          rectification: percent(o.rectificationRate),
          nonPerformance: String(o.nonPerformance),
        })),
      litigationText:
        `期间内提起公益诉讼${f.sued}件，${change(f.sued, p.sued)}；法院作出裁判${f.judgments}件，` +
        `其中支持起诉请求${now.outcome('judgment_upheld')}件、部分支持${now.outcome('judgment_partially_upheld')}件、` +
        `驳回${now.outcome('judgment_dismissed')}件；撤回起诉${now.outcome('judgment_withdrawn')}件。`,
      comparison: comparison.map((c) => ({
        label: c.label,
        current: String(c.current),
        previous: String(c.previous),
        change: c.change,
      })),
      typical: typical.map((t, i) => ({ line: `${i + 1}. ${t.title}（${t.domain}）` })),
      typicalText:
        typical.length === 0
          ? '期间内未确定典型案例。'
          : `期间内立案的案件中，确定典型案例${typical.length}件（典型案例材料另附）：`,
      issuedDate: chineseDate(today),
    },
  };
}

export type SituationReport = Awaited<ReturnType<typeof situationReport>>;

/** The report as a Word document, from the default template. */
export async function situationReportDocx(report: SituationReport): Promise<Buffer> {
  const template = await readFile(join(TEMPLATE_DIR, REPORT_TEMPLATES.situation_report.file));
  return renderDocx(template, report.template);
}

/** The figures behind the report: this period, the one before, and the change. */
export function situationReportCsv(report: SituationReport): string {
  const pct = (x: number | null) => (x === null ? '' : `${Math.round(x * 1000) / 10}%`);
  const { replyRectificationRate: rr } = report;
  return csvDocument([
    [
      '项目',
      `本期（${report.period.from} 至 ${report.period.to}）`,
      `上一同期（${report.previous.from} 至 ${report.previous.to}）`,
      '变化',
    ],
    ...report.comparison.map((c) => [c.label, c.current, c.previous, c.change]),
    ['回复整改率', pct(rr.current), pct(rr.previous), ''],
    [],
    ['领域', '受理线索', '立案'],
    ...report.template.domains.map((d) => [d.name, d.received, d.filed]),
    [],
    ['行政机关', '收到检察建议', '按期回复率', '整改到位率', '认定未依法履职'],
    ...report.template.organs.map((o) => [
      o.name,
      o.recommendations,
      o.onTime,
      o.rectification,
      o.nonPerformance,
    ]),
  ]);
}

/** The file name of the report for a period, e.g. 情况汇报-2025-07-01-2025-09-30. */
export const reportFileName = (report: SituationReport) =>
  `情况汇报-${report.period.from}-${report.period.to}`;

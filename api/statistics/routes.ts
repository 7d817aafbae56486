import type { Router } from 'express';
import { attachmentDisposition } from '../cases/documents';
import { defineReadRoute, routerOf } from '../route-kit';
import { defineRoute, type RouteRegistry, type RouteTarget } from '../routing';
import { analysisRoute, figureCasesRoute, policyRoutes } from './analysis-routes';
import { organTableResponse, periodQuery, situationReportQuery, summaryResponse } from './schemas';
import { reportFileName, situationReport, situationReportCsv, situationReportDocx } from './situation-report';
import { organTable, periodSummary, reportCsv, type StatisticsDeps } from './summary';

const READ = { tag: '统计', auth: 'user' } as const;

export function statisticsRoutes(deps: StatisticsDeps, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/statistics', deps, [
    organsRoute,
    summaryRoute,
    reportRoute,
    situationReportRoute,
    analysisRoute,
    figureCasesRoute,
    ...policyRoutes,
  ]);
}

function organsRoute(target: RouteTarget, deps: StatisticsDeps): void {
  defineReadRoute(
    target,
    {
      ...READ,
      path: '/organs',
      summary: '行政机关在期间内的履职记录（收到、按期回复、整改、不履职、反弹、被诉）',
      query: periodQuery,
      answer: { description: '本院名录中每个行政机关的记录', schema: organTableResponse },
      otherResponses: { 422: { description: '期间有误' } },
    },
    ({ query, principal }) => organTable(deps, principal.procuratorateId, query),
  );
}

function summaryRoute(target: RouteTarget, deps: StatisticsDeps): void {
  defineReadRoute(
    target,
    {
      ...READ,
      path: '/summary',
      summary: '期间统计：阶段、领域、逾期、检察建议与诉讼（向党委、上级院、人大报告用）',
      query: periodQuery,
      answer: { description: '统计', schema: summaryResponse },
      otherResponses: { 422: { description: '期间有误' } },
    },
    ({ query, principal }) => periodSummary(deps, principal.procuratorateId, query),
  );
}

function reportRoute(target: RouteTarget, deps: StatisticsDeps): void {
  defineRoute(
    target,
    {
      method: 'get',
      path: '/report',
      ...READ,
      summary: '导出期间工作报告的统计表（CSV，可用表格软件打开）',
      query: periodQuery,
      responses: {
        200: { description: 'CSV 报表', contentType: 'text/csv' },
        422: { description: '期间有误' },
      },
    },
    async ({ res, query, principal }) => {
      const summary = await periodSummary(deps, principal.procuratorateId, query);
      res
        .type('text/csv; charset=utf-8')
        .attachment(`report-${summary.period.from}-${summary.period.to}.csv`)
        .send(reportCsv(summary));
    },
  );
}

function situationReportRoute(target: RouteTarget, deps: StatisticsDeps): void {
  defineRoute(
    target,
    {
      method: 'get',
      path: '/situation-report',
      ...READ,
      summary:
        '情况汇报（Word）：期间内的办案数字、与上一同期的比较和典型案例，供补充完善后报送；或其中的数字（CSV）',
      query: situationReportQuery,
      responses: {
        200: { description: '情况汇报（docx）或其数字（csv）', contentType: DOCX, alsoAs: ['text/csv'] },
        422: { description: '期间或报送对象有误' },
      },
    },
    async ({ res, query, principal }) => {
      const report = await situationReport(deps, principal.procuratorateId, query);
      const csv = query.format === 'csv';
      const name = `${reportFileName(report)}.${query.format}`;
      res
        .type(csv ? 'text/csv; charset=utf-8' : DOCX)
        .setHeader('Content-Disposition', attachmentDisposition(name, false, 'report'))
        .send(csv ? situationReportCsv(report) : await situationReportDocx(report));
    },
  );
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

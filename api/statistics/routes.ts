import type { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../store/pool';
import { organRecords } from '../../store/statistics';
import { defineListRoute, defineReadRoute, routerOf } from '../route-kit';
import { defineRoute, type RouteRegistry, type RouteTarget } from '../routing';
import { civilDate } from '../validation';
import { periodSummary, presentOrganRecord, reportCsv } from './summary';

const organRecord = z.object({
  organId: z.string(),
  name: z.string(),
  recommendations: z.number(),
  served: z.number(),
  repliedOnTime: z.number(),
  repliedLate: z.number(),
  noReply: z.number(),
  rectified: z.number(),
  nonPerformance: z.number(),
  rebounds: z.number(),
  litigatedCases: z.number(),
  onTimeReplyRate: z.number().nullable().describe('按期回复率（已送达的检察建议中）'),
  rectificationRate: z.number().nullable().describe('整改到位率（已认定的检察建议中）'),
  repeatOffender: z.boolean().describe('屡次不履职或整改后反弹'),
});

const periodQuery = z
  .strictObject({ from: civilDate.optional(), to: civilDate.optional() })
  .describe('统计期间，默认本年');

type StatisticsDeps = { db: Db; now: () => Date };
const READ = { tag: '统计', auth: 'user' } as const;

export function statisticsRoutes(deps: StatisticsDeps, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/statistics', deps, [organsRoute, summaryRoute, reportRoute]);
}

function organsRoute(target: RouteTarget, deps: StatisticsDeps): void {
  defineListRoute(
    target,
    {
      ...READ,
      path: '/organs',
      summary: '行政机关履职记录（收到、按期回复、整改、不履职、反弹、被诉）',
      item: organRecord,
      listed: '本院名录中每个行政机关的记录',
      envelope: 'items',
    },
    ({ principal }) => organRecords(deps.db, principal.procuratorateId),
    presentOrganRecord,
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

const summaryResponse = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  byStage: z.array(z.object({ stage: z.string(), count: z.number() })),
  byDomain: z.array(z.object({ domainCode: z.string(), name: z.string().nullable(), count: z.number() })),
  overdueByMonth: z
    .array(z.object({ month: z.string(), count: z.number() }))
    .describe('每月期限届满未完成的数量'),
  recommendations: z.object({
    total: z.number(),
    rectified: z.number(),
    nonPerformance: z.number(),
    litigated: z.number(),
  }),
  organs: z.array(organRecord),
});

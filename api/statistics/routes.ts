import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../activities/db/pool';
import {
  casesByDomain,
  casesByStage,
  organRecords,
  overdueByMonth,
  recommendationOutcomes,
  type OrganRecordRow,
} from '../../activities/db/statistics';
import { shanghaiDate } from '../../domain/time';
import { defineRoute, type RouteRegistry } from '../routing';
import { problems } from '../problem';
import { civilDate } from '../validation';

/** An organ that failed or rebounded at least twice is a repeat offender (seed part 2.3). */
const REPEAT_THRESHOLD = 2;

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

export function statisticsRoutes(deps: { db: Db; now: () => Date }, registry: RouteRegistry): Router {
  const router = Router();
  const target = { router, registry, mountPath: '/api/statistics' };

  defineRoute(
    target,
    {
      method: 'get',
      path: '/organs',
      tag: '统计',
      summary: '行政机关履职记录（收到、按期回复、整改、不履职、反弹、被诉）',
      auth: 'user',
      responses: {
        200: {
          description: '本院名录中每个行政机关的记录',
          schema: z.object({ items: z.array(organRecord) }),
        },
      },
    },
    async ({ res, principal }) => {
      res.json({ items: (await organRecords(deps.db, principal.procuratorateId)).map(presentOrganRecord) });
    },
  );

  defineRoute(
    target,
    {
      method: 'get',
      path: '/summary',
      tag: '统计',
      summary: '期间统计：阶段、领域、逾期、检察建议与诉讼（向党委、上级院、人大报告用）',
      auth: 'user',
      query: periodQuery,
      responses: { 200: { description: '统计', schema: summaryResponse } },
    },
    async ({ res, query, principal }) => {
      const today = shanghaiDate(deps.now());
      const period = { from: query.from ?? `${today.slice(0, 4)}-01-01`, to: query.to ?? today };
      if (period.from > period.to)
        throw problems.validation('开始日期晚于结束日期', [{ path: 'from', message: '晚于 to' }]);
      const pid = principal.procuratorateId;
      const [byStage, byDomain, overdue, recommendations, organs] = await Promise.all([
        casesByStage(deps.db, pid, period),
        casesByDomain(deps.db, pid, period),
        overdueByMonth(deps.db, pid, period),
        recommendationOutcomes(deps.db, pid, period),
        organRecords(deps.db, pid),
      ]);
      res.json({
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
      });
    },
  );
  return router;
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

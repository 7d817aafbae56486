// GET /api/deadlines/open: the running deadlines of the caller's procuratorate in a date range,
// for the deadline calendar — one query instead of reading every case.
import type { Router } from 'express';
import { z } from 'zod';
import { openDeadlines, type OpenDeadlineRow } from '../../store/open-deadlines';
import type { Db } from '../../store/pool';
import { daysBetween } from '../../domain/period/dates';
import { shanghaiDate } from '../../domain/time';
import { problems } from '../problem';
import { defineReadRoute, routerOf } from '../route-kit';
import type { RouteRegistry, RouteTarget } from '../routing';
import { civilDate } from '../validation';

/** A little over a year: a year's view and the weeks around it. */
const MAX_SPAN_DAYS = 400;

const openQuery = z.strictObject({
  from: civilDate.describe('起始日期 YYYY-MM-DD（含）'),
  to: civilDate.describe('截止日期 YYYY-MM-DD（含）'),
  handler: z.enum(['me']).optional().describe('me：只看本人承办的案件'),
});

const openDeadline = z.object({
  caseId: z.string().describe('案件编号'),
  title: z.string(),
  stage: z.string(),
  clockKey: z.string(),
  clockId: z.string(),
  name: z.string().describe('期限名称，如 行政机关书面回复'),
  due: z.string().describe('届满日（当日24时届满，北京时间）'),
  provisional: z.boolean().describe('true：所涉年份的节假日安排尚未载入，仅按周末计算'),
  overdue: z.boolean().describe('届满日已过仍未完成'),
  recommendationId: z.string().nullable().describe('所属检察建议；案件本身的期限为 null'),
});

type OpenDeps = { db: Db; now: () => Date };
type OpenQuery = z.infer<typeof openQuery>;

export function openDeadlineRoutes(deps: OpenDeps, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/deadlines', deps, [openRoute]);
}

function openRoute(target: RouteTarget, deps: OpenDeps): void {
  defineReadRoute(
    target,
    {
      path: '/open',
      tag: '期限计算',
      summary: '本院案件在某期间内届满的进行中期限（期限日历）',
      query: openQuery,
      answer: { description: '按届满日排列的期限', schema: z.object({ items: z.array(openDeadline) }) },
      otherResponses: { 422: { description: '日期有误或期间过长' } },
    },
    async ({ query, principal }) => {
      checkSpan(query);
      const today = shanghaiDate(deps.now());
      const rows = await openDeadlines(deps.db, {
        procuratorateId: principal.procuratorateId,
        from: query.from,
        to: query.to,
        ...(query.handler === 'me' ? { handlerId: principal.userId } : {}),
      });
      return { items: rows.map((r) => presentOpen(r, today)) };
    },
  );
}

function checkSpan(query: OpenQuery): void {
  if (query.from > query.to)
    throw problems.validation('起始日期晚于截止日期', [{ path: 'from', message: '晚于 to' }]);
  if (daysBetween(query.from, query.to) > MAX_SPAN_DAYS)
    throw problems.validation(`查询期间最长 ${MAX_SPAN_DAYS} 日`, [
      { path: 'to', message: `距 from 超过 ${MAX_SPAN_DAYS} 日` },
    ]);
}

function presentOpen(r: OpenDeadlineRow, today: string) {
  return {
    caseId: r.case_id,
    title: r.title,
    stage: r.stage,
    clockKey: r.clock_key,
    clockId: r.clock_id,
    name: r.name,
    due: r.due,
    provisional: r.provisional,
    overdue: r.due < today,
    recommendationId: r.recommendation_id,
  };
}

// GET /api/deadlines: one legal period computed with the stored schedule and period policy.
// Any signed-in user may ask: the answer holds no case data, and the public has no need of it.
import type { Router } from 'express';
import { z } from 'zod';
import type { CalendarStore } from '../../calendar/store';
import { computeDeadline, PeriodRequestError, STOP_DAY_COUNTINGS } from '../../domain/period';
import { defineReadRoute, routerOf } from '../route-kit';
import type { RouteRegistry, RouteTarget } from '../routing';
import { deadlineQuery, periodProblem, requestFromQuery } from './query';

const step = z.object({ kind: z.string(), text: z.string(), date: z.string().optional() });

const deadlineResponse = z.object({
  request: z.object({
    start: z.string(),
    period: z.object({ unit: z.enum(['days', 'months']), count: z.number().int() }),
    excludedDays: z.number().int(),
  }),
  due: z.string().nullable().describe('届满日（当日24时届满，北京时间）'),
  rawEnd: z.string(),
  endBeforeRollover: z.string(),
  provisional: z.boolean().describe('true：所涉年份的节假日安排尚未载入，仅按周末计算'),
  missingYears: z.array(z.number().int()),
  suspended: z.boolean(),
  rule: z.object({
    makeupWorkdayCounts: z.boolean(),
    stopDayCounting: z.enum(STOP_DAY_COUNTINGS).describe('中止、扣除鉴定等期间的计日方法（期间计算政策）'),
  }),
  policyVersion: z.string(),
  scheduleVersion: z.string(),
  steps: z.array(step).describe('计算过程（中文说明）'),
});

type DeadlineDeps = { store: CalendarStore };

export function deadlineRoutes(deps: DeadlineDeps, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/deadlines', deps, [computeRoute]);
}

function computeRoute(target: RouteTarget, deps: DeadlineDeps): void {
  defineReadRoute(
    target,
    {
      tag: '期限计算',
      summary: '计算法定期限的届满日并说明计算过程',
      description: '按现行节假日安排和期间计算政策计算；所涉年份安排未载入时结果为暂定（provisional）。',
      query: deadlineQuery,
      answer: { description: '届满日及计算过程', schema: deadlineResponse },
      otherResponses: { 422: { description: '参数有误：errors[].path 为出错的查询参数' } },
    },
    async ({ query }) => {
      const request = requestFromQuery(query);
      const { schedule, policy } = await deps.store.snapshot();
      try {
        return { request, ...computeDeadline(request, schedule, policy) };
      } catch (err) {
        if (err instanceof PeriodRequestError) throw periodProblem(err, request);
        throw err;
      }
    },
  );
}

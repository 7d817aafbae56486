/** The procuratorate's typical cases (典型案例), by domain and by the year they were filed. */
import type { Router } from 'express';
import { z } from 'zod';
import { identifier } from '../../domain/text';
import type { Db } from '../../store/pool';
import { typicalCases } from '../../store/typical-cases';
import { defineReadRoute, routerOf } from '../route-kit';
import type { RouteRegistry, RouteTarget } from '../routing';

interface Deps {
  db: Db;
}

const listQuery = z.strictObject({
  domain: identifier('领域代码').optional().describe('领域代码'),
  year: z.coerce
    .number()
    .int('年份须为整数')
    .min(2000, '年份不早于 2000 年')
    .max(2100, '年份不晚于 2100 年')
    .optional()
    .describe('立案年份'),
});

const typicalCaseItem = z.object({
  id: z.string(),
  title: z.string(),
  domainCode: z.string(),
  domain: z.string(),
  filedOn: z.string().nullable().describe('立案日期'),
  narrativeWritten: z.boolean().describe('是否已撰写典型案例文字'),
});

export function typicalCaseRoutes(deps: Deps, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/typical-cases', deps, [listRoute]);
}

function listRoute(target: RouteTarget, deps: Deps): void {
  defineReadRoute(
    target,
    {
      tag: '典型案例',
      summary: '本院典型案例（可按领域、立案年份筛选），立案在后的在前',
      query: listQuery,
      answer: { description: '典型案例', schema: z.array(typicalCaseItem) },
      otherResponses: { 422: { description: '领域或年份有误' } },
    },
    ({ query, principal }) => typicalCases(deps.db, principal.procuratorateId, query),
  );
}

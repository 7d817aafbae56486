import type { Router } from 'express';
import { findCaseInScope, recommendationsOf } from '../../store/case-reads';
import { currentDomain } from '../../store/reference';
import { timelineOf } from '../../store/timeline';
import { ACTIONS, ACTION_NAMES, actionRoles } from '../../domain/case/actions';
import { ACTION_SCHEMAS, type ActionName } from '../../domain/case/payloads';
import { defineCreateRoute, defineReadRoute, routerOf, type RouteDeclaration } from '../route-kit';
import { defineRoute, type RouteRegistry, type RouteTarget } from '../routing';
import { problems } from '../problem';
import { performAction } from './act';
import { createCase, type CaseServiceDeps } from './create-case';
import { documentDownloadRoute, documentListRoute } from './documents';
import { caseDetail } from './detail';
import { caseList, caseListQuery, caseListResponse } from './list';
import { presentCase } from './present';
import {
  actionResponse,
  caseDetailResponse,
  caseIdParam,
  caseResponse,
  createCaseBody,
  timelineQuery,
  timelineResponse,
  typicalSummaryResponse,
} from './schemas';
import { caseTimeline, timelineCsv } from './timeline';
import { typicalSummary } from './typical';

export function caseRoutes(deps: CaseServiceDeps, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/cases', deps, [
    createRoute,
    listRoute,
    detailRoute,
    timelineRoute,
    typicalSummaryRoute,
    documentListRoute,
    documentDownloadRoute,
    ...ACTION_NAMES.map(actionRoute),
  ]);
}

function createRoute(target: RouteTarget, deps: CaseServiceDeps): void {
  defineCreateRoute(
    target,
    {
      tag: '案件',
      summary: '登记线索（新建案件）',
      roles: ['prosecutor', 'head'],
      body: createCaseBody,
      result: { description: '已登记', schema: caseResponse },
      otherResponses: {
        409: { description: '外部编号已登记' },
        422: { description: '输入内容有误' },
      },
    },
    {
      create: async ({ body, principal }) => {
        const summary = await createCase(deps, principal, body);
        const row = await findCaseInScope(deps.db, summary.caseId, principal.procuratorateId);
        if (!row) throw problems.unavailable('案件已登记，读取视图尚未就绪');
        return row;
      },
      present: presentCase,
      locate: (row) => `/api/cases/${row.id}`,
    },
  );
}

function listRoute(target: RouteTarget, deps: CaseServiceDeps): void {
  defineReadRoute(
    target,
    {
      tag: '案件',
      summary: '案件列表（筛选、排序、游标分页）',
      query: caseListQuery,
      answer: { description: '一页案件', schema: caseListResponse },
    },
    ({ query, principal }) => caseList(deps.db, principal, query, deps.now()),
  );
}

function detailRoute(target: RouteTarget, deps: CaseServiceDeps): void {
  defineReadRoute(
    target,
    {
      tag: '案件',
      path: '/:id',
      summary: '案件详情（含期限及其计算过程、检察建议、可办理的操作）',
      params: caseIdParam,
      answer: { description: '案件', schema: caseDetailResponse },
      otherResponses: { 404: { description: '本院无此案件' } },
    },
    ({ params, principal }) => caseDetail(deps, principal, params.id),
  );
}

function timelineRoute(target: RouteTarget, deps: CaseServiceDeps): void {
  defineRoute(
    target,
    {
      method: 'get',
      path: '/:id/timeline',
      tag: '案件',
      summary: '案件时间线（审计记录，含哈希链校验结果）；?format=csv 导出 CSV',
      auth: 'user',
      params: caseIdParam,
      query: timelineQuery,
      responses: {
        200: { description: '时间线', schema: timelineResponse, alsoAs: ['text/csv'] },
        404: { description: '本院无此案件' },
      },
    },
    async ({ res, params, query, principal }) => {
      if (!(await findCaseInScope(deps.db, params.id, principal.procuratorateId)))
        throw problems.notFound(`案件 ${params.id} 不存在`);
      const timeline = await caseTimeline(deps.db, params.id);
      if (query.format !== 'csv') return void res.json(timeline);
      res
        .type('text/csv; charset=utf-8')
        .attachment(`${params.id}-timeline.csv`)
        .send(timelineCsv(timeline.entries));
    },
  );
}

function typicalSummaryRoute(target: RouteTarget, deps: CaseServiceDeps): void {
  defineReadRoute(
    target,
    {
      tag: '案件',
      path: '/:id/typical-summary',
      summary: '典型案例的匿名化摘要（以案释法用）：不含案号、人员和文字内容，日期只到月',
      params: caseIdParam,
      answer: { description: '摘要', schema: typicalSummaryResponse },
      otherResponses: {
        404: { description: '本院无此案件' },
        409: { description: '案件未标记为典型案例' },
      },
    },
    async ({ params, principal }) => {
      const row = await findCaseInScope(deps.db, params.id, principal.procuratorateId);
      if (!row) throw problems.notFound(`案件 ${params.id} 不存在`);
      if (!row.typical) throw problems.conflict('not-typical', '案件未标记为典型案例，不能导出摘要');
      const [domain, recommendations, timeline] = await Promise.all([
        currentDomain(deps.db, row.domain_code),
        recommendationsOf(deps.db, row.id),
        timelineOf(deps.db, row.id),
      ]);
      return typicalSummary({ row, domainName: domain?.name ?? null, recommendations, timeline });
    },
  );
}

function actionRoute(name: ActionName): RouteDeclaration<CaseServiceDeps> {
  return (target, deps) =>
    defineRoute(
      target,
      {
        method: 'post',
        path: `/:id/actions/${name}`,
        tag: '案件办理',
        summary: ACTIONS[name].label,
        description: '由案件流程校验阶段、角色和内容：阶段不符 409，角色不符 403，内容有误 422。',
        auth: 'user',
        roles: actionRoles(name),
        params: caseIdParam,
        body: ACTION_SCHEMAS[name],
        responses: {
          200: { description: '已办理', schema: actionResponse },
          403: { description: '角色无权办理' },
          404: { description: '本院无此案件' },
          409: { description: '案件所处阶段不能办理' },
          422: { description: '内容有误' },
        },
      },
      async ({ req, res, params, body, principal }) => {
        const key = req.get('idempotency-key');
        const { result, row } = await performAction(deps, principal, params.id, name, body, key);
        res.json({ result, case: presentCase(row) });
      },
    );
}

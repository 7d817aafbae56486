import { Router } from 'express';
import { findCaseInScope, recommendationsOf } from '../../store/case-reads';
import { currentDomain } from '../../store/reference';
import { timelineOf } from '../../store/timeline';
import { ACTIONS, ACTION_NAMES } from '../../domain/case/actions';
import { ACTION_SCHEMAS, type ActionName } from '../../domain/case/payloads';
import { CASE_ACTING_ROLES } from '../../domain/roles';
import { defineRoute, type RouteRegistry } from '../routing';
import { problems } from '../problem';
import { performAction } from './act';
import { createCase, type CaseServiceDeps } from './create-case';
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
  const router = Router();
  const target = { router, registry, mountPath: '/api/cases' };

  defineRoute(
    target,
    {
      method: 'post',
      path: '/',
      tag: '案件',
      summary: '登记线索（新建案件）',
      auth: 'user',
      roles: ['prosecutor', 'head'],
      body: createCaseBody,
      responses: {
        201: { description: '已登记', schema: caseResponse },
        409: { description: '外部编号已登记' },
        422: { description: '输入内容有误' },
      },
    },
    async ({ res, body, principal }) => {
      const summary = await createCase(deps, principal, body);
      const row = await findCaseInScope(deps.db, summary.caseId, principal.procuratorateId);
      if (!row) throw problems.unavailable('案件已登记，读取视图尚未就绪');
      res.status(201).location(`/api/cases/${summary.caseId}`).json(presentCase(row));
    },
  );

  defineRoute(
    target,
    {
      method: 'get',
      path: '/',
      tag: '案件',
      summary: '案件列表（筛选、排序、游标分页）',
      auth: 'user',
      query: caseListQuery,
      responses: { 200: { description: '一页案件', schema: caseListResponse } },
    },
    async ({ res, query, principal }) => {
      res.json(await caseList(deps.db, principal, query, deps.now()));
    },
  );

  defineRoute(
    target,
    {
      method: 'get',
      path: '/:id',
      tag: '案件',
      summary: '案件详情（含期限及其计算过程、检察建议、可办理的操作）',
      auth: 'user',
      params: caseIdParam,
      responses: {
        200: { description: '案件', schema: caseDetailResponse },
        404: { description: '本院无此案件' },
      },
    },
    async ({ res, params, principal }) => {
      res.json(await caseDetail(deps, principal, params.id));
    },
  );

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

  defineRoute(
    target,
    {
      method: 'get',
      path: '/:id/typical-summary',
      tag: '案件',
      summary: '典型案例的匿名化摘要（以案释法用）：不含案号、人员和文字内容，日期只到月',
      auth: 'user',
      params: caseIdParam,
      responses: {
        200: { description: '摘要', schema: typicalSummaryResponse },
        404: { description: '本院无此案件' },
        409: { description: '案件未标记为典型案例' },
      },
    },
    async ({ res, params, principal }) => {
      const row = await findCaseInScope(deps.db, params.id, principal.procuratorateId);
      if (!row) throw problems.notFound(`案件 ${params.id} 不存在`);
      if (!row.typical) throw problems.conflict('not-typical', '案件未标记为典型案例，不能导出摘要');
      const [domain, recommendations, timeline] = await Promise.all([
        currentDomain(deps.db, row.domain_code),
        recommendationsOf(deps.db, row.id),
        timelineOf(deps.db, row.id),
      ]);
      res.json(typicalSummary({ row, domainName: domain?.name ?? null, recommendations, timeline }));
    },
  );

  for (const name of ACTION_NAMES) defineActionRoute(deps, target, name);
  return router;
}

function defineActionRoute(
  deps: CaseServiceDeps,
  target: { router: Router; registry: RouteRegistry; mountPath: string },
  name: ActionName,
) {
  defineRoute(
    target,
    {
      method: 'post',
      path: `/:id/actions/${name}`,
      tag: '案件办理',
      summary: ACTIONS[name].label,
      description: '由案件流程校验阶段、角色和内容：阶段不符 409，角色不符 403，内容有误 422。',
      auth: 'user',
      roles: CASE_ACTING_ROLES,
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

import { Router } from 'express';
import { findCaseInScope } from '../../activities/db/case-reads';
import { defineRoute, type RouteRegistry } from '../routing';
import { problems } from '../problem';
import { createCase, type CaseServiceDeps } from './create-case';
import { presentCase } from './present';
import { caseIdParam, caseResponse, createCaseBody } from './schemas';

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
      path: '/:id',
      tag: '案件',
      summary: '案件详情',
      auth: 'user',
      params: caseIdParam,
      responses: { 200: { description: '案件', schema: caseResponse }, 404: { description: '本院无此案件' } },
    },
    async ({ res, params, principal }) => {
      const row = await findCaseInScope(deps.db, params.id, principal.procuratorateId);
      if (!row) throw problems.notFound(`案件 ${params.id} 不存在`);
      res.json(presentCase(row));
    },
  );

  return router;
}

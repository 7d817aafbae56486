import type { Router } from 'express';
import { findCaseInScope, recommendationsOf } from '../../store/case-reads';
import { currentDomain } from '../../store/reference';
import { timelineOf } from '../../store/timeline';
import { ACTIONS, FORM_ACTION_NAMES, actionRoles } from '../../domain/case/actions';
import { ACTION_SCHEMAS, type ActionName } from '../../domain/case/payloads';
import { defineReadRoute, routerOf, type RouteDeclaration } from '../route-kit';
import { defineRoute, type RouteRegistry, type RouteTarget } from '../routing';
import { problems } from '../problem';
import { performAction } from './act';
import { createCase, type CaseServiceDeps } from './create-case';
import { documentDownloadRoute, documentListRoute, documentReviseRoute } from './documents';
import { organRepliesRoute } from './organ-replies';
import { evidenceRoutes, recordPendingEvidence, type EvidenceDeps } from './evidence';
import { caseDetail } from './detail';
import { caseList, caseListQuery, caseListResponse } from './list';
import { presentCase } from './present';
import {
  actionResponse,
  pendingActionResponse,
  pendingCaseResponse,
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
import { narrativeReadRoute, narrativeWriteRoute, typicalExportRoute } from './typical-narrative';
import { readableCase } from '../oversight/scope';

export function caseRoutes(deps: EvidenceDeps, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/cases', deps, [
    createRoute,
    listRoute,
    detailRoute,
    timelineRoute,
    typicalSummaryRoute,
    narrativeReadRoute,
    narrativeWriteRoute,
    typicalExportRoute,
    documentListRoute,
    documentDownloadRoute,
    documentReviseRoute,
    ...evidenceRoutes,
    organRepliesRoute,
    ...FORM_ACTION_NAMES.map(actionRoute),
  ]);
}

function createRoute(target: RouteTarget, deps: CaseServiceDeps): void {
  defineRoute(
    target,
    {
      method: 'post',
      path: '/',
      tag: '案件',
      summary: '登记线索（新建案件）',
      description:
        '带 Idempotency-Key 重复提交同一登记，只会登记一个案件：超时（202）后用同一个键重试，得到该案件的最终结果。',
      auth: 'user',
      roles: ['prosecutor', 'head'],
      body: createCaseBody,
      responses: {
        201: { description: '已登记', schema: caseResponse },
        202: {
          description: '已编号并交付办案流程，尚未登记完成（用同一 Idempotency-Key 重试得到最终结果）',
          schema: pendingCaseResponse,
        },
        409: { description: '外部编号已登记' },
        422: { description: '输入内容有误' },
        503: { description: '流程引擎暂不可用，尚未受理（见 Retry-After）' },
      },
    },
    async ({ req, res, body, principal }) => {
      const registration = await createCase(deps, principal, body, req.get('idempotency-key'));
      const caseId = registration.kind === 'done' ? registration.summary.caseId : registration.caseId;
      res.location(`/api/cases/${caseId}`);
      const row =
        registration.kind === 'done'
          ? await findCaseInScope(deps.db, caseId, principal.procuratorateId)
          : undefined;
      if (registration.kind === 'done' && body.publicLeadId)
        await recordPendingEvidence(deps, principal, caseId);
      if (!row) {
        res
          .status(202)
          .json({ status: 'pending', caseId, detail: `线索已受理，案件编号 ${caseId}；办案流程正在登记` });
        return;
      }
      res.status(201).json(presentCase(row));
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
      otherResponses: { 404: { description: '所指检察院（procuratorate）不是本院或本院监督的下级院' } },
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
      await readableCase(deps.db, params.id, principal);
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
      const row = await readableCase(deps.db, params.id, principal);
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
          202: {
            description: '已受理，办案流程尚未办完（用同一 Idempotency-Key 重试得到最终结果，不会重复办理）',
            schema: pendingActionResponse,
          },
          403: { description: '角色无权办理' },
          404: { description: '本院无此案件' },
          409: { description: '案件所处阶段不能办理' },
          422: { description: '内容有误' },
          503: { description: '办案流程暂未响应，尚未受理（见 Retry-After）' },
        },
      },
      async ({ req, res, params, body, principal }) => {
        const key = req.get('idempotency-key');
        const outcome = await performAction(deps, principal, params.id, name, body, key);
        if (outcome.kind === 'pending') {
          res.status(202).json({
            status: 'pending',
            caseId: outcome.row.id,
            actionId: outcome.actionId,
            detail: '已受理，正在办理；稍后刷新案件查看结果',
          });
          return;
        }
        res.json({ result: outcome.result, case: presentCase(outcome.row) });
      },
    );
}

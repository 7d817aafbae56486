/**
 * The procuratorate above (上级院): the oversight role sees every procuratorate below its own
 * side by side, acknowledges the 备案 filed with it, and its head or chief assigns a case
 * downward (上级交办), which the lower procuratorate then runs and the assigning one follows.
 */
import type { Router } from 'express';
import { z } from 'zod';
import { leadFields } from '../../domain/case/registration';
import { acknowledgeFiling, assignmentsBy, recordAssignment } from '../../store/oversight';
import { descendantsOf } from '../../store/procuratorate-tree';
import { defineListRoute, defineReadRoute, routerOf } from '../route-kit';
import { defineRoute, type RouteRegistry, type RouteTarget } from '../routing';
import { periodQuery } from '../statistics/schemas';
import { periodOf, periodSummary } from '../statistics/summary';
import { createCase, type CaseServiceDeps } from '../cases/create-case';
import { presentCase } from '../cases/present';
import { caseIdParam, caseResponse, pendingCaseResponse } from '../cases/schemas';
import { problems } from '../problem';
import { text } from '../../domain/text';

const TAG = '上级院监督';

const figuresItem = z.object({
  id: z.string(),
  name: z.string(),
  level: z.string(),
  parentId: z.string().nullable(),
  depth: z.number().describe('1 为直接下级，2 为下级的下级，依此类推'),
  filed: z.number().describe('期间内立案数'),
  received: z.number().describe('期间内受理线索数'),
  recommendations: z.object({
    total: z.number(),
    rectified: z.number(),
    nonPerformance: z.number(),
    litigated: z.number(),
  }),
  byStage: z.array(z.object({ stage: z.string(), count: z.number() })),
});

const figuresResponse = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  procuratorates: z.array(figuresItem),
});

export const assignmentBody = z.strictObject({
  ...leadFields,
  track: leadFields.track.default('administrative'),
  source: z.literal('assigned_from_above').default('assigned_from_above').describe('线索来源：上级交办'),
  procuratorateId: text('承办的下级检察院 ID', 64),
  handlerId: text('下级院的承办检察官用户 ID', 64),
  instructions: text('交办要求', 2000).optional(),
});

const assignmentItem = z.object({
  caseId: z.string(),
  procuratorateId: z.string(),
  procuratorate: z.string(),
  assignedAt: z.string(),
  instructions: z.string().nullable(),
  case: caseResponse.nullable().describe('下级院的案件；尚未登记完成时为 null'),
});

const filingParams = caseIdParam.extend({ seq: z.coerce.number().int().min(1).describe('时间线序号') });

export function oversightRoutes(deps: CaseServiceDeps, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/oversight', deps, [
    figuresRoute,
    belowRoute,
    assignRoute,
    assignmentsRoute,
    acknowledgeRoute,
  ]);
}

function figuresRoute(target: RouteTarget, deps: CaseServiceDeps): void {
  defineReadRoute(
    target,
    {
      tag: TAG,
      path: '/figures',
      summary: '各下级院（任意层级）的期间数据并列对比',
      roles: ['oversight'],
      query: periodQuery,
      answer: { description: '每个下级院一行，上级在其下级之前', schema: figuresResponse },
      otherResponses: { 422: { description: '期间有误' } },
    },
    async ({ query, principal }) => {
      const { period } = periodOf(deps, query);
      const below = await descendantsOf(deps.db, principal.procuratorateId);
      const rows = [];
      // One after the other: a province with many districts must not take the whole pool at once.
      for (const p of below) {
        const s = await periodSummary(deps, p.id, period);
        rows.push({
          id: p.id,
          name: p.name,
          level: p.level,
          parentId: p.parent_id,
          depth: p.depth,
          filed: s.byDomain.reduce((n, d) => n + d.count, 0),
          received: s.byDomain.reduce((n, d) => n + d.received, 0),
          recommendations: s.recommendations,
          byStage: s.byStage,
        });
      }
      return { period, procuratorates: rows };
    },
  );
}

function assignRoute(target: RouteTarget, deps: CaseServiceDeps): void {
  defineRoute(
    target,
    {
      method: 'post',
      path: '/assignments',
      tag: TAG,
      summary: '上级交办：把案件线索交由下级院办理',
      description:
        '案件登记在下级院、由其承办检察官办理；本院只能跟踪查看。带 Idempotency-Key 重试同一交办只登记一个案件。',
      auth: 'user',
      roles: ['head', 'chief'],
      body: assignmentBody,
      responses: {
        201: { description: '已交办', schema: assignmentItem },
        202: { description: '已编号，下级院的办案流程尚未登记完成', schema: pendingCaseResponse },
        422: { description: '下级院、承办人或线索内容有误' },
      },
    },
    async ({ req, res, body, principal }) => {
      const { procuratorateId, instructions, ...lead } = body;
      const below = await descendantsOf(deps.db, principal.procuratorateId);
      const district = below.find((p) => p.id === procuratorateId);
      if (!district)
        throw problems.validation(`${procuratorateId} 不是本院的下级检察院，不能交办`, [
          { path: 'procuratorateId', message: '不是本院的下级检察院' },
        ]);
      // The case is the lower procuratorate's from its first entry: registered there, by this person.
      const registration = await createCase(
        deps,
        { ...principal, procuratorateId },
        lead,
        req.get('idempotency-key'),
      );
      const caseId = registration.kind === 'done' ? registration.summary.caseId : registration.caseId;
      await recordAssignment(deps.db, {
        caseId,
        by: principal.procuratorateId,
        userId: principal.userId,
        instructions: instructions ?? null,
      });
      res.location(`/api/cases/${caseId}`);
      const [item] = (await assignmentsBy(deps.db, principal.procuratorateId, caseId)).map(presentAssignment);
      if (registration.kind !== 'done' || !item?.case)
        return void res.status(202).json({ status: 'pending', caseId, detail: `已交办，案件编号 ${caseId}` });
      res.status(201).json(item);
    },
  );
}

function assignmentsRoute(target: RouteTarget, deps: CaseServiceDeps): void {
  defineListRoute(
    target,
    {
      tag: TAG,
      path: '/assignments',
      summary: '本院交办给下级院的案件及其办理情况（只读跟踪）',
      roles: ['prosecutor', 'head', 'chief', 'case_office', 'oversight'],
      item: assignmentItem,
      listed: '交办的案件，新交办的在前',
    },
    ({ principal }) => assignmentsBy(deps.db, principal.procuratorateId),
    presentAssignment,
  );
}

const belowItem = z.object({
  id: z.string(),
  name: z.string(),
  level: z.string(),
  parentId: z.string().nullable(),
  depth: z.number().describe('1 为直接下级，2 为下级的下级，依此类推'),
});

/** The procuratorates below the caller's, to choose from when assigning a case downward. */
function belowRoute(target: RouteTarget, deps: CaseServiceDeps): void {
  defineListRoute(
    target,
    {
      tag: TAG,
      path: '/below',
      summary: '本院的各级下级院（交办时选择）',
      roles: ['prosecutor', 'head', 'chief', 'case_office', 'oversight'],
      item: belowItem,
      listed: '下级院，上级在其下级之前；没有下级院时为空',
    },
    ({ principal }) => descendantsOf(deps.db, principal.procuratorateId),
    (p) => ({ id: p.id, name: p.name, level: p.level, parentId: p.parent_id, depth: p.depth }),
  );
}

function acknowledgeRoute(target: RouteTarget, deps: CaseServiceDeps): void {
  defineRoute(
    target,
    {
      method: 'post',
      path: '/filings/:id/:seq/acknowledge',
      tag: TAG,
      summary: '确认已收到下级院的备案（检察建议或中止审查决定），移出待办',
      auth: 'user',
      roles: ['oversight', 'head', 'chief'],
      params: filingParams,
      responses: {
        204: { description: '已确认' },
        404: { description: '不是报本院备案的记录' },
      },
    },
    async ({ res, params, principal }) => {
      const found = await acknowledgeFiling(deps.db, {
        procuratorateId: principal.procuratorateId,
        caseId: params.id,
        seq: params.seq,
        userId: principal.userId,
      });
      if (!found) throw problems.notFound(`案件 ${params.id} 第 ${params.seq} 条记录不是报本院的备案`);
      res.status(204).end();
    },
  );
}

function presentAssignment(row: Awaited<ReturnType<typeof assignmentsBy>>[number]) {
  return {
    caseId: row.case_id,
    procuratorateId: row.procuratorate_id,
    procuratorate: row.procuratorate_name,
    assignedAt: row.assigned_at.toISOString(),
    instructions: row.instructions,
    case: row.case ? presentCase(row.case) : null,
  };
}

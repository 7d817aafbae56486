// /api/admin/policy: the period policy (调休上班日), clock lengths and the reminder policy.
// Like the holiday schedule these are the same for every procuratorate: any admin manages them.
import { Router } from 'express';
import { defineRoute, type RouteRegistry } from '../routing';
import type { CalendarServiceDeps } from './holiday-service';
import { policyChangeBody } from './policy-input';
import { applyPolicy, policyWhatIf } from './policy-service';
import { policyView } from './policy-view';
import { policyApplyResponse, policyResponse, policyWhatIfResponse } from './schemas';

const TAG = '期限政策';
const ADMIN = { auth: 'user', roles: ['admin'] } as const;

export function policyRoutes(deps: CalendarServiceDeps, registry: RouteRegistry): Router {
  const router = Router();
  const target = { router, registry, mountPath: '/api/admin/policy' };

  defineRoute(
    target,
    {
      method: 'get',
      path: '/',
      tag: TAG,
      summary: '现行期间计算政策、期限长度和提醒策略',
      ...ADMIN,
      responses: { 200: { description: '现行政策', schema: policyResponse } },
    },
    async ({ res }) => {
      res.json(await policyView(deps));
    },
  );

  defineRoute(
    target,
    {
      method: 'post',
      path: '/what-if',
      tag: TAG,
      summary: '预览：变更政策后哪些未届满期限会变化（不保存）',
      ...ADMIN,
      body: policyChangeBody,
      idempotent: false,
      responses: {
        200: { description: '将会变化的期限', schema: policyWhatIfResponse },
        422: { description: '输入有误' },
      },
    },
    async ({ res, body }) => {
      const { report } = await policyWhatIf(deps, body);
      res.json(report);
    },
  );

  defineRoute(
    target,
    {
      method: 'put',
      path: '/',
      tag: TAG,
      summary: '变更政策（每项变更生成新版本），并通知受影响的案件重新计算期限',
      ...ADMIN,
      body: policyChangeBody,
      responses: {
        200: { description: '变更结果', schema: policyApplyResponse },
        422: { description: '输入有误' },
      },
    },
    async ({ res, body, principal }) => {
      const applied = await applyPolicy(deps, body, principal.userId);
      res.json({ ...applied, policy: await policyView(deps) });
    },
  );

  return router;
}

// /api/admin/policy: the period policy (调休上班日), clock lengths and the reminder policy.
// Like the holiday schedule these bind every procuratorate: the platform's administrator changes
// them, a procuratorate's admin reads and previews them.
import type { Router } from 'express';
import { PLATFORM_READERS, PLATFORM_REFUSAL, PLATFORM_ROLES } from '../../domain/roles';
import { defineReadRoute, routerOf } from '../route-kit';
import { defineRoute, type RouteRegistry, type RouteTarget } from '../routing';
import type { CalendarServiceDeps } from './holiday-service';
import { policyChangeBody } from './policy-input';
import { applyPolicy, policyWhatIf } from './policy-service';
import { policyView } from './policy-view';
import { scopedChange } from './signal-cases';
import { defineWhatIfRoute } from './what-if-route';
import { policyApplyResponse, policyResponse, policyWhatIfResponse } from './schemas';

const READERS = { tag: '期限政策', auth: 'user', roles: PLATFORM_READERS } as const;
const PLATFORM = { tag: '期限政策', auth: 'user', roles: PLATFORM_ROLES, refusal: PLATFORM_REFUSAL } as const;
const INVALID = { description: '输入有误' };

export function policyRoutes(deps: CalendarServiceDeps, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/admin/policy', deps, [currentRoute, whatIfRoute, applyRoute]);
}

function currentRoute(target: RouteTarget, deps: CalendarServiceDeps): void {
  defineReadRoute(
    target,
    {
      ...READERS,
      summary: '现行期间计算政策、期限长度和提醒策略',
      answer: { description: '现行政策', schema: policyResponse },
    },
    () => policyView(deps),
  );
}

function whatIfRoute(target: RouteTarget, deps: CalendarServiceDeps): void {
  defineWhatIfRoute(
    target,
    {
      tag: READERS.tag,
      summary: '预览：变更政策后哪些未届满期限会变化（不保存）',
      body: policyChangeBody,
      report: policyWhatIfResponse,
      invalid: INVALID,
    },
    async (body) => (await policyWhatIf(deps, body)).report,
  );
}

function applyRoute(target: RouteTarget, deps: CalendarServiceDeps): void {
  defineRoute(
    target,
    {
      method: 'put',
      path: '/',
      summary: '变更政策（每项变更生成新版本），并通知受影响的案件重新计算期限',
      ...PLATFORM,
      body: policyChangeBody,
      responses: { 200: { description: '变更结果', schema: policyApplyResponse }, 422: INVALID },
    },
    async ({ res, body, principal }) => {
      const applied = await applyPolicy(deps, body, principal.userId);
      res.json({ ...scopedChange(applied, principal.procuratorateId), policy: await policyView(deps) });
    },
  );
}

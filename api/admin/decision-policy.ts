// /api/admin/decision-policy: the admin's own procuratorate's decision policy — whether a head
// reviews every proposal before the decision (部门负责人审核, default yes), and which of the chief's
// decisions the chief delegated to which head. Termination is the chief's alone and not delegable.
import type { Router } from 'express';
import { z } from 'zod';
import { identifier } from '../../domain/text';
import { decisionPolicyOf, saveDecisionPolicy } from '../../store/decision-policy';
import type { Db } from '../../store/pool';
import { usersWithRole } from '../../store/users';
import { problems } from '../problem';
import { defineReadRoute, routerOf } from '../route-kit';
import { defineRoute, type RouteRegistry, type RouteTarget } from '../routing';

const ADMIN = { tag: '决定权限', auth: 'user', roles: ['admin'] } as const;
const DELEGABLE = ['filing', 'recommendation', 'litigation'] as const;

const delegation = z.strictObject({
  kind: z
    .enum(DELEGABLE)
    .describe('filing 立案，recommendation 发出检察建议，litigation 提起诉讼（不含决定不起诉）'),
  headId: identifier('受权的部门负责人 ID'),
  delegatedBy: identifier('授权的检察长 ID'),
});

const policyBody = z.strictObject({
  headReviewRequired: z.boolean().describe('提请须经部门负责人审核后报检察长决定（默认 true）'),
  delegations: z.array(delegation).max(100).describe('检察长授权部门负责人决定的事项'),
});

const policyResponse = z.object({
  headReviewRequired: z.boolean(),
  delegations: z.array(
    z.object({
      kind: z.string(),
      headId: z.string(),
      delegatedBy: z.string().nullable().describe('null：本项授权设于记录授权检察长之前'),
    }),
  ),
});

type Deps = { db: Db };

export function decisionPolicyRoutes(deps: Deps, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/admin/decision-policy', deps, [readRoute, saveRoute]);
}

function readRoute(target: RouteTarget, deps: Deps): void {
  defineReadRoute(
    target,
    {
      ...ADMIN,
      summary: '本院的提请审核与决定授权设置',
      answer: { description: '决定权限设置', schema: policyResponse },
    },
    ({ principal }) => decisionPolicyOf(deps.db, principal.procuratorateId),
  );
}

/** Each delegation names an active head and an active chief of the procuratorate, once per kind and head. */
async function checkPeople(db: Db, procuratorateId: string, body: z.infer<typeof policyBody>): Promise<void> {
  const heads = new Set((await usersWithRole(db, procuratorateId, 'head')).map((u) => u.id));
  const chiefs = new Set((await usersWithRole(db, procuratorateId, 'chief')).map((u) => u.id));
  const seen = new Set<string>();
  for (const [i, d] of body.delegations.entries()) {
    const at = (field: string, message: string) =>
      problems.validation(message, [{ path: `delegations.${i}.${field}`, message }]);
    if (!heads.has(d.headId)) throw at('headId', `${d.headId} 不是本院在职的部门负责人`);
    if (!chiefs.has(d.delegatedBy)) throw at('delegatedBy', `${d.delegatedBy} 不是本院在职的检察长`);
    if (seen.has(`${d.kind}:${d.headId}`)) throw at('kind', '同一事项对同一部门负责人只能授权一次');
    seen.add(`${d.kind}:${d.headId}`);
  }
}

function saveRoute(target: RouteTarget, deps: Deps): void {
  defineRoute(
    target,
    {
      ...ADMIN,
      method: 'put',
      path: '/',
      summary: '设置本院的提请审核与决定授权（整体替换）；此后的提请和决定按新设置办理',
      body: policyBody,
      responses: {
        200: { description: '新的决定权限设置', schema: policyResponse },
        422: { description: '输入有误' },
      },
    },
    async ({ res, body, principal }) => {
      await checkPeople(deps.db, principal.procuratorateId, body);
      await saveDecisionPolicy(deps.db, principal.procuratorateId, body, principal.userId);
      res.json(await decisionPolicyOf(deps.db, principal.procuratorateId));
    },
  );
}

import type { Router } from 'express';
import type { Db } from '../../store/pool';
import { listUsers } from '../../store/user-admin';
import { origin } from '../auth/routes';
import { defineChangeRoute, defineCreateRoute, defineListRoute, routerOf } from '../route-kit';
import type { RouteRegistry, RouteTarget } from '../routing';
import { directoryRoute } from './directory';
import { z } from 'zod';
import { openRoleGrants } from '../../store/role-grants';
import { defineRoute } from '../routing';
import {
  createUserBody,
  listUsersQuery,
  roleGrantParams,
  roleGrantResponse,
  savedUserResponse,
  updateUserBody,
  userResponse,
} from './schemas';
import { changeUser, createUser, decideRoles, presentRoleGrant, presentSaved, presentUser } from './service';

const ADMIN = { tag: '用户', auth: 'user', roles: ['admin'] } as const;

/** The procuratorate's users, administered by its admins. */
export function userRoutes(deps: { db: Db }, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/users', deps, [
    directoryRoute,
    roleGrantsRoute,
    decideRoute('approve'),
    decideRoute('reject'),
    listRoute,
    createRoute,
    changeRoute,
  ]);
}

function listRoute(target: RouteTarget, { db }: { db: Db }): void {
  defineListRoute(
    target,
    { ...ADMIN, summary: '本院用户', query: listUsersQuery, item: userResponse, listed: '用户列表' },
    ({ query, principal }) => listUsers(db, principal.procuratorateId, query),
    presentUser,
  );
}

function createRoute(target: RouteTarget, { db }: { db: Db }): void {
  defineCreateRoute(
    target,
    {
      ...ADMIN,
      summary: '新建用户',
      body: createUserBody,
      description:
        '给检察长、部门负责人或管理员角色须另一名管理员批准：此时账户先建为停用，申请见 pendingRoleGrant，批准后按所请启用。',
      result: { description: '已新建', schema: savedUserResponse },
      otherResponses: { 409: { description: '用户名已被使用' } },
    },
    {
      create: ({ req, body, principal }) => createUser(db, principal, body, origin(req)),
      present: presentSaved,
      locate: (saved) => `/api/users/${saved.user.id}`,
    },
  );
}

function changeRoute(target: RouteTarget, { db }: { db: Db }): void {
  defineChangeRoute(
    target,
    {
      ...ADMIN,
      summary: '修改用户（角色、停用、姓名、邮箱、密码）',
      description:
        '新增检察长、部门负责人或管理员角色须另一名管理员批准：其余修改即时生效，这些角色见 pendingRoleGrant，批准后生效。',
      body: updateUserBody,
      result: { description: '修改后的用户', schema: savedUserResponse },
      otherResponses: {
        404: { description: '本院没有这个用户' },
        409: { description: '不能停用自己或取消自己的管理员角色' },
      },
    },
    {
      change: ({ req, params, body, principal }) => changeUser(db, principal, params.id, body, origin(req)),
      present: presentSaved,
    },
  );
}

function roleGrantsRoute(target: RouteTarget, { db }: { db: Db }): void {
  defineRoute(
    target,
    {
      ...ADMIN,
      method: 'get',
      path: '/role-grants',
      summary: '待审批的角色申请',
      description: '给检察长、部门负责人或管理员角色的申请，等待提出人以外的另一名管理员批准。',
      responses: { 200: { description: '待审批的申请，先提出的在前', schema: z.array(roleGrantResponse) } },
    },
    async ({ res, principal }) => {
      res.json((await openRoleGrants(db, principal.procuratorateId)).map(presentRoleGrant));
    },
  );
}

function decideRoute(decision: 'approve' | 'reject') {
  return (target: RouteTarget, { db }: { db: Db }): void => {
    defineRoute(
      target,
      {
        ...ADMIN,
        method: 'post',
        path: `/role-grants/:id/${decision}`,
        summary: decision === 'approve' ? '批准角色申请' : '驳回角色申请',
        description: '须由提出申请以外、且非被申请人本人的管理员办理。',
        params: roleGrantParams,
        responses: {
          200: {
            description: decision === 'approve' ? '已批准：角色已生效' : '已驳回：角色未变',
            schema: z.object({ grant: roleGrantResponse, user: userResponse }),
          },
          403: { description: '提出申请的管理员或被申请人本人不能审批' },
          404: { description: '本院没有这个待审批的申请' },
        },
      },
      async ({ req, res, params, principal }) => {
        const outcome = decision === 'approve' ? 'approved' : 'rejected';
        const { grant, user } = await decideRoles(db, principal, params.id, outcome, origin(req));
        res.json({ grant: presentRoleGrant(grant), user: presentUser(user) });
      },
    );
  };
}

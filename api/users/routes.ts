import type { Router } from 'express';
import type { Db } from '../../store/pool';
import { listUsers } from '../../store/user-admin';
import { origin } from '../auth/routes';
import { defineChangeRoute, defineCreateRoute, defineListRoute, routerOf } from '../route-kit';
import type { RouteRegistry, RouteTarget } from '../routing';
import { directoryRoute } from './directory';
import { createUserBody, listUsersQuery, updateUserBody, userResponse } from './schemas';
import { changeUser, createUser, presentUser } from './service';

const ADMIN = { tag: '用户', auth: 'user', roles: ['admin'] } as const;

/** The procuratorate's users, administered by its admins. */
export function userRoutes(deps: { db: Db }, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/users', deps, [directoryRoute, listRoute, createRoute, changeRoute]);
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
      result: { description: '已新建', schema: userResponse },
      otherResponses: { 409: { description: '用户名已被使用' } },
    },
    {
      create: ({ body, principal }) => createUser(db, principal, body),
      present: presentUser,
      locate: (row) => `/api/users/${row.id}`,
    },
  );
}

function changeRoute(target: RouteTarget, { db }: { db: Db }): void {
  defineChangeRoute(
    target,
    {
      ...ADMIN,
      summary: '修改用户（角色、停用、姓名、邮箱、密码）',
      body: updateUserBody,
      result: { description: '修改后的用户', schema: userResponse },
      otherResponses: {
        404: { description: '本院没有这个用户' },
        409: { description: '不能停用自己或取消自己的管理员角色' },
      },
    },
    {
      change: ({ req, params, body, principal }) => changeUser(db, principal, params.id, body, origin(req)),
      present: presentUser,
    },
  );
}

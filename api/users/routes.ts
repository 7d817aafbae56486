import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../store/pool';
import { listUsers } from '../../store/user-admin';
import { origin } from '../auth/routes';
import { defineRoute, type RouteRegistry, type RouteTarget } from '../routing';
import { idParam } from '../validation';
import { directoryRoute } from './directory';
import { createUserBody, listUsersQuery, updateUserBody, userResponse } from './schemas';
import { changeUser, createUser, presentUser } from './service';

const TAG = '用户';

/** The procuratorate's users, administered by its admins. */
export function userRoutes(deps: { db: Db }, registry: RouteRegistry): Router {
  const router = Router();
  const target = { router, registry, mountPath: '/api/users' };
  directoryRoute(target, deps);
  listRoute(target, deps);
  createRoute(target, deps);
  changeRoute(target, deps);
  return router;
}

function listRoute(target: RouteTarget, deps: { db: Db }): void {
  const { db } = deps;
  defineRoute(
    target,
    {
      method: 'get',
      path: '/',
      tag: TAG,
      summary: '本院用户',
      auth: 'user',
      roles: ['admin'],
      query: listUsersQuery,
      responses: { 200: { description: '用户列表', schema: z.array(userResponse) } },
    },
    async ({ res, query, principal }) => {
      const rows = await listUsers(db, principal.procuratorateId, query);
      res.json(rows.map(presentUser));
    },
  );
}

function createRoute(target: RouteTarget, deps: { db: Db }): void {
  const { db } = deps;
  defineRoute(
    target,
    {
      method: 'post',
      path: '/',
      tag: TAG,
      summary: '新建用户',
      auth: 'user',
      roles: ['admin'],
      body: createUserBody,
      responses: {
        201: { description: '已新建', schema: userResponse },
        409: { description: '用户名已被使用' },
      },
    },
    async ({ res, body, principal }) => {
      const row = await createUser(db, principal, body);
      res.status(201).location(`/api/users/${row.id}`).json(presentUser(row));
    },
  );
}

function changeRoute(target: RouteTarget, deps: { db: Db }): void {
  const { db } = deps;
  defineRoute(
    target,
    {
      method: 'patch',
      path: '/:id',
      tag: TAG,
      summary: '修改用户（角色、停用、姓名、邮箱、密码）',
      auth: 'user',
      roles: ['admin'],
      params: idParam,
      body: updateUserBody,
      responses: {
        200: { description: '修改后的用户', schema: userResponse },
        404: { description: '本院没有这个用户' },
        409: { description: '不能停用自己或取消自己的管理员角色' },
      },
    },
    async ({ req, res, params, body, principal }) => {
      const row = await changeUser(db, principal, params.id, body, origin(req));
      res.json(presentUser(row));
    },
  );
}

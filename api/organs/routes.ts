import { Router } from 'express';
import { z } from 'zod';
import { insertOrgan, listOrgans, updateOrgan, type OrganRow } from '../../store/organs';
import { isUniqueViolation, type Db } from '../../store/pool';
import { ROLES } from '../../domain/roles';
import { newId } from '../auth/opaque-tokens';
import { problems } from '../problem';
import { defineRoute, type RouteRegistry, type RouteTarget } from '../routing';
import { idParam } from '../validation';
import { createOrganBody, organResponse, updateOrganBody } from './schemas';

const TAG = '行政机关';

/** The registry of administrative organs the procuratorate supervises (名录); admins keep it. */
export function organRoutes(deps: { db: Db }, registry: RouteRegistry): Router {
  const router = Router();
  const target = { router, registry, mountPath: '/api/organs' };
  listRoute(target, deps);
  registerRoute(target, deps);
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
      summary: '本院的行政机关名录',
      auth: 'user',
      roles: ROLES,
      responses: { 200: { description: '行政机关', schema: z.array(organResponse) } },
    },
    async ({ res, principal }) => {
      res.json((await listOrgans(db, principal.procuratorateId)).map(presentOrgan));
    },
  );
}

function registerRoute(target: RouteTarget, deps: { db: Db }): void {
  const { db } = deps;
  defineRoute(
    target,
    {
      method: 'post',
      path: '/',
      tag: TAG,
      summary: '登记行政机关',
      auth: 'user',
      roles: ['admin'],
      body: createOrganBody,
      responses: {
        201: { description: '已登记', schema: organResponse },
        409: { description: '本院已有同名机关' },
      },
    },
    async ({ res, body, principal }) => {
      const row = await uniqueName(body.name, () =>
        insertOrgan(db, { id: newId('org'), procuratorateId: principal.procuratorateId, ...body }),
      );
      res.status(201).location(`/api/organs/${row.id}`).json(presentOrgan(row));
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
      summary: '修改行政机关',
      auth: 'user',
      roles: ['admin'],
      params: idParam,
      body: updateOrganBody,
      responses: {
        200: { description: '修改后的机关', schema: organResponse },
        404: { description: '本院没有这个机关' },
        409: { description: '本院已有同名机关' },
      },
    },
    async ({ res, params, body, principal }) => {
      const row = await uniqueName(body.name ?? '', () =>
        updateOrgan(db, params.id, principal.procuratorateId, body),
      );
      if (!row) throw problems.notFound('本院没有这个机关');
      res.json(presentOrgan(row));
    },
  );
}

async function uniqueName<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw problems.conflict('organ-name-taken', `本院已有名为“${name}”的机关`);
    throw err;
  }
}

function presentOrgan(row: OrganRow) {
  return {
    id: row.id,
    procuratorateId: row.procuratorate_id,
    name: row.name,
    kind: row.kind,
    email: row.email,
    address: row.address,
    createdAt: row.created_at.toISOString(),
  };
}

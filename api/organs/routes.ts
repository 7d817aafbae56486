import type { Router } from 'express';
import { insertOrgan, listOrgans, updateOrgan, type OrganRow } from '../../store/organs';
import { isUniqueViolation, type Db } from '../../store/pool';
import { ROLES } from '../../domain/roles';
import { newId } from '../auth/opaque-tokens';
import { problems } from '../problem';
import { defineChangeRoute, defineCreateRoute, defineListRoute, routerOf } from '../route-kit';
import type { RouteRegistry, RouteTarget } from '../routing';
import { createOrganBody, organResponse, updateOrganBody } from './schemas';

const TAG = '行政机关';
const ADMIN = { tag: TAG, auth: 'user', roles: ['admin'] } as const;

/** The registry of administrative organs the procuratorate supervises (名录); admins keep it. */
export function organRoutes(deps: { db: Db }, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/organs', deps, [listRoute, registerRoute, changeRoute]);
}

function listRoute(target: RouteTarget, { db }: { db: Db }): void {
  defineListRoute(
    target,
    { tag: TAG, summary: '本院的行政机关名录', roles: ROLES, item: organResponse, listed: '行政机关' },
    ({ principal }) => listOrgans(db, principal.procuratorateId),
    presentOrgan,
  );
}

function registerRoute(target: RouteTarget, { db }: { db: Db }): void {
  defineCreateRoute(
    target,
    {
      ...ADMIN,
      summary: '登记行政机关',
      body: createOrganBody,
      result: { description: '已登记', schema: organResponse },
      otherResponses: { 409: { description: '本院已有同名机关' } },
    },
    {
      create: ({ body, principal }) =>
        uniqueName(body.name, () =>
          insertOrgan(db, { id: newId('org'), procuratorateId: principal.procuratorateId, ...body }),
        ),
      present: presentOrgan,
      locate: (row) => `/api/organs/${row.id}`,
    },
  );
}

function changeRoute(target: RouteTarget, { db }: { db: Db }): void {
  defineChangeRoute(
    target,
    {
      ...ADMIN,
      summary: '修改行政机关',
      body: updateOrganBody,
      result: { description: '修改后的机关', schema: organResponse },
      otherResponses: { 404: { description: '本院没有这个机关' }, 409: { description: '本院已有同名机关' } },
    },
    {
      change: async ({ params, body, principal }) => {
        const row = await uniqueName(body.name ?? '', () =>
          updateOrgan(db, params.id, principal.procuratorateId, body),
        );
        if (!row) throw problems.notFound('本院没有这个机关');
        return row;
      },
      present: presentOrgan,
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
    contactName: row.contact_name,
    phone: row.phone,
    active: row.deactivated_at === null,
    deactivatedAt: row.deactivated_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

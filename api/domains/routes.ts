// /api/domains for every signed-in user (the domains in force, e.g. for the lead form), and
// /api/admin/domains: the national reference list, read by every admin and changed only by the
// platform's administrator.
import type { Router } from 'express';
import { PLATFORM_READERS, PLATFORM_REFUSAL, PLATFORM_ROLES } from '../../domain/roles';
import { domainsInForce } from '../../store/domains';
import type { Db } from '../../store/pool';
import { shanghaiDate } from '../../domain/time';
import {
  defineChangeRoute,
  defineCreateRoute,
  defineListRoute,
  defineReadRoute,
  routerOf,
} from '../route-kit';
import type { RouteRegistry, RouteTarget } from '../routing';
import {
  adminDomainList as adminDomainListSchema,
  domainCodeParam,
  domainVersion,
  domainVersionBody,
  newDomainBody,
} from './schemas';
import { addDomainVersion, addExploratoryDomain, adminDomainList, presentDomain } from './service';

const TAG = '公益诉讼领域';
const READERS = { tag: TAG, auth: 'user', roles: PLATFORM_READERS } as const;
const PLATFORM = { tag: TAG, auth: 'user', roles: PLATFORM_ROLES, refusal: PLATFORM_REFUSAL } as const;

interface DomainDeps {
  db: Db;
  now: () => Date;
}

export function domainRoutes(deps: DomainDeps, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/domains', deps, [inForceRoute]);
}

export function domainAdminRoutes(deps: DomainDeps, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/admin/domains', deps, [listRoute, addRoute, versionRoute]);
}

function inForceRoute(target: RouteTarget, deps: DomainDeps): void {
  defineListRoute(
    target,
    {
      tag: TAG,
      summary: '现行公益诉讼领域（各领域今天施行的版本）',
      item: domainVersion,
      listed: '按代码排列',
    },
    () => domainsInForce(deps.db, shanghaiDate(deps.now())),
    presentDomain,
  );
}

function listRoute(target: RouteTarget, deps: DomainDeps): void {
  defineReadRoute(
    target,
    {
      ...READERS,
      summary: '全部领域及其版本（现行、待施行、历史）',
      answer: { description: '各领域', schema: adminDomainListSchema },
    },
    () => adminDomainList(deps.db, shanghaiDate(deps.now())),
  );
}

function addRoute(target: RouteTarget, deps: DomainDeps): void {
  defineCreateRoute(
    target,
    {
      ...PLATFORM,
      summary: '新增等外探索领域（无法律明文规定，statutory=false）',
      body: newDomainBody,
      result: { description: '已新增（版本 1）', schema: domainVersion },
      otherResponses: {
        409: { description: '领域代码或名称已被使用' },
        422: { description: '内容有误（如施行日期早于今天）' },
      },
    },
    {
      create: ({ body, principal }) =>
        addExploratoryDomain(deps.db, principal, body, shanghaiDate(deps.now())),
      present: presentDomain,
    },
  );
}

function versionRoute(target: RouteTarget, deps: DomainDeps): void {
  defineChangeRoute(
    target,
    {
      ...PLATFORM,
      path: '/:code',
      summary: '修改领域：新增一个版本，自施行日期起适用（旧版本保留）',
      params: domainCodeParam,
      body: domainVersionBody,
      result: { description: '新版本', schema: domainVersion },
      otherResponses: {
        404: { description: '没有这个领域代码' },
        409: { description: '名称已被其他领域使用，或同时有其他修改' },
        422: { description: '内容有误（如施行日期早于今天或上一版本）' },
      },
    },
    {
      change: ({ params, body, principal }) =>
        addDomainVersion(deps.db, principal, params.code, body, shanghaiDate(deps.now())),
      present: presentDomain,
    },
  );
}

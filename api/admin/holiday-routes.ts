// /api/admin/holidays: the national holiday schedule. The State Council's schedule is the same
// for every procuratorate, so only the platform's administrator changes it; every procuratorate's
// admin reads it and previews a change, which lists the caller's own cases and counts the others'.
import type { Router } from 'express';
import { PLATFORM_READERS, PLATFORM_REFUSAL, PLATFORM_ROLES } from '../../domain/roles';
import { defineReadRoute, routerOf } from '../route-kit';
import { defineRoute, type RouteRegistry, type RouteTarget } from '../routing';
import { yearFromBody, yearImportBody } from './holiday-input';
import { scopedChange } from './signal-cases';
import { defineWhatIfRoute } from './what-if-route';
import { listScheduleYears, scheduleYearDetail } from './holiday-reads';
import { importScheduleYear, scheduleWhatIf, type CalendarServiceDeps } from './holiday-service';
import {
  scheduleImportResponse,
  scheduleWhatIfResponse,
  scheduleYearResponse,
  scheduleYearsResponse,
  yearParam,
} from './schemas';

const READERS = { tag: '节假日安排', auth: 'user', roles: PLATFORM_READERS } as const;
const PLATFORM = {
  tag: '节假日安排',
  auth: 'user',
  roles: PLATFORM_ROLES,
  refusal: PLATFORM_REFUSAL,
} as const;
// An .ics year is some 20 kB; its Chinese text may take three bytes a character.
const ICS_LIMIT = '1mb';
const INVALID = { description: '节假日安排有误：errors 逐项列出有问题的日期' };

export function holidayRoutes(deps: CalendarServiceDeps, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/admin/holidays', deps, [yearsRoute, yearRoute, whatIfRoute, importRoute]);
}

function yearsRoute(target: RouteTarget, deps: CalendarServiceDeps): void {
  defineReadRoute(
    target,
    {
      ...READERS,
      summary: '已载入的节假日安排（各年现行版本、来源、缺失年份）',
      answer: { description: '各年安排', schema: scheduleYearsResponse },
    },
    () => listScheduleYears(deps),
  );
}

function yearRoute(target: RouteTarget, deps: CalendarServiceDeps): void {
  defineReadRoute(
    target,
    {
      ...READERS,
      path: '/:year',
      summary: '某年的节假日安排及其历史版本',
      params: yearParam,
      answer: { description: '该年安排', schema: scheduleYearResponse },
      otherResponses: { 404: { description: '该年尚未载入' } },
    },
    ({ params }) => scheduleYearDetail(deps, params.year),
  );
}

function whatIfRoute(target: RouteTarget, deps: CalendarServiceDeps): void {
  defineWhatIfRoute(
    target,
    {
      tag: READERS.tag,
      summary: '预览：载入某年安排后哪些未届满期限会变化（不保存）',
      body: yearImportBody,
      bodyLimit: ICS_LIMIT,
      report: scheduleWhatIfResponse,
      invalid: INVALID,
    },
    (body) => scheduleWhatIf(deps, yearFromBody(body)),
  );
}

function importRoute(target: RouteTarget, deps: CalendarServiceDeps): void {
  defineRoute(
    target,
    {
      method: 'post',
      path: '/',
      summary: '载入某年节假日安排（JSON 或 .ics），并通知受影响的案件重新计算期限',
      description:
        '旧版本保留。与现行版本内容相同时不写入（applied=false），但仍通知期限尚未按现行安排重算的案件，可用于重试。',
      ...PLATFORM,
      body: yearImportBody,
      bodyLimit: ICS_LIMIT,
      responses: {
        201: { description: '已载入新版本', schema: scheduleImportResponse },
        200: { description: '与现行版本相同，未写入', schema: scheduleImportResponse },
        422: INVALID,
      },
    },
    async ({ res, body, principal }) => {
      const report = await importScheduleYear(deps, yearFromBody(body), principal.userId);
      res.status(report.applied ? 201 : 200).json(scopedChange(report, principal.procuratorateId));
    },
  );
}

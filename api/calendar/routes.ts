// GET /api/calendar/holidays: the stored holiday schedule of a year, for every signed-in user,
// so that calendars mark the same days off the deadlines were computed with.
import type { Router } from 'express';
import { z } from 'zod';
import { createCalendarStore, type CalendarStore } from '../../calendar/store';
import type { Db } from '../../store/pool';
import { defineReadRoute, routerOf } from '../route-kit';
import type { RouteRegistry, RouteTarget } from '../routing';

const holidaysQuery = z.strictObject({
  year: z
    .string()
    .regex(/^\d{4}$/, '应为四位年份，如 2026')
    .transform(Number)
    .describe('年份 YYYY'),
});

const day = z.object({ date: z.string().describe('日期 YYYY-MM-DD'), name: z.string() });

const holidaysResponse = z.object({
  year: z.number().int(),
  version: z.string().nullable().describe('该年现行安排的版本；未载入时为 null'),
  source: z
    .enum(['chinese-days', 'import'])
    .nullable()
    .describe('chinese-days：系统内置的国务院安排；import：管理员载入；未载入时为 null'),
  holidays: z.array(day).describe('放假日（含周末调休形成的连休）'),
  makeupWorkdays: z.array(day).describe('调休上班日'),
  missing: z.boolean().describe('true：该年安排尚未载入，届满日落在该年的期限仅按周末计算，为暂定期限'),
});

const entries = (record: Record<string, string>) =>
  Object.entries(record)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, name]) => ({ date, name }));

export function calendarRoutes(deps: { db: Db }, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/calendar', { store: createCalendarStore(deps.db) }, [holidaysRoute]);
}

function holidaysRoute(target: RouteTarget, { store }: { store: CalendarStore }): void {
  defineReadRoute(
    target,
    {
      path: '/holidays',
      tag: '节假日安排',
      summary: '某年的放假日和调休上班日（现行安排，供日历标注）',
      query: holidaysQuery,
      answer: { description: '该年安排；未载入时 missing=true', schema: holidaysResponse },
      otherResponses: { 422: { description: '年份有误' } },
    },
    async ({ query }) => {
      const year = (await store.schedule()).years[query.year];
      return {
        year: query.year,
        version: year?.version ?? null,
        source: year?.source ?? null,
        holidays: entries(year?.holidays ?? {}),
        makeupWorkdays: entries(year?.makeupWorkdays ?? {}),
        missing: year === undefined,
      };
    },
  );
}

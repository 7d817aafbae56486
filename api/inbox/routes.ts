// GET /api/inbox: what waits for the caller now (待办), most urgent first, with counts per kind.
import type { Router } from 'express';
import { z } from 'zod';
import { INBOX_KINDS } from '../../domain/inbox/waiting';
import { shanghaiDate } from '../../domain/time';
import type { Db } from '../../store/pool';
import { defineReadRoute, routerOf } from '../route-kit';
import type { RouteRegistry, RouteTarget } from '../routing';
import { gatherInbox } from './gather';

const inboxItem = z.object({
  kind: z
    .enum(INBOX_KINDS)
    .describe(
      'clock_overdue 已逾期的期限；escalation 待确认的督促措施；proposal 待决定的提请；alert 案件告警；' +
        'clock_due 7日内届满的期限；handed_over 新交办的案件；public_lead 待评估的群众线索；' +
        'filed_above 下级院报本院备案的检察建议或中止审查决定（上级院）',
    ),
  caseId: z.string().nullable(),
  leadId: z.string().nullable().describe('群众线索编号（kind 为 public_lead 时）'),
  title: z.string().describe('案件名称，或群众线索内容的开头'),
  action: z.string().describe('要办的事'),
  detail: z.string().nullable(),
  date: z.string().describe('期限的届满日，或开始等待之日'),
  overdue: z.boolean(),
  link: z.string().nullable().describe('在网页中办理此事的位置'),
  acknowledge: z.string().optional().describe('确认已阅、移出待办的接口路径（POST；kind 为 filed_above 时）'),
});

const inboxResponse = z.object({
  items: z.array(inboxItem),
  counts: z.object({ total: z.number().int() }).catchall(z.number().int()).describe('总数及各类数量'),
});

type InboxDeps = { db: Db; now: () => Date };

export function inboxRoutes(deps: InboxDeps, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/inbox', deps, [inboxRoute]);
}

function inboxRoute(target: RouteTarget, deps: InboxDeps): void {
  defineReadRoute(
    target,
    {
      tag: '待办',
      summary: '本人的待办事项，按紧急程度排列',
      description:
        '待决定的提请（检察长，或经授权的部门负责人）、待确认的督促措施、本人承办案件中已逾期或7日内届满的期限、' +
        '案件告警（案件管理部门）、待评估的群众线索、新交办的案件、下级院报本院的备案（上级院检察长和监督角色）。办理后即不再列出。',
      roles: ['prosecutor', 'head', 'chief', 'case_office', 'oversight'],
      answer: { description: '待办事项', schema: inboxResponse },
    },
    async ({ principal }) => {
      const items = await gatherInbox(deps.db, principal, shanghaiDate(deps.now()));
      const counts: Record<string, number> = { total: items.length };
      for (const item of items) counts[item.kind] = (counts[item.kind] ?? 0) + 1;
      return { items, counts };
    },
  );
}

// /api/notifications: the signed-in person's notifications (the bell) and their choice of which
// kinds also come by mail. Reminders of legal clocks, and an organ's request for more time, are
// always mailed.
import type { Router } from 'express';
import { z } from 'zod';
import {
  ALWAYS_MAILED,
  MAIL_CHOICES,
  MAIL_CHOICE_LABELS,
  mailWanted,
  type MailChoice,
} from '../../domain/notifications/kinds';
import {
  mailChoicesOf,
  markRead,
  notificationCount,
  notificationsOf,
  saveMailChoices,
  unreadCount,
  type NotificationRow,
} from '../../store/notifications';
import type { Db } from '../../store/pool';
import { problems } from '../problem';
import { defineReadRoute, routerOf } from '../route-kit';
import { defineRoute, type RouteRegistry, type RouteTarget } from '../routing';

const STAFF = { tag: '通知', auth: 'user', roles: ['prosecutor', 'head', 'chief', 'case_office'] } as const;

const notification = z.object({
  id: z.string(),
  kind: z
    .string()
    .describe(
      'proposal_awaiting 提请待我审核或决定；proposal_decided 我的提请有了结果；case_reassigned 案件交由我承办；' +
        'organ_reply 行政机关答复或报送整改进展；extension_requested 行政机关申请延长整改期限',
    ),
  caseId: z.string().nullable(),
  headline: z.string(),
  detail: z.string().nullable(),
  link: z.string().nullable().describe('在网页中查看此事的位置'),
  createdAt: z.string(),
  readAt: z.string().nullable().describe('null：未读'),
});

const listQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional().describe('true：只列未读的'),
  limit: z.coerce.number().int().min(1).max(200).optional().describe('每页最多列出几条（默认 50）'),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .optional()
    .describe('跳过最新的几条（分页：第 n 页为 (n-1)×limit；默认 0）'),
});

const listResponse = z.object({
  items: z.array(notification).describe('最新的在前'),
  total: z.number().int().describe('符合条件（全部或只列未读）的通知总数，用于分页'),
  unread: z.number().int().describe('未读通知数'),
});

const markBody = z.strictObject({
  ids: z
    .array(z.string().regex(/^\d{1,18}$/, '通知编号应为数字'))
    .max(500)
    .optional()
    .describe('要标为已读的通知；不填则全部标为已读'),
});

const preference = z.object({
  kind: z.enum(MAIL_CHOICES),
  label: z.string(),
  byMail: z.boolean(),
  locked: z.boolean().describe('true：总是发送邮件，不能关闭（法定期限提醒等）'),
});
const preferencesResponse = z.object({ items: z.array(preference) });
const preferencesBody = z.strictObject({
  choices: z
    .array(z.strictObject({ kind: z.enum(MAIL_CHOICES), byMail: z.boolean() }))
    .max(MAIL_CHOICES.length * 2)
    .describe('要改的通知种类及是否发送邮件；未列出的不变'),
});

type Deps = { db: Db };

export function notificationRoutes(deps: Deps, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/notifications', deps, [
    listRoute,
    markRoute,
    readPrefsRoute,
    savePrefsRoute,
  ]);
}

const present = (r: NotificationRow) => ({
  id: r.id,
  kind: r.kind,
  caseId: r.case_id,
  headline: r.headline,
  detail: r.detail,
  link: r.link,
  createdAt: r.created_at,
  readAt: r.read_at,
});

function listRoute(target: RouteTarget, { db }: Deps): void {
  defineReadRoute(
    target,
    {
      ...STAFF,
      summary: '本人的通知（最新的在前，分页）及未读数',
      query: listQuery,
      answer: { description: '通知', schema: listResponse },
    },
    async ({ query, principal }) => {
      const unreadOnly = query.unread === 'true';
      const page = { limit: query.limit ?? 50, offset: query.offset ?? 0, unreadOnly };
      return {
        items: (await notificationsOf(db, principal.userId, page)).map(present),
        total: await notificationCount(db, principal.userId, { unreadOnly }),
        unread: await unreadCount(db, principal.userId),
      };
    },
  );
}

function markRoute(target: RouteTarget, { db }: Deps): void {
  defineRoute(
    target,
    {
      ...STAFF,
      method: 'post',
      path: '/mark-read',
      summary: '将本人的通知标为已读（所列的，或全部）',
      body: markBody,
      responses: {
        200: {
          description: '标为已读的条数及余下的未读数',
          schema: z.object({ marked: z.number().int(), unread: z.number().int() }),
        },
        422: { description: '输入有误' },
      },
    },
    async ({ res, body, principal }) => {
      const marked = await markRead(db, principal.userId, body.ids ?? null);
      res.json({ marked, unread: await unreadCount(db, principal.userId) });
    },
  );
}

async function preferencesOf(db: Db, userId: string): Promise<z.infer<typeof preferencesResponse>> {
  const chosen = await mailChoicesOf(db, userId);
  return {
    items: MAIL_CHOICES.map((kind) => ({
      kind,
      label: MAIL_CHOICE_LABELS[kind],
      byMail: mailWanted(kind, chosen.get(kind)),
      locked: ALWAYS_MAILED.includes(kind),
    })),
  };
}

function readPrefsRoute(target: RouteTarget, { db }: Deps): void {
  defineReadRoute(
    target,
    {
      ...STAFF,
      path: '/preferences',
      summary: '本人选择哪些通知发送邮件',
      answer: { description: '各类通知是否发送邮件', schema: preferencesResponse },
    },
    ({ principal }) => preferencesOf(db, principal.userId),
  );
}

function savePrefsRoute(target: RouteTarget, { db }: Deps): void {
  defineRoute(
    target,
    {
      ...STAFF,
      method: 'put',
      path: '/preferences',
      summary: '设置哪些通知发送邮件（法定期限提醒不能关闭）',
      body: preferencesBody,
      responses: {
        200: { description: '设置后的各类通知是否发送邮件', schema: preferencesResponse },
        422: { description: '输入有误，或要关闭不能关闭的邮件' },
      },
    },
    async ({ res, body, principal }) => {
      refuseLocked(body.choices);
      await saveMailChoices(db, principal.userId, body.choices);
      res.json(await preferencesOf(db, principal.userId));
    },
  );
}

function refuseLocked(choices: { kind: MailChoice; byMail: boolean }[]): void {
  for (const [i, c] of choices.entries()) {
    if (c.byMail || !ALWAYS_MAILED.includes(c.kind)) continue;
    const message = `「${MAIL_CHOICE_LABELS[c.kind]}」总是发送邮件，不能关闭`;
    throw problems.validation(message, [{ path: `choices.${i}.byMail`, message }]);
  }
}

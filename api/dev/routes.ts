import type { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../store/pool';
import { defineListRoute, routerOf } from '../route-kit';
import type { RouteRegistry, RouteTarget } from '../routing';
import { problems } from '../problem';

const caughtMail = z.object({
  id: z.string(),
  receivedAt: z.string(),
  from: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  text: z.string(),
});

interface CaughtMailRow {
  id: string;
  received_at: Date;
  mail_from: string;
  rcpt_to: string[];
  subject: string;
  body_text: string;
}

type DevDeps = { db: Db; enabled: boolean };

/** Development mode only (DEV_MAILBOX): the mail the embedded catcher received, newest first. */
export function devRoutes(deps: DevDeps, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/dev', deps, [mailRoute]);
}

function mailRoute(target: RouteTarget, deps: DevDeps): void {
  defineListRoute(
    target,
    {
      path: '/mail',
      tag: '开发',
      summary: '开发模式：内置邮件捕获器收到的邮件',
      query: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      item: caughtMail,
      listed: '最新的邮件',
      envelope: 'items',
      otherResponses: { 404: { description: '未启用开发邮箱（DEV_MAILBOX）' } },
    },
    async ({ query }) => {
      if (!deps.enabled) throw problems.notFound('未启用开发邮箱（DEV_MAILBOX=false）');
      return deps.db.query<CaughtMailRow>(
        'SELECT id, received_at, mail_from, rcpt_to, subject, body_text FROM dev_mail ORDER BY id DESC LIMIT $1',
        [query.limit],
      );
    },
    (r) => ({
      id: String(r.id),
      receivedAt: r.received_at.toISOString(),
      from: r.mail_from,
      to: r.rcpt_to,
      subject: r.subject,
      text: r.body_text,
    }),
  );
}

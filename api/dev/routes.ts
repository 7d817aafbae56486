import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../store/pool';
import { defineRoute, type RouteRegistry } from '../routing';
import { problems } from '../problem';

const caughtMail = z.object({
  id: z.string(),
  receivedAt: z.string(),
  from: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  text: z.string(),
});

/** Development mode only (DEV_MAILBOX): the mail the embedded catcher received, newest first. */
export function devRoutes(deps: { db: Db; enabled: boolean }, registry: RouteRegistry): Router {
  const router = Router();
  defineRoute(
    { router, registry, mountPath: '/api/dev' },
    {
      method: 'get',
      path: '/mail',
      tag: '开发',
      summary: '开发模式：内置邮件捕获器收到的邮件',
      auth: 'user',
      query: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      responses: {
        200: { description: '最新的邮件', schema: z.object({ items: z.array(caughtMail) }) },
        404: { description: '未启用开发邮箱（DEV_MAILBOX）' },
      },
    },
    async ({ res, query }) => {
      if (!deps.enabled) throw problems.notFound('未启用开发邮箱（DEV_MAILBOX=false）');
      const rows = await deps.db.query<{
        id: string;
        received_at: Date;
        mail_from: string;
        rcpt_to: string[];
        subject: string;
        body_text: string;
      }>(
        'SELECT id, received_at, mail_from, rcpt_to, subject, body_text FROM dev_mail ORDER BY id DESC LIMIT $1',
        [query.limit],
      );
      res.json({
        items: rows.map((r) => ({
          id: String(r.id),
          receivedAt: r.received_at.toISOString(),
          from: r.mail_from,
          to: r.rcpt_to,
          subject: r.subject,
          text: r.body_text,
        })),
      });
    },
  );
  return router;
}

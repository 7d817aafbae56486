/** A person's notifications (the bell) and their choice of which kinds come by mail. */
import type { Db } from './pool';

export interface NotificationRow {
  id: string;
  kind: string;
  case_id: string | null;
  headline: string;
  detail: string | null;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

const ISO = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A page of the person's notifications, newest first (`limit` from `offset`), unread ones only
 * when asked. Ordered by the column, not by the text `id` of the answer: "9" sorts after "10".
 */
export async function notificationsOf(
  db: Db,
  userId: string,
  options: { limit: number; offset?: number; unreadOnly: boolean },
): Promise<NotificationRow[]> {
  return db.query<NotificationRow>(
    `SELECT id::text, kind, case_id, headline, detail, link,
            ${ISO('created_at')} AS created_at, ${ISO('read_at')} AS read_at
       FROM notifications
      WHERE user_id = $1 AND ($2::boolean IS FALSE OR read_at IS NULL)
      ORDER BY notifications.id DESC LIMIT $3 OFFSET $4`,
    [userId, options.unreadOnly, options.limit, options.offset ?? 0],
  );
}

/** How many notifications the person has, unread ones only when asked. */
export async function notificationCount(db: Db, userId: string, options: { unreadOnly: boolean }) {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM notifications
      WHERE user_id = $1 AND ($2::boolean IS FALSE OR read_at IS NULL)`,
    [userId, options.unreadOnly],
  );
  return row?.n ?? 0;
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const [row] = await db.query<{ n: string }>(
    'SELECT count(*) AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL',
    [userId],
  );
  return Number(row?.n ?? 0);
}

/** Marks the person's notifications among `ids` read (all of them when `ids` is null); answers how many changed. */
export async function markRead(db: Db, userId: string, ids: string[] | null): Promise<number> {
  const rows = await db.query<{ id: string }>(
    `UPDATE notifications SET read_at = now()
      WHERE user_id = $1 AND read_at IS NULL AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))
      RETURNING id`,
    [userId, ids],
  );
  return rows.length;
}

/** The person's stored mail choices, by kind (kinds never chosen are absent). */
export async function mailChoicesOf(db: Db, userId: string): Promise<Map<string, boolean>> {
  const rows = await db.query<{ kind: string; by_mail: boolean }>(
    'SELECT kind, by_mail FROM notification_preferences WHERE user_id = $1',
    [userId],
  );
  return new Map(rows.map((r) => [r.kind, r.by_mail]));
}

export async function saveMailChoices(
  db: Db,
  userId: string,
  choices: { kind: string; byMail: boolean }[],
): Promise<void> {
  await db.withTransaction(async (tx) => {
    for (const c of choices)
      await tx.query(
        `INSERT INTO notification_preferences (user_id, kind, by_mail) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, kind) DO UPDATE SET by_mail = EXCLUDED.by_mail, updated_at = now()`,
        [userId, c.kind, c.byMail],
      );
  });
}

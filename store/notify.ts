/**
 * The notifications a journal batch causes, written in the batch's transaction: one row per event
 * and person (keyed, so a retried batch adds none) and, where the person wants it, one message in
 * the outbox under a key of the same event and person. Nobody is notified of their own action.
 */
import { noticesOf, type Audience, type EntryFacts, type Notice } from '../domain/notifications/events';
import { mailWanted } from '../domain/notifications/kinds';
import { proposalStepFor } from '../domain/inbox/waiting';
import type { DecisionKind } from '../domain/case/model';
import type { PendingProposal } from '../domain/inbox/waiting';
import { shanghaiDate } from '../domain/time';
import { renderMail } from '../mail/templates';
import type { CaseProjection } from './cases';
import { enqueueMail } from './outbox';
import type { Tx } from './pool';
import type { TimelineEntryInput } from './timeline';
import { findUser, type UserRow } from './users';

export interface NotifyInput {
  caseId: string;
  procuratorateId: string;
  entries: TimelineEntryInput[];
  projection?: CaseProjection;
}

/** Records the batch's notifications; answers the outbox keys of the mail they queued. */
export async function recordNotices(tx: Tx, publicUrl: string, input: NotifyInput): Promise<string[]> {
  const p = input.projection;
  if (!p) return [];
  const facts = {
    caseId: input.caseId,
    title: p.title,
    handlerId: p.handlerId,
    ...(isProposal(p.summary.proposal) ? { proposal: p.summary.proposal } : {}),
  };
  const keys: string[] = [];
  for (const entry of input.entries) {
    const notices = noticesOf(await entryFacts(tx, entry), facts);
    for (const notice of notices) {
      const people = await audienceOf(tx, input, entry, notice.audience);
      for (const user of people.filter((u) => u.id !== entry.actorId))
        keys.push(
          ...(await notifyOne(tx, publicUrl, { caseId: input.caseId, seq: entry.seq, user, notice })),
        );
    }
  }
  return keys;
}

function isProposal(v: unknown): v is PendingProposal {
  return typeof v === 'object' && v !== null && typeof (v as PendingProposal).kind === 'string';
}

async function entryFacts(tx: Tx, entry: TimelineEntryInput): Promise<EntryFacts> {
  const facts: EntryFacts = {
    seq: entry.seq,
    actorId: entry.actorId,
    kind: entry.kind,
    data: entry.data,
    recordedOn: shanghaiDate(new Date(entry.at)),
  };
  const clockKey = entry.data.clockKey;
  if (entry.kind === 'reminder' && typeof clockKey === 'string' && clockKey.startsWith('rectification:')) {
    const pending = await pendingExtension(tx, entry, clockKey.slice('rectification:'.length));
    return pending ? { ...facts, pendingExtension: pending } : facts;
  }
  const organId = entry.data.organId;
  if (typeof organId !== 'string') return facts;
  const [organ] = await tx.query<{ name: string }>('SELECT name FROM organs WHERE id = $1', [organId]);
  return organ ? { ...facts, organName: organ.name } : facts;
}

/** The organ's last request for more time on the recommendation, if no decision followed it. */
async function pendingExtension(
  tx: Tx,
  entry: TimelineEntryInput,
  recommendationId: string,
): Promise<EntryFacts['pendingExtension']> {
  const [row] = await tx.query<{ until: string; requested_on: string; organ_name: string | null }>(
    `SELECT r.data->>'until' AS until, o.name AS organ_name,
            to_char(r.at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS requested_on
       FROM audit_entries r LEFT JOIN organs o ON o.id = r.data->>'organId'
      WHERE r.case_id = $1 AND r.kind = 'requestRectificationExtension' AND r.seq < $3
        AND r.data->>'recommendationId' = $2
        AND NOT EXISTS (SELECT 1 FROM audit_entries d
                         WHERE d.case_id = $1 AND d.kind = 'decideRectificationExtension' AND d.seq > r.seq
                           AND d.seq < $3 AND d.data->>'recommendationId' = $2)
      ORDER BY r.seq DESC LIMIT 1`,
    [entry.caseId, recommendationId, entry.seq],
  );
  return row
    ? { until: row.until, requestedOn: row.requested_on, organName: row.organ_name ?? '行政机关' }
    : undefined;
}

async function audienceOf(
  tx: Tx,
  input: NotifyInput,
  entry: TimelineEntryInput,
  audience: Audience,
): Promise<UserRow[]> {
  if (audience.to === 'user') {
    const user = await findUser(tx, audience.userId);
    return user?.active ? [user] : [];
  }
  if (audience.to === 'proposer') {
    const [row] = await tx.query<{ actor_id: string }>(
      `SELECT actor_id FROM audit_entries WHERE case_id = $1 AND kind = $2 AND seq < $3
        ORDER BY seq DESC LIMIT 1`,
      [input.caseId, audience.proposeAction, entry.seq],
    );
    const user = row && (await findUser(tx, row.actor_id));
    return user?.active ? [user] : [];
  }
  return decidersOf(tx, input.procuratorateId, audience.proposal);
}

/** The heads and chiefs a pending proposal waits on now, as the inbox would list it to them. */
async function decidersOf(tx: Tx, procuratorateId: string, proposal: PendingProposal): Promise<UserRow[]> {
  const users = await tx.query<UserRow & { delegated: string[] }>(
    `SELECT u.id, u.procuratorate_id, u.username, u.display_name, u.email, u.roles, u.active,
            coalesce(array_agg(d.kind) FILTER (WHERE d.kind IS NOT NULL), '{}') AS delegated
       FROM users u
       LEFT JOIN decision_delegations d ON d.procuratorate_id = u.procuratorate_id AND d.head_id = u.id
      WHERE u.procuratorate_id = $1 AND u.active AND u.roles && ARRAY['head', 'chief']::text[]
      GROUP BY u.id ORDER BY u.id`,
    [procuratorateId],
  );
  return users.filter(
    (u) =>
      proposalStepFor(proposal, {
        userId: u.id,
        roles: u.roles as never,
        delegated: u.delegated as DecisionKind[],
      }) !== null,
  );
}

async function notifyOne(
  tx: Tx,
  publicUrl: string,
  n: { caseId: string; seq: number; user: UserRow; notice: Notice },
): Promise<string[]> {
  const { caseId, seq, user, notice } = n;
  const eventKey = `case:${caseId}:${seq}:${notice.kind}`;
  await tx.query(
    `INSERT INTO notifications (user_id, event_key, kind, case_id, headline, detail, link)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (user_id, event_key) DO NOTHING`,
    [user.id, eventKey, notice.kind, caseId, notice.headline, notice.detail, `/cases/${caseId}`],
  );
  const [pref] = await tx.query<{ by_mail: boolean }>(
    'SELECT by_mail FROM notification_preferences WHERE user_id = $1 AND kind = $2',
    [user.id, notice.kind],
  );
  if (!mailWanted(notice.kind, pref?.by_mail)) return [];
  const rendered = renderMail(
    'notification',
    { publicUrl, recipientName: user.display_name },
    { caseId, headline: notice.headline, detail: notice.detail },
  );
  const dedupeKey = `case:${caseId}:notify:${seq}:${notice.kind}:${user.id}`;
  await enqueueMail(tx, {
    dedupeKey,
    caseId,
    kind: `notify_${notice.kind}`,
    recipientUserId: user.id,
    toAddress: user.email,
    subject: rendered.subject,
    bodyText: rendered.text,
  });
  return [dedupeKey];
}

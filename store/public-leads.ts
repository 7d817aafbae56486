import { ilike, likePattern } from './case-list-text';
import { firstRow, type Db, type Tx } from './pool';

export const PUBLIC_LEAD_STATUSES = ['received', 'under_evaluation', 'accepted', 'not_accepted'] as const;
export type PublicLeadStatus = (typeof PUBLIC_LEAD_STATUSES)[number];

/**
 * The public status, derived and never stored: no case yet → received (or not_accepted when
 * staff declined it); a case in LEAD or EVALUATION (or not yet projected) → under_evaluation;
 * REJECTED → not_accepted; any later stage → accepted.
 */
const STATUS = `CASE
    WHEN cc.case_id IS NOT NULL THEN CASE
      WHEN c.stage IS NULL OR c.stage IN ('LEAD', 'EVALUATION') THEN 'under_evaluation'
      WHEN c.stage = 'REJECTED' THEN 'not_accepted'
      ELSE 'accepted' END
    WHEN pl.declined_at IS NOT NULL THEN 'not_accepted'
    ELSE 'received' END`;

const FROM = `public_leads pl
  LEFT JOIN case_creations cc ON cc.public_lead_id = pl.id
  LEFT JOIN cases c ON c.id = cc.case_id`;

const UPDATED = 'greatest(pl.updated_at, cc.created_at, c.updated_at)';

export interface NewPublicLead {
  id: string;
  trackingCode: string;
  procuratorateId: string;
  description: string;
  location: string;
  domainCode: string | null;
  contact: { name: string | null; phone: string | null; email: string | null };
  submitterKey: string;
  attachments: { fileName: string; mediaType: string; content: Buffer; sha256: string }[];
}

/**
 * Stores a lead unless its submitter already sent `perHour` in the last hour; returns the
 * seconds to wait in that case. Serialised per submitter, so parallel sends cannot slip by.
 */
/** Seconds until `submitterKey` may submit again under `perHour`; 0 when it may now. */
export async function submissionWait(q: Db | Tx, submitterKey: string, perHour: number): Promise<number> {
  const recent = await q.query<{ wait: number }>(
    `SELECT ceil(extract(epoch FROM submitted_at + interval '1 hour' - now()))::int AS wait FROM public_leads
     WHERE submitter_key = $1 AND submitted_at > now() - interval '1 hour' ORDER BY submitted_at DESC LIMIT $2`,
    [submitterKey, perHour],
  );
  return recent.length >= perHour ? Math.max(1, recent[perHour - 1]!.wait) : 0;
}

/**
 * Stores a lead unless its sender has reached `limits.perHour`, or its procuratorate
 * `limits.perDay` leads today (Asia/Shanghai); `wait` is then the seconds until it may try again.
 */
export async function insertPublicLead(
  db: Db,
  lead: NewPublicLead,
  limits: { perHour: number; perDay: number },
): Promise<{ wait: number; reason?: 'sender' | 'procuratorate' }> {
  return db.withTransaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lead.submitterKey]);
    const wait = await submissionWait(tx, lead.submitterKey, limits.perHour);
    if (wait > 0) return { wait, reason: 'sender' };
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`public-leads:${lead.procuratorateId}`]);
    const [today] = await tx.query<{ n: number; wait: number }>(
      `SELECT count(*)::int AS n,
              ceil(extract(epoch FROM date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') + interval '1 day'
                                       - (now() AT TIME ZONE 'Asia/Shanghai')))::int AS wait
       FROM public_leads
       WHERE procuratorate_id = $1
         AND submitted_at >= date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'`,
      [lead.procuratorateId],
    );
    if (today!.n >= limits.perDay) return { wait: Math.max(1, today!.wait), reason: 'procuratorate' };
    await tx.query(
      `INSERT INTO public_leads (id, tracking_code, procuratorate_id, description, location, domain_code,
         contact_name, contact_phone, contact_email, submitter_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        lead.id,
        lead.trackingCode,
        lead.procuratorateId,
        lead.description,
        lead.location,
        lead.domainCode,
        lead.contact.name,
        lead.contact.phone,
        lead.contact.email,
        lead.submitterKey,
      ],
    );
    await insertAttachments(tx, lead);
    return { wait: 0 };
  });
}

async function insertAttachments(tx: Tx, lead: NewPublicLead): Promise<void> {
  for (const [i, a] of lead.attachments.entries()) {
    await tx.query(
      `INSERT INTO public_lead_attachments (lead_id, n, file_name, media_type, size, sha256, content)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [lead.id, i + 1, a.fileName, a.mediaType, a.content.length, a.sha256, a.content],
    );
  }
}

export interface PublicLeadStatusRow {
  tracking_code: string;
  status: PublicLeadStatus;
  submitted_at: Date;
  updated_at: Date;
  /** Staff's reason for not accepting it, written for the submitter; null otherwise. */
  decline_reason: string | null;
}

/** What the submitter may see, by tracking code. */
export async function findStatusByCode(db: Db, code: string): Promise<PublicLeadStatusRow | undefined> {
  return firstRow<PublicLeadStatusRow>(
    db,
    `SELECT pl.tracking_code, ${STATUS} AS status, pl.submitted_at, ${UPDATED} AS updated_at,
            pl.decline_reason
       FROM ${FROM} WHERE pl.tracking_code = $1`,
    [code],
  );
}

export interface PublicLeadRow {
  id: string;
  procuratorate_id: string;
  status: PublicLeadStatus;
  description: string;
  location: string;
  domain_code: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  case_id: string | null;
  declined_at: Date | null;
  declined_by: string | null;
  decline_reason: string | null;
  attachment_count: number;
  submitted_at: Date;
  updated_at: Date;
}

const STAFF_COLUMNS = `pl.id, pl.procuratorate_id, ${STATUS} AS status, pl.description, pl.location, pl.domain_code,
  pl.contact_name, pl.contact_phone, pl.contact_email, cc.case_id, pl.declined_at, pl.declined_by, pl.decline_reason,
  (SELECT count(*)::int FROM public_lead_attachments a WHERE a.lead_id = pl.id) AS attachment_count,
  pl.submitted_at, ${UPDATED} AS updated_at`;

export interface LeadQueueFilter {
  status: PublicLeadStatus | 'all';
  /** Words the description or the location has, matched literally (`%` is a percent sign). */
  q?: string;
  limit: number;
  offset: number;
}

/**
 * One page of the procuratorate's public leads with the given status (and words), oldest first
 * (a queue), and how many match in all.
 */
export async function listPublicLeads(
  db: Db,
  procuratorateId: string,
  filter: LeadQueueFilter,
): Promise<{ rows: PublicLeadRow[]; total: number }> {
  const matching = `FROM (SELECT ${STAFF_COLUMNS} FROM ${FROM} WHERE pl.procuratorate_id = $1) l
     WHERE ($2 = 'all' OR l.status = $2)
       AND ($3::text IS NULL OR ${ilike('l.description', '$3')} OR ${ilike('l.location', '$3')})`;
  const values = [procuratorateId, filter.status, filter.q ? likePattern(filter.q) : null];
  const rows = await db.query<PublicLeadRow>(
    `SELECT * ${matching} ORDER BY l.submitted_at, l.id LIMIT $4 OFFSET $5`,
    [...values, filter.limit, filter.offset],
  );
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${matching}`, values);
  return { rows, total: count?.n ?? 0 };
}

export async function findPublicLead(
  q: Db | Tx,
  id: string,
  procuratorateId: string,
): Promise<PublicLeadRow | undefined> {
  return firstRow<PublicLeadRow>(
    q,
    `SELECT ${STAFF_COLUMNS} FROM ${FROM} WHERE pl.id = $1 AND pl.procuratorate_id = $2`,
    [id, procuratorateId],
  );
}

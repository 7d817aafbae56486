import { firstRow, type Db, type Tx } from './pool';

export interface AttachmentMeta {
  n: number;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
}

export async function listAttachments(db: Db, leadId: string): Promise<AttachmentMeta[]> {
  return db.query<AttachmentMeta>(
    'SELECT n, file_name, media_type, size, sha256 FROM public_lead_attachments WHERE lead_id = $1 ORDER BY n',
    [leadId],
  );
}

/** One attachment of a lead of the procuratorate. */
export async function findAttachment(
  db: Db,
  t: { leadId: string; n: number; procuratorateId: string },
): Promise<(AttachmentMeta & { content: Buffer }) | undefined> {
  return firstRow<AttachmentMeta & { content: Buffer }>(
    db,
    `SELECT a.n, a.file_name, a.media_type, a.size, a.sha256, a.content
       FROM public_lead_attachments a JOIN public_leads pl ON pl.id = a.lead_id
       WHERE a.lead_id = $1 AND a.n = $2 AND pl.procuratorate_id = $3`,
    [t.leadId, t.n, t.procuratorateId],
  );
}

export type LeadClaim = 'ok' | 'missing' | 'declined' | 'has_case';

/**
 * Locks a public lead of the procuratorate inside `tx` and tells whether it is still open:
 * not declined and without a case. Both declining and registering a case from the lead call
 * this first, so the two serialise and only one of them can win.
 */
export async function claimPublicLead(tx: Tx, id: string, procuratorateId: string): Promise<LeadClaim> {
  const [lead] = await tx.query<{ declined: boolean }>(
    'SELECT declined_at IS NOT NULL AS declined FROM public_leads WHERE id = $1 AND procuratorate_id = $2 FOR UPDATE',
    [id, procuratorateId],
  );
  if (!lead) return 'missing';
  if (lead.declined) return 'declined';
  const cases = await tx.query('SELECT 1 FROM case_creations WHERE public_lead_id = $1', [id]);
  return cases.length > 0 ? 'has_case' : 'ok';
}

export async function declinePublicLead(
  db: Db,
  d: { id: string; procuratorateId: string; by: string; reason: string },
): Promise<LeadClaim> {
  return db.withTransaction(async (tx) => {
    const claim = await claimPublicLead(tx, d.id, d.procuratorateId);
    if (claim !== 'ok') return claim;
    await tx.query(
      `UPDATE public_leads SET declined_at = now(), declined_by = $2, decline_reason = $3, updated_at = now()
       WHERE id = $1`,
      [d.id, d.by, d.reason],
    );
    return claim;
  });
}

export async function publicProcuratorates(db: Db): Promise<{ id: string; name: string }[]> {
  return db.query('SELECT id, name FROM procuratorates ORDER BY name, id');
}

export async function procuratorateExists(db: Db, id: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM procuratorates WHERE id = $1', [id])).length === 1;
}

export async function currentDomains(db: Db): Promise<{ code: string; name: string }[]> {
  return db.query(
    `SELECT DISTINCT ON (code) code, name FROM domains WHERE in_force_from <= current_date
     ORDER BY code, version DESC`,
  );
}

/**
 * A procuratorate's uploaded document templates (migrations/540_document_templates.sql): each
 * upload is the next version of its kind, never changed afterwards. An admin may return a kind to
 * the shipped default (migrations/600_document_template_resets.sql): the uploads so far stay
 * stored but new drafts use the default until the next upload.
 */
import { createHash } from 'node:crypto';
import type { DocumentKind } from '../domain/documents/kinds';
import { firstRow, type Db, type Tx } from './pool';

export interface UploadedTemplate {
  procuratorateId: string;
  kind: DocumentKind;
  version: number;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

interface Row {
  procuratorate_id: string;
  kind: DocumentKind;
  version: number;
  size: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: Date;
}

const COLUMNS = 'procuratorate_id, kind, version, size, sha256, uploaded_by, uploaded_at';

const present = (r: Row): UploadedTemplate => ({
  procuratorateId: r.procuratorate_id,
  kind: r.kind,
  version: r.version,
  size: r.size,
  sha256: r.sha256,
  uploadedBy: r.uploaded_by,
  uploadedAt: r.uploaded_at.toISOString(),
});

/** The id documents record for a procuratorate's own template of a kind. */
export const uploadedTemplateId = (procuratorateId: string, kind: DocumentKind): string =>
  `${procuratorateId}/${kind}`;

/** Stores an upload as the next version of its kind; concurrent uploads get distinct versions. */
export async function saveTemplate(
  db: Db,
  t: { procuratorateId: string; kind: DocumentKind; bytes: Buffer; uploadedBy: string },
): Promise<UploadedTemplate> {
  const sha256 = createHash('sha256').update(t.bytes).digest('hex');
  return db.withTransaction(async (tx) => {
    // One upload at a time per procuratorate and kind, so versions neither repeat nor skip.
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      uploadedTemplateId(t.procuratorateId, t.kind),
    ]);
    const [row] = await tx.query<Row>(
      `INSERT INTO document_templates (procuratorate_id, kind, version, bytes, size, sha256, uploaded_by)
       SELECT $1, $2, COALESCE(MAX(version), 0) + 1, $3, $4, $5, $6
         FROM document_templates WHERE procuratorate_id = $1 AND kind = $2
       RETURNING ${COLUMNS}`,
      [t.procuratorateId, t.kind, t.bytes, t.bytes.length, sha256, t.uploadedBy],
    );
    return present(row!);
  });
}

/** Every upload of the procuratorate, by kind and version. */
export async function uploadedTemplates(q: Db | Tx, procuratorateId: string): Promise<UploadedTemplate[]> {
  const rows = await q.query<Row>(
    `SELECT ${COLUMNS} FROM document_templates WHERE procuratorate_id = $1 ORDER BY kind, version`,
    [procuratorateId],
  );
  return rows.map(present);
}

/** The bytes of one version. */
export async function templateBytes(
  q: Db | Tx,
  procuratorateId: string,
  kind: DocumentKind,
  version: number,
): Promise<{ version: number; bytes: Buffer } | undefined> {
  return firstRow<{ version: number; bytes: Buffer }>(
    q,
    `SELECT version, bytes FROM document_templates
      WHERE procuratorate_id = $1 AND kind = $2 AND version = $3`,
    [procuratorateId, kind, version],
  );
}

/**
 * The upload new drafts of the kind are made from: the latest, unless the kind was returned to
 * the default after it (then undefined, as when nothing was uploaded).
 */
export async function templateInUse(
  q: Db | Tx,
  procuratorateId: string,
  kind: DocumentKind,
): Promise<{ version: number; bytes: Buffer } | undefined> {
  return firstRow<{ version: number; bytes: Buffer }>(
    q,
    `SELECT t.version, t.bytes FROM document_templates t
      WHERE t.procuratorate_id = $1 AND t.kind = $2
        AND t.version > COALESCE((SELECT through_version FROM document_template_resets r
                                   WHERE r.procuratorate_id = $1 AND r.kind = $2), 0)
      ORDER BY t.version DESC LIMIT 1`,
    [procuratorateId, kind],
  );
}

export interface TemplateReset {
  kind: DocumentKind;
  /** Uploads up to this version are no longer used for new drafts. */
  throughVersion: number;
  resetBy: string;
  resetAt: string;
}

/** The latest return to the default of each kind that had one. */
export async function templateResets(q: Db | Tx, procuratorateId: string): Promise<TemplateReset[]> {
  const rows = await q.query<{
    kind: DocumentKind;
    through_version: number;
    reset_by: string;
    reset_at: Date;
  }>(
    `SELECT kind, through_version, reset_by, reset_at FROM document_template_resets
      WHERE procuratorate_id = $1 ORDER BY kind`,
    [procuratorateId],
  );
  return rows.map((r) => ({
    kind: r.kind,
    throughVersion: r.through_version,
    resetBy: r.reset_by,
    resetAt: r.reset_at.toISOString(),
  }));
}

/**
 * Returns the kind to the shipped default: every upload so far is set aside for new drafts. Taken
 * under the same lock as an upload, so an upload and a return do not cross.
 */
export async function resetTemplate(
  db: Db,
  t: { procuratorateId: string; kind: DocumentKind; resetBy: string },
): Promise<void> {
  await db.withTransaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      uploadedTemplateId(t.procuratorateId, t.kind),
    ]);
    await tx.query(
      `INSERT INTO document_template_resets (procuratorate_id, kind, through_version, reset_by)
       SELECT $1, $2, COALESCE(MAX(version), 0), $3
         FROM document_templates WHERE procuratorate_id = $1 AND kind = $2
       ON CONFLICT (procuratorate_id, kind) DO UPDATE
         SET through_version = EXCLUDED.through_version, reset_by = EXCLUDED.reset_by, reset_at = now()`,
      [t.procuratorateId, t.kind, t.resetBy],
    );
  });
}

/**
 * A procuratorate's uploaded document templates (migrations/540_document_templates.sql): each
 * upload is the next version of its kind, never changed afterwards.
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

/** The bytes of one version, or of the latest when `version` is omitted. */
export async function templateBytes(
  q: Db | Tx,
  procuratorateId: string,
  kind: DocumentKind,
  version?: number,
): Promise<{ version: number; bytes: Buffer } | undefined> {
  return firstRow<{ version: number; bytes: Buffer }>(
    q,
    `SELECT version, bytes FROM document_templates
      WHERE procuratorate_id = $1 AND kind = $2 AND ($3::integer IS NULL OR version = $3)
      ORDER BY version DESC LIMIT 1`,
    [procuratorateId, kind, version ?? null],
  );
}

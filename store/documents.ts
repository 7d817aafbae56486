/**
 * The statutory documents of a case (case_documents): drafts made from the case's data, issued
 * once with a number and their bytes' SHA-256, never changed afterwards (the table's trigger
 * refuses it too).
 */
import { createHash, randomBytes } from 'node:crypto';
import { formatDocumentNumber, type DocumentKind, type DocumentStatus } from '../domain/documents/kinds';
import { allocateDocumentNumber, numberingOf } from './document-numbering';
import { firstRow, type Db, type Tx } from './pool';

/** Refused because the document is issued (or superseded) and so final. */
export class DocumentFinalError extends Error {
  constructor(
    readonly documentId: string,
    readonly status: DocumentStatus,
  ) {
    super(
      status === 'issued'
        ? `文书 ${documentId} 已签发，不能再签发或修改`
        : `文书 ${documentId} 已被替代，不能再签发或修改`,
    );
  }
}

export interface DraftInput {
  id: string;
  caseId: string;
  procuratorateId: string;
  kind: DocumentKind;
  /** What the document concerns within its kind, e.g. the organ of a recommendation. */
  subject: string;
  title: string;
  template: { id: string; version: number };
  data: Record<string, unknown>;
  createdBy: string;
  /** The draft's rendering, without a number, for reading before the decision. */
  content: Buffer;
}

export interface DocumentSummary {
  id: string;
  kind: DocumentKind;
  subject: string;
  number: string | null;
  title: string;
  status: DocumentStatus;
  version: number;
  sha256: string | null;
  createdAt: string;
  createdBy: string;
  issuedAt: string | null;
  template: { id: string; version: number };
}

interface DocumentRow {
  id: string;
  case_id: string;
  procuratorate_id: string;
  kind: DocumentKind;
  subject: string;
  number: string | null;
  title: string;
  status: DocumentStatus;
  version: number;
  sha256: string | null;
  data: Record<string, unknown>;
  created_at: Date;
  created_by: string;
  issued_at: Date | null;
  template_id: string;
  template_version: number;
}

const COLUMNS = `id, case_id, procuratorate_id, kind, subject, number, title, status, version, sha256, data,
  created_at, created_by, issued_at, template_id, template_version`;

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Stores a draft, once per id (a retried activity finds it there). Earlier drafts of the same kind
 * and subject that were never issued are superseded by it, with `reason`.
 */
export async function saveDraft(db: Db, draft: DraftInput, reason: string): Promise<void> {
  await db.withTransaction(async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO case_documents (id, case_id, procuratorate_id, kind, subject, title, status, template_id,
         template_version, data, created_by, content)
       VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7, $8, $9, $10, $11)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        draft.id,
        draft.caseId,
        draft.procuratorateId,
        draft.kind,
        draft.subject,
        draft.title,
        draft.template.id,
        draft.template.version,
        JSON.stringify(draft.data),
        draft.createdBy,
        draft.content,
      ],
    );
    if (inserted.length === 0) return;
    await tx.query(
      `UPDATE case_documents SET status = 'superseded', superseded_by = $1, superseded_reason = $2
       WHERE case_id = $3 AND kind = $4 AND subject = $5 AND status = 'draft' AND id <> $1`,
      [draft.id, reason, draft.caseId, draft.kind, draft.subject],
    );
  });
}

/** Drafts of a kind other than `keep` are superseded (a new proposal replaced them), with `reason`. */
export async function supersedeOtherDrafts(
  db: Db,
  caseId: string,
  kind: DocumentKind,
  keep: string[],
  reason: string,
): Promise<void> {
  await db.query(
    `UPDATE case_documents SET status = 'superseded', superseded_reason = $4
     WHERE case_id = $1 AND kind = $2 AND status = 'draft' AND NOT (id = ANY($3))`,
    [caseId, kind, keep, reason],
  );
}

/** The drafts of a kind waiting for a decision, oldest first. */
export async function currentDrafts(
  q: Db | Tx,
  caseId: string,
  kind: DocumentKind,
): Promise<DocumentSummary[]> {
  const rows = await q.query<DocumentRow>(
    `SELECT ${COLUMNS} FROM case_documents WHERE case_id = $1 AND kind = $2 AND status = 'draft'
     ORDER BY created_at, id`,
    [caseId, kind],
  );
  return rows.map(summaryOf);
}

export interface IssueInput {
  documentId: string;
  /** The decision that issues it: a retried issue finds what it issued by this key. */
  issueKey: string;
  issuedBy: string;
  /** The civil date the document bears (its 落款 date); its year is the number's year. */
  issuedOn: string;
  /** Renders the document's final bytes from its stored data, its number and its verification token. */
  render: (
    data: Record<string, unknown>,
    number: string,
    template: { id: string; version: number },
    verificationToken: string,
  ) => Promise<Buffer>;
}

/**
 * Issues a draft: the next number of its kind, the bytes rendered with it, their hash — all in
 * one transaction, so a failure leaves the draft as it was and the number unused.
 */
export async function issueDocument(db: Db, input: IssueInput): Promise<DocumentSummary> {
  return db.withTransaction(async (tx) => {
    const doc = await firstRow<DocumentRow>(
      tx,
      `SELECT ${COLUMNS} FROM case_documents WHERE id = $1 FOR UPDATE`,
      [input.documentId],
    );
    if (!doc) throw new Error(`no document ${input.documentId}`);
    if (doc.status !== 'draft') throw new DocumentFinalError(doc.id, doc.status);
    const settings = await numberingOf(tx, doc.procuratorate_id);
    const year = Number(input.issuedOn.slice(0, 4));
    const seq = await allocateDocumentNumber(tx, doc.procuratorate_id, doc.kind, year);
    const number = formatDocumentNumber(settings!, doc.kind, year, seq);
    const template = { id: doc.template_id, version: doc.template_version };
    // Known before the bytes are (it is printed on them), unlike their hash.
    const token = newVerificationToken();
    const content = await input.render(doc.data, number, template, token);
    const rows = await tx.query<DocumentRow>(
      `UPDATE case_documents SET status = 'issued', number = $2, number_year = $3, number_seq = $4,
         content = $5, sha256 = $6, issued_by = $7, issued_at = now(), issue_key = $8,
         verification_token = $9, issued_on = $10
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [
        doc.id,
        number,
        year,
        seq,
        content,
        sha256Of(content),
        input.issuedBy,
        input.issueKey,
        token,
        input.issuedOn,
      ],
    );
    return summaryOf(rows[0]!);
  });
}

/** The documents a decision issued, found again by its key. */
export async function issuedBy(q: Db | Tx, caseId: string, issueKey: string): Promise<DocumentSummary[]> {
  const rows = await q.query<DocumentRow>(
    `SELECT ${COLUMNS} FROM case_documents WHERE case_id = $1 AND issue_key = $2 ORDER BY created_at, id`,
    [caseId, issueKey],
  );
  return rows.map(summaryOf);
}

/**
 * Changes a draft's data (and its rendering, given `render`); an issued or superseded document
 * is refused.
 */
export async function reviseDraft(
  db: Db,
  documentId: string,
  data: Record<string, unknown> | ((current: Record<string, unknown>) => Record<string, unknown>),
  render?: (data: Record<string, unknown>, template: { id: string; version: number }) => Promise<Buffer>,
): Promise<DocumentSummary> {
  return db.withTransaction(async (tx) => {
    const doc = await firstRow<DocumentRow>(
      tx,
      `SELECT ${COLUMNS} FROM case_documents WHERE id = $1 FOR UPDATE`,
      [documentId],
    );
    if (!doc) throw new Error(`no document ${documentId}`);
    if (doc.status !== 'draft') throw new DocumentFinalError(doc.id, doc.status);
    const next = typeof data === 'function' ? data(doc.data) : data;
    const template = { id: doc.template_id, version: doc.template_version };
    const content = render ? await render(next, template) : null;
    const rows = await tx.query<DocumentRow>(
      `UPDATE case_documents SET data = $2, content = COALESCE($3, content) WHERE id = $1 RETURNING ${COLUMNS}`,
      [documentId, JSON.stringify(next), content],
    );
    return summaryOf(rows[0]!);
  });
}

export async function findDocument(q: Db | Tx, documentId: string): Promise<DocumentSummary | undefined> {
  const row = await firstRow<DocumentRow>(q, `SELECT ${COLUMNS} FROM case_documents WHERE id = $1`, [
    documentId,
  ]);
  return row ? summaryOf(row) : undefined;
}

/** A case's documents, oldest first, each with the data it was (or will be) rendered from. */
export async function caseDocuments(
  db: Db,
  caseId: string,
): Promise<(DocumentSummary & { data: Record<string, unknown> })[]> {
  const rows = await db.query<DocumentRow>(
    `SELECT ${COLUMNS} FROM case_documents WHERE case_id = $1 ORDER BY created_at, id`,
    [caseId],
  );
  return rows.map((row) => ({ ...summaryOf(row), data: row.data }));
}

/** A document's bytes, if it belongs to the case. */
export async function documentContent(
  db: Db,
  caseId: string,
  documentId: string,
): Promise<(DocumentSummary & { content: Buffer }) | undefined> {
  const row = await firstRow<DocumentRow & { content: Buffer | null }>(
    db,
    `SELECT ${COLUMNS}, content FROM case_documents WHERE case_id = $1 AND id = $2`,
    [caseId, documentId],
  );
  if (!row?.content) return undefined;
  return { ...summaryOf(row), content: row.content };
}

function summaryOf(row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    number: row.number,
    title: row.title,
    status: row.status,
    version: row.version,
    sha256: row.sha256,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
    issuedAt: row.issued_at ? row.issued_at.toISOString() : null,
    template: { id: row.template_id, version: row.template_version },
  };
}

/** The PDF made earlier from exactly these DOCX bytes of the document, if any. */
export async function cachedPdf(db: Db, documentId: string, docxSha256: string): Promise<Buffer | undefined> {
  const row = await firstRow<{ pdf: Buffer }>(
    db,
    'SELECT pdf FROM case_document_pdfs WHERE document_id = $1 AND docx_sha256 = $2',
    [documentId, docxSha256],
  );
  return row?.pdf;
}

export async function savePdf(db: Db, documentId: string, docxSha256: string, pdf: Buffer): Promise<void> {
  await db.query(
    `INSERT INTO case_document_pdfs (document_id, docx_sha256, pdf) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING`,
    [documentId, docxSha256, pdf],
  );
}

/** 128 random bits, URL-safe: unguessable, and saying nothing about the case. */
export function newVerificationToken(): string {
  return randomBytes(16).toString('base64url');
}

export interface VerifiedDocument {
  number: string;
  kind: DocumentKind;
  status: DocumentStatus;
  issuedOn: string;
  procuratorate: string;
  sha256: string;
}

/** What the public may see of an issued document by its token: nothing else about the case. */
export async function documentByVerificationToken(
  db: Db,
  token: string,
): Promise<VerifiedDocument | undefined> {
  const row = await firstRow<{
    number: string;
    kind: DocumentKind;
    status: DocumentStatus;
    issued_on: string;
    procuratorate: string;
    sha256: string;
  }>(
    db,
    `SELECT d.number, d.kind, d.status, to_char(d.issued_on, 'YYYY-MM-DD') AS issued_on,
       p.name AS procuratorate, d.sha256
     FROM case_documents d JOIN procuratorates p ON p.id = d.procuratorate_id
     WHERE d.verification_token = $1 AND d.status IN ('issued', 'superseded') AND d.number IS NOT NULL`,
    [token],
  );
  if (!row) return undefined;
  return {
    number: row.number,
    kind: row.kind,
    status: row.status,
    issuedOn: row.issued_on,
    procuratorate: row.procuratorate,
    sha256: row.sha256,
  };
}

/** The latest issued document of a kind about `subject` (e.g. the 检察建议书 to an organ). */
export async function latestIssued(
  q: Db | Tx,
  caseId: string,
  kind: DocumentKind,
  subject: string,
): Promise<DocumentSummary | undefined> {
  const row = await firstRow<DocumentRow>(
    q,
    `SELECT ${COLUMNS} FROM case_documents WHERE case_id = $1 AND kind = $2 AND subject = $3
       AND status = 'issued' ORDER BY issued_at DESC, id DESC LIMIT 1`,
    [caseId, kind, subject],
  );
  return row ? summaryOf(row) : undefined;
}

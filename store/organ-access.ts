/**
 * The organ's online access to one recommendation: its link, one-time codes, the throttle on wrong
 * codes and short sessions. Codes and session ids arrive here already hashed.
 */
import { randomBytes } from 'node:crypto';
import type { Db, Tx } from './pool';

export interface OrganAccessRow {
  token: string;
  case_id: string;
  recommendation_id: string;
  procuratorate_id: string;
  organ_id: string;
  organ_name: string;
  email: string;
  case_title: string;
  case_stage: string;
  /** From the case's read model: the recommendation's status and outcome. */
  status: string | null;
  outcome: string | null;
}

/**
 * The link of a recommendation for its organ, made once (a retried journal write finds the same);
 * none when the organ has no registered e-mail address.
 */
export async function ensureOrganAccess(
  tx: Tx,
  a: { caseId: string; procuratorateId: string; recommendationId: string; organId: string },
): Promise<{ token: string; email: string; organName: string } | undefined> {
  const [organ] = await tx.query<{ name: string; email: string | null }>(
    'SELECT name, email FROM organs WHERE id = $1 AND procuratorate_id = $2',
    [a.organId, a.procuratorateId],
  );
  if (!organ?.email) return undefined;
  await tx.query(
    `INSERT INTO organ_access (token, case_id, recommendation_id, procuratorate_id, organ_id, email)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (case_id, recommendation_id) DO NOTHING`,
    [
      randomBytes(24).toString('base64url'),
      a.caseId,
      a.recommendationId,
      a.procuratorateId,
      a.organId,
      organ.email,
    ],
  );
  return findOrganLink(tx, a);
}

/** The recommendation's link made when it was issued, if one was (never makes one). */
export async function findOrganLink(
  tx: Tx,
  a: { caseId: string; recommendationId: string },
): Promise<{ token: string; email: string; organName: string } | undefined> {
  const [row] = await tx.query<{ token: string; email: string; organ_name: string }>(
    `SELECT a.token, a.email, o.name AS organ_name FROM organ_access a JOIN organs o ON o.id = a.organ_id
     WHERE a.case_id = $1 AND a.recommendation_id = $2`,
    [a.caseId, a.recommendationId],
  );
  return row && { token: row.token, email: row.email, organName: row.organ_name };
}

export async function findOrganAccess(db: Db, token: string): Promise<OrganAccessRow | undefined> {
  const [row] = await db.query<OrganAccessRow>(
    `SELECT a.token, a.case_id, a.recommendation_id, a.procuratorate_id, a.organ_id, o.name AS organ_name,
       a.email, c.title AS case_title, c.stage AS case_stage, r.status, r.outcome
     FROM organ_access a JOIN organs o ON o.id = a.organ_id JOIN cases c ON c.id = a.case_id
     LEFT JOIN case_recommendations r ON r.case_id = a.case_id AND r.recommendation_id = a.recommendation_id
     WHERE a.token = $1`,
    [token],
  );
  return row;
}

export async function insertAccessCode(
  db: Db,
  c: { token: string; codeHash: string; ttlSeconds: number },
): Promise<void> {
  await db.query(
    `INSERT INTO organ_access_codes (token, code_hash, expires_at)
     VALUES ($1, $2, now() + make_interval(secs => $3))`,
    [c.token, c.codeHash, c.ttlSeconds],
  );
}

/**
 * Seconds until the next try, once `limit` wrong codes (failures) or codes mailed (codes) fell
 * within `seconds` for the link; 0 when it may go ahead.
 */
export async function codeWait(
  db: Db,
  token: string,
  window: { limit: number; seconds: number },
  of: 'failures' | 'codes',
): Promise<number> {
  const recent =
    of === 'failures'
      ? 'SELECT at FROM organ_code_failures WHERE token = $1 AND at > now() - make_interval(secs => $2)'
      : 'SELECT created_at AS at FROM organ_access_codes WHERE token = $1 AND created_at > now() - make_interval(secs => $2)';
  const [row] = await db.query<{ n: string; wait: string | null }>(
    `SELECT count(*) AS n, ceil(extract(epoch FROM min(at) + make_interval(secs => $2) - now()))::text AS wait
     FROM (${recent} ORDER BY at DESC LIMIT $3) r`,
    [token, window.seconds, window.limit],
  );
  return Number(row!.n) >= window.limit ? Math.max(1, Number(row!.wait ?? 1)) : 0;
}

/**
 * Uses the code if it is the latest unexpired, unused one of the link; a wrong or expired code is
 * counted for the throttle. True when the code was good.
 */
export async function takeAccessCode(db: Db, token: string, codeHash: string): Promise<boolean> {
  return db.withTransaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`organ-code:${token}`]);
    const used = await tx.query(
      `UPDATE organ_access_codes SET used_at = now()
       WHERE token = $1 AND code_hash = $2 AND used_at IS NULL AND expires_at > now() RETURNING id`,
      [token, codeHash],
    );
    if (used.length > 0) return true;
    await tx.query('INSERT INTO organ_code_failures (token) VALUES ($1)', [token]);
    return false;
  });
}

export async function insertOrganSession(
  db: Db,
  s: { sessionHash: string; token: string; contact: string; ttlSeconds: number },
): Promise<void> {
  await db.query(
    `INSERT INTO organ_sessions (session_hash, token, contact, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
    [s.sessionHash, s.token, s.contact, s.ttlSeconds],
  );
}

/** The live session's link and who opened it. */
export async function findOrganSession(
  db: Db,
  sessionHash: string,
): Promise<{ token: string; contact: string } | undefined> {
  const [row] = await db.query<{ token: string; contact: string }>(
    'SELECT token, contact FROM organ_sessions WHERE session_hash = $1 AND expires_at > now()',
    [sessionHash],
  );
  return row;
}

export interface OrganAnswer {
  item: number;
  answer: 'accepted' | 'in_progress' | 'disputed';
  plan?: string;
  startsOn?: string;
  endsOn?: string;
  reasons?: string;
  seq: number;
  at: string;
  by: string;
}

/** A progress report during the rectification period (added, never changed). */
export interface OrganProgress {
  seq: number;
  at: string;
  asOf: string;
  progress: string;
  by: string;
}

/** A request for more time, with the prosecutor's decision once made. */
export interface OrganExtensionRequest {
  seq: number;
  at: string;
  until: string;
  reasons: string;
  by: string;
  decision: { decision: 'granted' | 'refused'; until: string | null; reason: string; at: string } | null;
}

export interface OrganReply {
  documentNumber: string | null;
  items: string[];
  /** The rectification period's end (after any extension granted); null before receipt. */
  rectificationDue: string | null;
  answers: OrganAnswer[];
  progress: OrganProgress[];
  extensionRequests: OrganExtensionRequest[];
  files: { id: string; name: string; mediaType: string; size: number; sha256: string; addedAt: string }[];
}

/**
 * The recommendation's numbered items (from its issued 检察建议书), the organ's answers (from the
 * case's timeline, where the workflow recorded them) and the files the organ added.
 */
export async function organReplyOf(
  db: Db,
  a: { caseId: string; recommendationId: string; organId: string },
): Promise<OrganReply> {
  const [doc] = await db.query<{ number: string | null; items: string[] | null }>(
    `SELECT number, data->'itemList' AS items FROM case_documents
     WHERE case_id = $1 AND kind = 'recommendation' AND subject = $2 AND status = 'issued'
     ORDER BY issued_at DESC LIMIT 1`,
    [a.caseId, a.organId],
  );
  const entries = await db.query<OrganEntry>(
    `SELECT seq, at, kind, data, reason FROM audit_entries
     WHERE case_id = $1 AND kind = ANY($3) AND data->>'recommendationId' = $2 ORDER BY seq`,
    [a.caseId, a.recommendationId, ORGAN_ENTRY_KINDS],
  );
  const of = (kind: string) => entries.filter((e) => e.kind === kind);
  const [clock] = await db.query<{ due: string | null }>(
    `SELECT to_char(due_date, 'YYYY-MM-DD') AS due FROM case_clocks WHERE case_id = $1 AND clock_key = $2`,
    [a.caseId, `rectification:${a.recommendationId}`],
  );
  const files = await db.query<{
    id: string;
    file_name: string;
    media_type: string;
    size: string;
    sha256: string;
    added_at: Date;
  }>(
    `SELECT id, file_name, media_type, size, sha256, added_at FROM evidence_files
     WHERE case_id = $1 AND recommendation_id = $2 AND added_by LIKE 'organ:%' ORDER BY added_at`,
    [a.caseId, a.recommendationId],
  );
  return {
    documentNumber: doc?.number ?? null,
    items: doc?.items ?? [],
    rectificationDue: clock?.due ?? null,
    answers: of('answerRecommendationItems')
      .flatMap((e) =>
        (e.data.answers as OrganAnswer[]).map((ans) => ({
          ...ans,
          ...stamp(e),
          by: String(e.data.answeredBy),
        })),
      )
      .sort((x, y) => x.item - y.item),
    progress: of('reportRectificationProgress').map((e) => ({
      ...stamp(e),
      asOf: String(e.data.asOf),
      progress: String(e.data.progress),
      by: String(e.data.reportedBy),
    })),
    extensionRequests: extensionRequestsOf(
      of('requestRectificationExtension'),
      of('decideRectificationExtension'),
    ),
    files: files.map((f) => ({
      id: f.id,
      name: f.file_name,
      mediaType: f.media_type,
      size: Number(f.size),
      sha256: f.sha256,
      addedAt: f.added_at.toISOString(),
    })),
  };
}

const ORGAN_ENTRY_KINDS = [
  'answerRecommendationItems',
  'reportRectificationProgress',
  'requestRectificationExtension',
  'decideRectificationExtension',
];

interface OrganEntry {
  seq: number;
  at: Date;
  kind: string;
  data: Record<string, unknown>;
  reason: string | null;
}

const stamp = (e: OrganEntry) => ({ seq: e.seq, at: e.at.toISOString() });

/** Each request with the decision that followed it (one request waits for a decision at a time). */
function extensionRequestsOf(requests: OrganEntry[], decisions: OrganEntry[]): OrganExtensionRequest[] {
  return requests.map((r) => {
    const d = decisions.find((x) => x.seq > r.seq);
    return {
      ...stamp(r),
      until: String(r.data.until),
      reasons: String(r.data.reasons),
      by: String(r.data.requestedBy),
      decision: d
        ? {
            decision: d.data.decision as 'granted' | 'refused',
            until: (d.data.until as string | null) ?? null,
            reason: d.reason ?? '',
            at: d.at.toISOString(),
          }
        : null,
    };
  });
}

/**
 * The organ links made by one decision to issue recommendations (its timeline entry names the
 * recommendations, in the order of the proposal), for the documents that decision issues.
 */
export async function organLinksOfDecision(
  db: Db,
  caseId: string,
  decisionSeq: number,
): Promise<{ organId: string; token: string }[]> {
  const rows = await db.query<{ organ_id: string; token: string }>(
    `SELECT a.organ_id, a.token FROM audit_entries e
       CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(e.data->'recommendationIds', '[]'::jsonb))
         WITH ORDINALITY AS r (id, n)
       JOIN organ_access a ON a.case_id = e.case_id AND a.recommendation_id = r.id
     WHERE e.case_id = $1 AND e.seq = $2
     ORDER BY r.n`,
    [caseId, decisionSeq],
  );
  return rows.map((r) => ({ organId: r.organ_id, token: r.token }));
}

// Versions of the period policy, the clock catalogue and the reminder policy (one table, by kind).
import { versionLabel, type PolicyKind } from '../calendar/policies';
import { firstRow, type Db, type Tx } from './pool';

export interface PolicyVersionRow {
  kind: PolicyKind;
  version: string;
  seq: number;
  content: unknown;
  reason: string | null;
  created_by: string | null;
  created_at: Date;
  active: boolean;
}

const COLUMNS = 'kind, version, seq, content, reason, created_by, created_at, active';

export async function activePolicyVersion(db: Db, kind: PolicyKind): Promise<PolicyVersionRow | undefined> {
  return firstRow<PolicyVersionRow>(db, `SELECT ${COLUMNS} FROM policy_versions WHERE kind = $1 AND active`, [
    kind,
  ]);
}

export async function findPolicyVersion(
  db: Db,
  kind: PolicyKind,
  version: string,
): Promise<PolicyVersionRow | undefined> {
  return firstRow<PolicyVersionRow>(
    db,
    `SELECT ${COLUMNS} FROM policy_versions WHERE kind = $1 AND version = $2`,
    [kind, version],
  );
}

/** Stores the built-in default as the first, active version of a kind that has none yet. */
export async function seedPolicyVersion(
  db: Db,
  kind: PolicyKind,
  version: string,
  content: unknown,
): Promise<void> {
  await db.query(
    `INSERT INTO policy_versions (kind, version, seq, content, active)
     SELECT $1, $2, 1, $3::jsonb, true
     WHERE NOT EXISTS (SELECT 1 FROM policy_versions WHERE kind = $1)
     ON CONFLICT DO NOTHING`,
    [kind, version, JSON.stringify(content)],
  );
}

export interface NewPolicyVersion {
  kind: PolicyKind;
  content: unknown;
  actorId: string;
  reason: string | null;
}

export interface PolicyChange {
  kind: PolicyKind;
  version: string;
  previous: string | null;
  /** False when the content equals the active version's: nothing was written. */
  changed: boolean;
}

/** Adds versions (one per kind) and makes them active, in one transaction; older versions are kept. */
export async function addPolicyVersions(db: Db, inputs: NewPolicyVersion[]): Promise<PolicyChange[]> {
  return db.withTransaction(async (tx) => {
    await tx.query('LOCK TABLE policy_versions IN SHARE ROW EXCLUSIVE MODE');
    const changes: PolicyChange[] = [];
    for (const input of inputs) changes.push(await addVersion(tx, input));
    return changes;
  });
}

async function addVersion(tx: Tx, input: NewPolicyVersion): Promise<PolicyChange> {
  const content = JSON.stringify(input.content);
  const [current] = await tx.query<{ version: string; same: boolean }>(
    'SELECT version, content = $2::jsonb AS same FROM policy_versions WHERE kind = $1 AND active',
    [input.kind, content],
  );
  if (current?.same)
    return { kind: input.kind, version: current.version, previous: current.version, changed: false };
  const [{ seq } = { seq: 1 }] = await tx.query<{ seq: number }>(
    'SELECT coalesce(max(seq), 0)::int + 1 AS seq FROM policy_versions WHERE kind = $1',
    [input.kind],
  );
  const version = versionLabel(input.kind, seq);
  await tx.query('UPDATE policy_versions SET active = false WHERE kind = $1 AND active', [input.kind]);
  await tx.query(
    `INSERT INTO policy_versions (kind, version, seq, content, reason, created_by, active)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, true)`,
    [input.kind, version, seq, content, input.reason, input.actorId],
  );
  return { kind: input.kind, version, previous: current?.version ?? null, changed: true };
}

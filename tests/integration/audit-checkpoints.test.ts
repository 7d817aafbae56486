/**
 * The timeline against the database's owner (issue 14, part 4), on a real PostgreSQL: whoever
 * can rewrite audit_entries can re-hash a chain, so only the signed checkpoints (key outside the
 * database) and the case rows can tell. Each test tampers as a superuser would.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GENESIS_HASH, entryHash } from '../../store/audit/chain';
import { writeCheckpoints } from '../../store/audit/checkpoints';
import { loadSigner, type CheckpointSigner } from '../../store/audit/signing';
import { migrate } from '../../store/migrate';
import { createDb, type Db } from '../../store/pool';
import { appendTimelineEntry, rowToChainedFields, timelineOf } from '../../store/timeline';
import { startPostgres, type PostgresServer } from '../helpers/cluster';

const run = promisify(execFile);
const BIN = join(__dirname, '..', '..', 'bin', 'duban.js');

let dir: string;
let pg: PostgresServer;
let db: Db;
let keyFile: string;
let signer: CheckpointSigner;
let checkpointFile: string;
let n = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-audit-cp-'));
  chmodSync(dir, 0o755);
  pg = await startPostgres(join(dir, 'pg'));
  db = createDb({ connectionString: pg.url, max: 2, applicationName: 'duban-test' });
  await migrate(db);
  await db.query(
    `INSERT INTO procuratorates (id, name, level) VALUES ('p1', '某区人民检察院', 'district');
     INSERT INTO users (id, procuratorate_id, username, display_name, email, roles)
       VALUES ('u1', 'p1', 'u1', '检察官', 'u1@example.org', '{prosecutor}')`,
  );
  keyFile = join(dir, 'keys', 'signing.pem');
  checkpointFile = join(dir, 'checkpoints.jsonl');
  const made = await duban(['audit', 'keygen', '--out', keyFile]);
  expect(made.code).toBe(0);
  signer = loadSigner(keyFile);
  expect(made.stdout).toContain(signer.keyId);
}, 120_000);

afterAll(async () => {
  await db?.close();
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function duban(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: {
        ...process.env,
        DATABASE_URL: pg?.url ?? '',
        AUDIT_SIGNING_KEY_FILE: '',
        AUDIT_PUBLIC_KEYS_DIR: '',
      },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function verify(caseId: string, extra: string[] = []) {
  const result = await duban([
    'audit',
    'verify',
    '--case',
    caseId,
    '--signing-key',
    keyFile,
    '--json',
    ...extra,
  ]);
  return {
    code: result.code,
    report: JSON.parse(result.stdout || '{}') as { ok: boolean; broken: unknown[] },
  };
}

/** A case of `entries` entries, its case row, and a signed checkpoint of its head. */
async function checkpointedCase(entries = 5): Promise<string> {
  const caseId = `2026-TEST-${++n}-${Date.now().toString(36)}`;
  await db.withTransaction(async (tx) => {
    for (let seq = 1; seq <= entries; seq++) {
      await appendTimelineEntry(tx, {
        caseId,
        seq,
        at: new Date(Date.UTC(2026, 0, seq)).toISOString(),
        actorId: 'u1',
        kind: seq === 1 ? 'lead_registered' : 'note_added',
        stage: 'lead',
        data: { note: `第 ${seq} 条` },
      });
    }
    await tx.query(
      `INSERT INTO cases (id, procuratorate_id, workflow_id, title, track, stage, domain_code, source,
         handler_id, last_seq, created_at, updated_at)
       VALUES ($1, 'p1', $1, '测试案件', 'administrative', 'lead', 'ecology', 'duty', 'u1', $2, now(), now())`,
      [caseId, entries],
    );
  });
  const signed = await writeCheckpoints(db, signer, { file: checkpointFile });
  expect(signed.written.map((c) => c.caseId)).toContain(caseId);
  return caseId;
}

/** As the owner would: triggers off for one transaction, then `work`. */
async function behindTheTrigger(work: (q: Db['query']) => Promise<unknown>) {
  await db.withTransaction(async (tx) => {
    await tx.query('SET LOCAL session_replication_role = replica');
    await work(tx.query.bind(tx) as Db['query']);
  });
}

/** Rewrites entry `from`'s note and recomputes every hash from there on: the chain verifies again. */
async function rehashFrom(caseId: string, from: number) {
  const rows = await timelineOf(db, caseId);
  let prev = from === 1 ? GENESIS_HASH : rows[from - 2]!.hash;
  await behindTheTrigger(async (q) => {
    for (const row of rows.slice(from - 1)) {
      const data = row.seq === from ? { note: '改写过的内容' } : row.data;
      const hash = entryHash({ ...rowToChainedFields({ ...row, data }), prevHash: prev });
      await q(
        'UPDATE audit_entries SET data = $3, prev_hash = $4, hash = $5 WHERE case_id = $1 AND seq = $2',
        [caseId, row.seq, JSON.stringify(data), prev, hash],
      );
      prev = hash;
    }
  });
}

describe('duban audit verify against signed checkpoints and the case rows', () => {
  it('when nothing was touched, then every chain, case row and checkpoint agrees and it exits 0', async () => {
    const id = await checkpointedCase();
    const { code, report } = await verify(id, ['--checkpoint-file', checkpointFile]);
    expect(report).toMatchObject({ ok: true, broken: [], checkpoints: 2 });
    expect(code).toBe(0);
  });

  it('when one entry (the last) is changed and its hash recomputed, then the checkpoint names it', async () => {
    const id = await checkpointedCase();
    await rehashFrom(id, 5);
    const { code, report } = await verify(id);
    expect(report).toMatchObject({
      ok: false,
      broken: [{ caseId: id, seq: 5, reason: 'checkpoint_mismatch' }],
    });
    expect(code).toBe(1);
  });

  it('when the tail is deleted, then the missing entries are reported from the case row and the checkpoint', async () => {
    const id = await checkpointedCase();
    await behindTheTrigger((q) => q('DELETE FROM audit_entries WHERE case_id = $1 AND seq >= 4', [id]));
    const { code, report } = await verify(id);
    expect(report).toMatchObject({ ok: false, broken: [{ caseId: id, seq: 4, reason: 'tail_missing' }] });
    expect(code).toBe(1);
    // Even with the case row lowered to match, the checkpoint still remembers entry 5.
    await db.query('UPDATE cases SET last_seq = 3 WHERE id = $1', [id]);
    expect((await verify(id)).report).toMatchObject({ broken: [{ seq: 4, reason: 'tail_missing' }] });
  });

  it('when the whole chain is rewritten and re-hashed, then the checkpoint shows it, even with its row deleted', async () => {
    const id = await checkpointedCase();
    await rehashFrom(id, 2);
    const before = await verify(id);
    expect(before.report).toMatchObject({
      ok: false,
      broken: [{ caseId: id, seq: 5, reason: 'checkpoint_mismatch' }],
    });
    // The owner can delete the checkpoint rows too; the append-only file still holds them.
    await behindTheTrigger((q) => q('DELETE FROM audit_checkpoints WHERE case_id = $1', [id]));
    expect((await verify(id)).code).toBe(0);
    const withFile = await verify(id, ['--checkpoint-file', checkpointFile]);
    expect(withFile.report).toMatchObject({ ok: false, broken: [{ seq: 5, reason: 'checkpoint_mismatch' }] });
    // …and the job will not sign the rewritten head.
    const again = await writeCheckpoints(db, signer);
    expect(again.written.map((c) => c.caseId)).toContain(id); // no checkpoint left in the table to hold it to
    const refusedElsewhere = await checkpointedCase(3);
    await rehashFrom(refusedElsewhere, 2);
    await db.withTransaction((tx) =>
      appendTimelineEntry(tx, {
        caseId: refusedElsewhere,
        seq: 4,
        at: new Date().toISOString(),
        actorId: 'u1',
        kind: 'note_added',
        stage: 'lead',
        data: { note: '新记录' },
      }),
    );
    const refused = await writeCheckpoints(db, signer);
    expect(refused.refused).toContainEqual({
      caseId: refusedElsewhere,
      seq: 3,
      reason: 'checkpoint_mismatch',
    });
    expect(refused.written.map((c) => c.caseId)).not.toContain(refusedElsewhere);
  });

  it('when a checkpoint is forged or altered, then its signature is refused', async () => {
    const id = await checkpointedCase();
    await behindTheTrigger((q) =>
      q(`UPDATE audit_checkpoints SET signed_at = signed_at + interval '1 day' WHERE case_id = $1`, [id]),
    );
    expect((await verify(id)).report).toMatchObject({ broken: [{ seq: 5, reason: 'checkpoint_signature' }] });
    const other = join(dir, 'other.pem');
    expect((await duban(['audit', 'keygen', '--out', other])).code).toBe(0);
    const forged = loadSigner(other).sign({
      caseId: id,
      seq: 6,
      headHash: 'f'.repeat(64),
      signedAt: new Date().toISOString(),
    });
    await db.query(
      `INSERT INTO audit_checkpoints (case_id, seq, head_hash, signed_at, key_id, signature) VALUES ($1,$2,$3,$4,$5,$6)`,
      [id, forged.seq, forged.headHash, forged.signedAt, forged.keyId, forged.signature],
    );
    const { report } = await verify(id);
    expect(report).toMatchObject({
      broken: [
        { seq: 5, reason: 'checkpoint_signature' },
        { seq: 6, reason: 'checkpoint_unknown_key' },
      ],
    });
    // A retired key given in --keys is known again (rotation).
    const keysDir = join(dir, 'keys');
    rmSync(join(keysDir, 'signing.pem'));
    await run('cp', [`${other}.pub.pem`, join(keysDir, 'old.pem')]);
    const rotated = await duban(['audit', 'verify', '--case', id, '--keys', keysDir, '--json']);
    expect(JSON.parse(rotated.stdout).broken).toEqual([
      { caseId: id, seq: 5, reason: 'checkpoint_signature' },
      { caseId: id, seq: 6, reason: 'tail_missing' },
    ]);
    expect(readFileSync(checkpointFile, 'utf8')).toContain(id);
  });
});

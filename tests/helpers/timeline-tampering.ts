/**
 * What the database's owner can do to a timeline behind the application's back, and
 * `duban audit verify` run in the test's process to see whether it notices.
 */
import { runAudit } from '../../cli/audit';
import { entryHash } from '../../store/audit/chain';
import type { Db } from '../../store/pool';
import { rowToChainedFields, timelineOf } from '../../store/timeline';

/** As the owner would: triggers off for one transaction. */
export async function behindTheTrigger(
  db: Db,
  work: (query: (sql: string, values: unknown[]) => Promise<unknown>) => Promise<void>,
): Promise<void> {
  await db.withTransaction(async (tx) => {
    await tx.query('SET LOCAL session_replication_role = replica');
    await work((sql, values) => tx.query(sql, values));
  });
}

/** Rewrites entry `seq` of the case and re-hashes the chain from it on, so the chain alone verifies. */
export async function rewriteEntry(db: Db, caseId: string, seq: number): Promise<void> {
  const rows = await timelineOf(db, caseId);
  let prev = rows.find((row) => row.seq === seq - 1)!.hash;
  await behindTheTrigger(db, async (query) => {
    for (const row of rows.filter((r) => r.seq >= seq)) {
      const data = row.seq === seq ? { ...(row.data as object), note: '改写过的内容' } : row.data;
      const hash = entryHash({ ...rowToChainedFields({ ...row, data }), prevHash: prev });
      await query(
        'UPDATE audit_entries SET data = $3, prev_hash = $4, hash = $5 WHERE case_id = $1 AND seq = $2',
        [caseId, row.seq, JSON.stringify(data), prev, hash],
      );
      prev = hash;
    }
  });
}

/** `duban audit verify ARGS` against the suite's database and the Temporal server at `temporalAddress`. */
async function runVerify(args: string[], temporalAddress: string) {
  const lines: string[] = [];
  const env = {
    DATABASE_URL: process.env.DUBAN_TEST_DATABASE_URL!,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_NAMESPACE: 'default',
  };
  const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
  const code = await runAudit(['verify', ...args], io, env);
  return { code, lines };
}

/** `duban audit verify --case id --json …`: the exit code and the report. */
export async function verifyCase(caseId: string, temporalAddress: string, extra: string[] = []) {
  const { code, lines } = await runVerify(['--case', caseId, '--json', ...extra], temporalAddress);
  return { code, report: JSON.parse(lines.at(-1)!) };
}

/** `duban audit verify --case id --temporal` in words, as an auditor reads it. */
export function verifyCaseInWords(caseId: string, temporalAddress: string) {
  return runVerify(['--case', caseId, '--temporal'], temporalAddress);
}

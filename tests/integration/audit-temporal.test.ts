/**
 * `duban audit verify --temporal`: a running case's timeline against its workflow's history, on
 * the real Temporal server and PostgreSQL. The owner of the database can re-hash a chain and
 * lower `cases.last_seq` so that the chain alone verifies; the history still holds the hashes
 * the journal activity returned when each entry was written.
 */
import { runAudit } from '../../cli/audit';
import { entryHash } from '../../store/audit/chain';
import { rowToChainedFields, timelineOf } from '../../store/timeline';
import { ApiClient } from '../helpers/http';
import { registerLead } from '../helpers/leads';
import { useWorld } from '../helpers/world';

const world = useWorld();
let prosecutor: ApiClient;

beforeAll(async () => {
  prosecutor = await ApiClient.login(world.system.baseUrl, world.org.prosecutor);
});

/** Runs `duban audit verify --case id --json` in this process; the exit code and the report. */
async function verify(caseId: string, extra: string[] = []) {
  const out: string[] = [];
  const env = {
    DATABASE_URL: process.env.DUBAN_TEST_DATABASE_URL!,
    TEMPORAL_ADDRESS: process.env.DUBAN_TEST_TEMPORAL_ADDRESS!,
    TEMPORAL_NAMESPACE: 'default',
  };
  const io = { out: (line: string) => out.push(line), err: (line: string) => out.push(line) };
  const code = await runAudit(['verify', '--case', caseId, '--json', ...extra], io, env);
  return { code, report: JSON.parse(out.at(-1)!) };
}

/** A running case with a few entries, all written. */
async function runningCase(): Promise<string> {
  const id = await registerLead(prosecutor, {
    title: '某河道偷排污水',
    description: '群众反映河道夜间有污水排放',
    domainCode: 'ecology',
    source: 'self_discovered',
  });
  await prosecutor.postSettled(`/api/cases/${id}/actions/startEvaluation`, {});
  await prosecutor.postSettled(`/api/cases/${id}/actions/addNote`, { text: '现场查看' });
  await prosecutor.postSettled(`/api/cases/${id}/actions/addNote`, { text: '调取监测数据' });
  return id;
}

/** As the owner would: triggers off for one transaction. */
async function behindTheTrigger(
  work: (query: (sql: string, values: unknown[]) => Promise<unknown>) => Promise<void>,
) {
  await world.system.db.withTransaction(async (tx) => {
    await tx.query('SET LOCAL session_replication_role = replica');
    await work((sql, values) => tx.query(sql, values));
  });
}

it('when nothing was touched, then the chain and the running workflow’s history agree', async () => {
  const id = await runningCase();
  const { code, report } = await verify(id, ['--temporal']);
  expect(report).toMatchObject({ ok: true, broken: [], againstHistory: 1 });
  expect(report.entries).toBeGreaterThanOrEqual(4);
  expect(code).toBe(0);
});

it('when an entry is rewritten and the chain re-hashed from it, then the chain alone verifies but the history names the entry', async () => {
  const id = await runningCase();
  const rows = await timelineOf(world.system.db, id);
  let prev = rows[0]!.hash;
  await behindTheTrigger(async (query) => {
    for (const row of rows.slice(1)) {
      const data = row.seq === 2 ? { ...(row.data as object), note: '改写过的内容' } : row.data;
      const hash = entryHash({ ...rowToChainedFields({ ...row, data }), prevHash: prev });
      await query(
        'UPDATE audit_entries SET data = $3, prev_hash = $4, hash = $5 WHERE case_id = $1 AND seq = $2',
        [id, row.seq, JSON.stringify(data), prev, hash],
      );
      prev = hash;
    }
  });
  expect((await verify(id)).report).toMatchObject({ ok: true });
  const { code, report } = await verify(id, ['--temporal']);
  expect(report).toMatchObject({ ok: false, broken: [{ caseId: id, seq: 2, reason: 'history_mismatch' }] });
  expect(code).toBe(1);
});

it('when the tail is deleted and the case row lowered to match, then the history shows the entries missing', async () => {
  const id = await runningCase();
  const rows = await timelineOf(world.system.db, id);
  const last = rows.at(-1)!.seq;
  await behindTheTrigger(async (query) => {
    await query('DELETE FROM audit_entries WHERE case_id = $1 AND seq = $2', [id, last]);
    await query('UPDATE cases SET last_seq = $2 WHERE id = $1', [id, last - 1]);
  });
  expect((await verify(id)).report).toMatchObject({ ok: true });
  const { code, report } = await verify(id, ['--temporal']);
  expect(report).toMatchObject({ ok: false, broken: [{ caseId: id, seq: last, reason: 'history_missing' }] });
  expect(code).toBe(1);
});

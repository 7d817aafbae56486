/**
 * `duban audit verify --temporal`: a case's timeline against its workflow's history, on the real
 * Temporal server and PostgreSQL. The owner of the database can re-hash a chain and lower
 * `cases.last_seq` so that the chain alone verifies; the history still holds the hashes the
 * journal activity returned when each entry was written, while the case runs and after it closed,
 * until the namespace's retention removes it.
 */
import { temporal } from '@temporalio/proto';
import { shanghaiDate } from '../../domain/time';
import { timelineOf } from '../../store/timeline';
import { caseWorkflowId } from '../../workflows/contract';
import { ApiClient } from '../helpers/http';
import { registerLead } from '../helpers/leads';
import { eventually } from '../helpers/npm-start';
import { behindTheTrigger, rewriteEntry, verifyCase, verifyCaseInWords } from '../helpers/timeline-tampering';
import { useWorld } from '../helpers/world';

const world = useWorld();
let prosecutor: ApiClient;
let chief: ApiClient;

beforeAll(async () => {
  prosecutor = await ApiClient.login(world.system.baseUrl, world.org.prosecutor);
  chief = await ApiClient.login(world.system.baseUrl, world.org.chief);
});

const verify = (caseId: string, extra: string[] = []) =>
  verifyCase(caseId, process.env.DUBAN_TEST_TEMPORAL_ADDRESS!, extra);

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

/** A case the chief decided not to file (不予立案): its workflow has completed. */
async function closedCase(): Promise<string> {
  const id = await runningCase();
  const proposed = await prosecutor.postSettled(`/api/cases/${id}/actions/proposeFiling`, {
    reason: '线索查证属实',
  });
  expect(proposed.status).toBe(200);
  const decided = await chief.postSettled(`/api/cases/${id}/actions/decideFiling`, {
    approve: false,
    decidedOn: shanghaiDate(new Date()),
    reason: '不符合立案条件',
  });
  expect(decided.status).toBe(200);
  const handle = world.system.temporal.workflow.getHandle(caseWorkflowId(id));
  await handle.result();
  expect((await handle.describe()).status.name).toBe('COMPLETED');
  return id;
}

it('when nothing was touched, then the chain and the running workflow’s history agree', async () => {
  const id = await runningCase();
  const { code, report } = await verify(id, ['--temporal']);
  expect(report).toMatchObject({ ok: true, broken: [], againstHistory: 1, historyGone: [] });
  expect(report.entries).toBeGreaterThanOrEqual(4);
  expect(code).toBe(0);
});

it('when an entry is rewritten and the chain re-hashed from it, then the chain alone verifies but the history names the entry', async () => {
  const id = await runningCase();
  await rewriteEntry(world.system.db, id, 2);
  expect((await verify(id)).report).toMatchObject({ ok: true });
  const { code, report } = await verify(id, ['--temporal']);
  expect(report).toMatchObject({ ok: false, broken: [{ caseId: id, seq: 2, reason: 'history_mismatch' }] });
  expect(code).toBe(1);
});

it('when the tail is deleted and the case row lowered to match, then the history shows the entries missing', async () => {
  const id = await runningCase();
  const rows = await timelineOf(world.system.db, id);
  const last = rows.at(-1)!.seq;
  await behindTheTrigger(world.system.db, async (query) => {
    await query('DELETE FROM audit_entries WHERE case_id = $1 AND seq = $2', [id, last]);
    await query('UPDATE cases SET last_seq = $2 WHERE id = $1', [id, last - 1]);
  });
  expect((await verify(id)).report).toMatchObject({ ok: true });
  const { code, report } = await verify(id, ['--temporal']);
  expect(report).toMatchObject({ ok: false, broken: [{ caseId: id, seq: last, reason: 'history_missing' }] });
  expect(code).toBe(1);
});

describe('a closed case', () => {
  let id: string;
  beforeAll(async () => {
    id = await closedCase();
  });

  it('when an entry of a closed case is rewritten and re-hashed, then its history still names the entry', async () => {
    expect((await verify(id, ['--temporal'])).report).toMatchObject({ ok: true, againstHistory: 1 });
    await rewriteEntry(world.system.db, id, 3);
    expect((await verify(id)).report).toMatchObject({ ok: true });
    const { code, report } = await verify(id, ['--temporal']);
    expect(report).toMatchObject({
      ok: false,
      againstHistory: 1,
      historyGone: [],
      broken: [{ caseId: id, seq: 3, reason: 'history_mismatch' }],
    });
    expect(code).toBe(1);
  });

  it('when retention has removed the closed case’s history, then verify says so and does not fail on it', async () => {
    const { connection, workflow } = world.system.temporal;
    const { runId } = await workflow.getHandle(caseWorkflowId(id)).describe();
    await connection.workflowService.deleteWorkflowExecution({
      namespace: 'default',
      workflowExecution: { workflowId: caseWorkflowId(id), runId },
    });
    const { code, report } = await eventually(
      () => verify(id, ['--temporal']),
      ({ report }) => report.historyGone?.length > 0,
      // Deletion is asynchronous and slower under load, as retention would be.
      120_000,
    );
    expect(report).toMatchObject({ ok: true, againstHistory: 0, historyGone: [{ caseId: id, gone: 'all' }] });
    expect(code).toBe(0);
    const { lines } = await verifyCaseInWords(id, process.env.DUBAN_TEST_TEMPORAL_ADDRESS!);
    expect(lines).toContain(
      `案件 ${id}：Temporal 已不再保存其工作流历史（超过命名空间的保留期），未能对照，只凭哈希链和检查点校验`,
    );
  });
});

describe('a case an operator reset to an earlier point', () => {
  it('when an entry written only before the reset is rewritten, then verify follows the reset back and names it', async () => {
    const id = await registerLead(prosecutor, { title: '某厂区违规堆放危废', domainCode: 'ecology' });
    await prosecutor.postSettled(`/api/cases/${id}/actions/startEvaluation`, {});
    const { workflow, connection } = world.system.temporal;
    const handle = workflow.getHandle(caseWorkflowId(id));
    const before = await handle.fetchHistory();
    const resetPoint = before.events!.filter((e) => e.workflowTaskCompletedEventAttributes).at(-1)!.eventId!;
    const note = await prosecutor.postSettled(`/api/cases/${id}/actions/addNote`, { text: '复核现场照片' });
    expect(note.status).toBe(200);
    const noteSeq = (await timelineOf(world.system.db, id)).at(-1)!.seq;

    const baseRunId = (await handle.describe()).runId;
    const { runId } = await connection.workflowService.resetWorkflowExecution({
      namespace: 'default',
      workflowExecution: { workflowId: caseWorkflowId(id), runId: baseRunId },
      reason: 'operator reset, audit test',
      workflowTaskFinishEventId: resetPoint,
      requestId: `reset-${id}`,
      // The note's update is not reapplied: only the base run's history holds its entry.
      resetReapplyType: temporal.api.enums.v1.ResetReapplyType.RESET_REAPPLY_TYPE_NONE,
      resetReapplyExcludeTypes: [
        temporal.api.enums.v1.ResetReapplyExcludeType.RESET_REAPPLY_EXCLUDE_TYPE_SIGNAL,
        temporal.api.enums.v1.ResetReapplyExcludeType.RESET_REAPPLY_EXCLUDE_TYPE_UPDATE,
      ],
    });
    expect(runId).not.toBe(baseRunId);
    expect((await handle.describe()).runId).toBe(runId);

    expect((await verify(id, ['--temporal'])).report).toMatchObject({ ok: true, againstHistory: 1 });
    await rewriteEntry(world.system.db, id, noteSeq);
    expect((await verify(id)).report).toMatchObject({ ok: true });
    const { code, report } = await verify(id, ['--temporal']);
    expect(report).toMatchObject({
      ok: false,
      historyGone: [],
      broken: [{ caseId: id, seq: noteSeq, reason: 'history_mismatch' }],
    });
    expect(code).toBe(1);
  });
});

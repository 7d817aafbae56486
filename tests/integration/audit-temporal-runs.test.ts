/**
 * `duban audit verify --temporal` over a case that continued as new: the entries journaled in the
 * first run are compared too, by following the chain of runs back from the latest. A dedicated
 * dev server suggests continue-as-new after 60 history events, so a dozen notes get there.
 */
import { freePort, startTemporalDevServer, type TemporalDevServer } from '../../dev/temporal-dev-server';
import { caseWorkflowId } from '../../workflows/contract';
import { ApiClient } from '../helpers/http';
import { registerLead } from '../helpers/leads';
import { eventually } from '../helpers/npm-start';
import { rewriteEntry, verifyCase } from '../helpers/timeline-tampering';
import { temporalCliPath } from '../helpers/tools';
import { useWorld } from '../helpers/world';

let server: TemporalDevServer;
const suiteAddress = process.env.DUBAN_TEST_TEMPORAL_ADDRESS;

// Before the world's own beforeAll, which connects the API and the worker to this server.
beforeAll(async () => {
  server = await startTemporalDevServer({
    cliPath: temporalCliPath(),
    port: await freePort(),
    dynamicConfig: { 'limit.historyCount.suggestContinueAsNew': 60 },
  });
  process.env.DUBAN_TEST_TEMPORAL_ADDRESS = server.address;
});
const world = useWorld();
afterAll(async () => {
  process.env.DUBAN_TEST_TEMPORAL_ADDRESS = suiteAddress;
  await server?.stop();
});

const verify = (caseId: string, extra: string[] = []) => verifyCase(caseId, server.address, extra);

/** A case whose notes took it past the suggestion: its first run continued as new. */
async function continuedCase(): Promise<{ id: string; firstRunId: string }> {
  const prosecutor = await ApiClient.login(world.system.baseUrl, world.org.prosecutor);
  const id = await registerLead(prosecutor, { title: '某河道偷排污水', domainCode: 'ecology' });
  await prosecutor.postSettled(`/api/cases/${id}/actions/startEvaluation`, {});
  const handle = world.system.temporal.workflow.getHandle(caseWorkflowId(id));
  const firstRunId = (await handle.describe()).runId;
  for (let n = 1; n <= 40 && (await handle.describe()).runId === firstRunId; n++) {
    const res = await prosecutor.postSettled(`/api/cases/${id}/actions/addNote`, { text: `第${n}次沟通` });
    expect(res.status).toBe(200);
  }
  expect((await handle.describe()).runId).not.toBe(firstRunId);
  return { id, firstRunId };
}

describe('a case that continued as new', () => {
  let id: string;
  let firstRunId: string;
  beforeAll(async () => {
    ({ id, firstRunId } = await continuedCase());
  });

  it('when an entry of its first run is rewritten and re-hashed, then verify follows the runs back and names it', async () => {
    expect((await verify(id, ['--temporal'])).report).toMatchObject({ ok: true, broken: [] });
    await rewriteEntry(world.system.db, id, 2);
    expect((await verify(id)).report).toMatchObject({ ok: true });
    const { code, report } = await verify(id, ['--temporal']);
    expect(report).toMatchObject({
      ok: false,
      againstHistory: 1,
      historyGone: [],
      broken: [{ caseId: id, seq: 2, reason: 'history_mismatch' }],
    });
    expect(code).toBe(1);
  });

  it('when retention has removed its first run, then verify compares the later runs and says the earlier are gone', async () => {
    await world.system.temporal.connection.workflowService.deleteWorkflowExecution({
      namespace: 'default',
      workflowExecution: { workflowId: caseWorkflowId(id), runId: firstRunId },
    });
    // Deletion is asynchronous: the server takes its time (20–30 s here), as retention would.
    const { code, report } = await eventually(
      () => verify(id, ['--temporal']),
      ({ report }) => report.historyGone?.length > 0,
      120_000,
    );
    expect(report).toMatchObject({
      ok: true,
      againstHistory: 1,
      historyGone: [{ caseId: id, gone: 'earlier_runs' }],
    });
    expect(code).toBe(0);
  });
});

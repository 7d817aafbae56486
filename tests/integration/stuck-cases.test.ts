/**
 * A case whose workflow task keeps failing (here: a deployment whose workflow code throws) is
 * listed for the case office with the error, shown on the case page and counted by a metric.
 */
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import pino from 'pino';
import { createApp } from '../../api/app';
import { watchStuckCases, type StuckCaseWatch } from '../../api/operations/stuck-cases';
import { startMailCatcher, type MailCatcher } from '../../dev/mail-catcher';
import { shanghaiDate } from '../../domain/time';
import { createMailer, type Mailer } from '../../mail/mailer';
import type { Db } from '../../store/pool';
import { FAILING_WORKFLOW_MESSAGE } from '../helpers/failing-workflows';
import { createTestOrg, type TestOrg } from '../helpers/fixtures';
import { ApiClient } from '../helpers/http';
import { eventually } from '../helpers/npm-start';
import { quietRuntime, startCaseWorker, testDb } from '../helpers/system';

const address = () => process.env.DUBAN_TEST_TEMPORAL_ADDRESS!;
const taskQueue = `stuck-${randomBytes(4).toString('hex')}`;
let db: Db;
let mail: MailCatcher;
let mailer: Mailer;
let connection: Connection;
let watch: StuckCaseWatch;
let server: Server;
let baseUrl: string;
let org: TestOrg;

beforeAll(async () => {
  quietRuntime();
  db = testDb();
  mail = await startMailCatcher({ port: 0 });
  mailer = createMailer({ smtpUrl: mail.url, from: 'duban@test.example' });
  connection = await Connection.connect({ address: address() });
  const temporal = new Client({ connection, namespace: 'default' });
  const log = pino({ level: 'silent' });
  watch = watchStuckCases({ temporal, taskQueue, log, intervalMs: 300 });
  const app = createApp({
    db,
    temporal,
    mailer,
    log,
    taskQueue,
    authSecret: randomBytes(32).toString('hex'),
    answerTimeoutMs: 3000,
    stuckCases: watch,
  });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  org = await createTestOrg(db);
});

afterAll(async () => {
  watch?.stop();
  await new Promise((r) => server?.close(r));
  await connection?.close();
  mailer?.close();
  await mail?.stop();
  await db?.close();
});

/** A worker running the broken workflow code on the case task queue. */
async function startBrokenWorker(): Promise<{ stop(): Promise<void> }> {
  const workerConnection = await NativeConnection.connect({ address: address() });
  const worker = await Worker.create({
    connection: workerConnection,
    namespace: 'default',
    taskQueue,
    workflowBundle: await bundleWorkflowCode({
      workflowsPath: require.resolve('../helpers/failing-workflows'),
      logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} },
    }),
  });
  const running = worker.run();
  return {
    async stop() {
      worker.shutdown();
      await running;
      await workerConnection.close();
    },
  };
}

const stuckCount = (metrics: string) => Number(/^duban_stuck_cases (\d+)$/m.exec(metrics)?.[1] ?? NaN);

it('when a deployment breaks the workflow code of a case, then the case office sees it with the error, the case page says so, and the metric counts it until it is fixed', async () => {
  const prosecutor = await ApiClient.login(baseUrl, org.prosecutor);
  const caseOffice = await ApiClient.login(baseUrl, org.caseOffice);
  const anonymous = new ApiClient(baseUrl);

  const good = await startCaseWorker({ db, mailer, taskQueue });
  const created = await prosecutor.postSettled('/api/cases', {
    title: '某公司违规堆放固体废物',
    description: '群众反映某公司在厂区外堆放固体废物。',
    domainCode: 'ecology',
    source: 'public_report',
    receivedOn: shanghaiDate(new Date()),
  });
  expect(created.status).toBe(201);
  const caseId: string = created.body.id;
  await good.stop();
  expect((await watch.scan()).cases).toEqual([]);

  const broken = await startBrokenWorker();
  let restored: { stop(): Promise<void> } | undefined;
  try {
    const note = await prosecutor.post(
      `/api/cases/${caseId}/actions/addNote`,
      { text: '部署出错时提交的备注' },
      { 'idempotency-key': randomBytes(8).toString('hex') },
    );
    expect([202, 503]).toContain(note.status);

    const listed = await eventually(
      () => caseOffice.get('/api/admin/stuck-cases'),
      (r) => r.body.items?.some((c: { error: string | null }) => c.error?.includes(FAILING_WORKFLOW_MESSAGE)),
      30_000,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.scannedAt).toEqual(expect.any(String));
    expect(listed.body.items).toEqual([
      expect.objectContaining({ caseId, attempt: expect.any(Number), cause: expect.any(String) }),
    ]);
    expect(listed.body.items[0].attempt).toBeGreaterThanOrEqual(2);

    const page = await prosecutor.get(`/api/cases/${caseId}`);
    expect(page.body.stuck).toMatchObject({ error: expect.stringContaining(FAILING_WORKFLOW_MESSAGE) });
    expect(stuckCount(String((await anonymous.get('/metrics')).body))).toBe(1);
    expect((await prosecutor.get('/api/admin/stuck-cases')).status).toBe(403);

    await broken.stop();
    restored = await startCaseWorker({ db, mailer, taskQueue });
    const cleared = await eventually(
      () => caseOffice.get('/api/admin/stuck-cases'),
      (r) => r.body.items?.length === 0,
      30_000,
    );
    expect(cleared.body.items).toEqual([]);
    expect((await prosecutor.get(`/api/cases/${caseId}`)).body.stuck).toBeNull();
    expect(stuckCount(String((await anonymous.get('/metrics')).body))).toBe(0);
  } finally {
    await restored?.stop();
  }
});

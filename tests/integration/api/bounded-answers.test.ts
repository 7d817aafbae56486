/**
 * With no worker on the case task queue (a stalled deployment), a registration and an action
 * answer within the deadline — 202 or 503, never a hang or a 500 — and retries with the same
 * Idempotency-Key settle once a worker is back: one case, one timeline entry.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createApp } from '../../../api/app';
import { createMailer } from '../../../mail/mailer';
import { TEST_PASSWORD } from '../../helpers/fixtures';
import { leadBody } from '../../helpers/leads';
import { startCaseWorker } from '../../helpers/system';
import { useWorld } from '../../helpers/world';
import { Caller, expectProblem, signIn } from './helpers';

const DEADLINE_MS = 1500;
const world = useWorld();
const taskQueue = `stalled-${Date.now()}`;
let server: Server;
let baseUrl: string;
let mailer: ReturnType<typeof createMailer>;

beforeAll(async () => {
  mailer = createMailer({ smtpUrl: world.system.mail.url, from: 'duban@test.example' });
  const app = createApp({
    db: world.system.db,
    temporal: world.system.temporal,
    mailer,
    log: pino({ level: 'silent' }),
    taskQueue,
    authSecret: 'bounded-answers-secret-of-32-chars!!',
    answerTimeoutMs: DEADLINE_MS,
  });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  mailer.close();
});

/** Sends again with the same key while the answer's status is not final (at most 30 s). */
async function retried<T extends { status: number }>(send: () => Promise<T>, again: (s: number) => boolean) {
  const until = Date.now() + 30_000;
  for (;;) {
    const answer = await send();
    if (!again(answer.status) || Date.now() > until) return answer;
    await new Promise((r) => setTimeout(r, 500));
  }
}

const timed = async <T>(work: () => Promise<T>) => {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
};

it('when no worker runs, then a registration answers 202 within the deadline, and retries with its key settle on one case once a worker is back', async () => {
  const { accessToken } = await signIn(baseUrl, world.org.prosecutor, TEST_PASSWORD);
  const key = `register-${Date.now()}`;
  const title = `工作流停滞时登记的线索${Date.now()}`;
  const send = () =>
    new Caller(baseUrl, accessToken, { 'idempotency-key': key }).post('/api/cases', leadBody({ title }));
  const first = await timed(send);
  expect(first.value.status).toBe(202);
  expect(first.ms).toBeLessThan(DEADLINE_MS + 3000);
  const caseId = first.value.body.caseId as string;
  expect(first.value.body).toMatchObject({ status: 'pending', caseId });
  expect((await send()).body).toMatchObject({ status: 'pending', caseId });

  const worker = await startCaseWorker({ db: world.system.db, mailer, taskQueue });
  try {
    // A worker just back first replays the case (and may wait out the old worker's sticky queue):
    // the client retries with its key, as Retry-After tells it, until the answer is final.
    const settled = await retried(send, (s) => s === 202 || s === 503);
    expect(settled.status).toBe(201);
    expect(settled.body.id).toBe(caseId);
    const creations = await world.system.db.query(
      "SELECT case_id FROM case_creations WHERE procuratorate_id = $1 AND input->>'title' = $2",
      [world.org.procuratorateId, title],
    );
    expect(creations).toEqual([{ case_id: caseId }]);

    // The worker stops: an action is not accepted within the deadline, and says so.
    await worker.stop();
    const noteKey = `note-${Date.now()}`;
    const note = () =>
      new Caller(baseUrl, accessToken, { 'idempotency-key': noteKey }).post(
        `/api/cases/${caseId}/actions/addNote`,
        { text: '工作流停滞时的备注' },
      );
    const stalled = await timed(note);
    expectProblem(stalled.value, 503, 'service-unavailable');
    expect(Number(stalled.value.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(stalled.ms).toBeLessThan(DEADLINE_MS + 3000);

    const again = await startCaseWorker({ db: world.system.db, mailer, taskQueue });
    try {
      const settledNote = await retried(note, (s) => s === 202 || s === 503);
      expect(settledNote.status).toBe(200);
      const notes = await world.system.db.query(
        "SELECT seq FROM audit_entries WHERE case_id = $1 AND kind = 'addNote'",
        [caseId],
      );
      expect(notes).toHaveLength(1);
    } finally {
      await again.stop();
    }
  } finally {
    await worker.stop().catch(() => undefined);
  }
});

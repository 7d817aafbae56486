/**
 * `npm start` end to end: it comes up healthy on embedded services, registers a case and
 * mails its handler, stops every process it started on Ctrl-C, and a second start on the
 * same data finds the case again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '../../store/pool';
import { ApiClient } from '../helpers/http';
import {
  descendants,
  eventually,
  freePorts,
  isAlive,
  isPortFree,
  killGroup,
  startNpmStart,
  type NpmStart,
  type NpmStartPorts,
} from '../helpers/npm-start';

const START_TIMEOUT_MS = 120_000;
const DEMO = { username: 'zhangjc', password: 'duban-demo' };

let dataDir: string;
let ports: NpmStartPorts;
let running: NpmStart | undefined;
let caseId: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'duban-npm-start-'));
  ports = await freePorts();
});
afterAll(() => {
  if (running) killGroup(running.process);
  rmSync(dataDir, { recursive: true, force: true });
});

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** Stops `npm start` with SIGINT and checks that it took every process and port with it. */
async function stopAndCheck(started: NpmStart, target: 'group' | 'leader'): Promise<void> {
  const pid = started.process.pid!;
  const children = descendants(pid);
  expect(children.length).toBeGreaterThanOrEqual(3); // the Temporal server, the worker, the API
  process.kill(target === 'group' ? -pid : pid, 'SIGINT');
  expect(await started.exited).toBe(0);
  running = undefined;
  // Every process stops cleanly, even when the signal reaches it twice (group, then parent).
  expect(started.output()).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(started.output()).toContain('[duban] stopped');
  const alive = await eventually(
    () => children.filter(isAlive),
    (list) => list.length === 0,
    15_000,
  );
  expect(alive).toEqual([]);
  for (const [name, port] of Object.entries(ports)) {
    const free = await eventually(
      () => isPortFree(port),
      (v) => v,
      10_000,
    );
    expect({ [name]: free }).toEqual({ [name]: true });
  }
}

describe('npm start', () => {
  it(
    'when started on a fresh data directory, then it is healthy, registers a case and mails the handler',
    async () => {
      running = await startNpmStart({
        dataDir,
        ports,
        timeoutMs: START_TIMEOUT_MS,
        args: ['--no-demo-cases'],
      });
      expect(running.output()).toContain(`http://localhost:${ports.TEMPORAL_UI_PORT}/`);
      expect(running.output()).not.toMatch(/webpack|modules by path/);

      const health = await new ApiClient(running.baseUrl).get('/healthz');
      expect(health.status).toBe(200);
      expect(health.body.status).toBe('ok');

      const prosecutor = await ApiClient.login(running.baseUrl, { username: DEMO.username }, DEMO.password);
      const created = await prosecutor.post('/api/cases', {
        title: '某公司违规堆放固体废物',
        description: '群众反映某公司在厂区外堆放固体废物，污染周边土壤。',
        domainCode: 'ecology',
        source: 'public_report',
        receivedOn: daysAgo(3),
      });
      expect(created.status).toBe(201);
      caseId = created.body.id;

      const db = createDb({ connectionString: running.databaseUrl, max: 1, applicationName: 'duban-e2e' });
      try {
        const mails = await eventually(
          () =>
            db.query<{ rcpt_to: string[]; subject: string }>(
              'SELECT rcpt_to, subject FROM dev_mail WHERE position($1 in subject) > 0',
              [caseId],
            ),
          (rows) => rows.length > 0,
          60_000,
        );
        expect(mails).toHaveLength(1);
        expect(mails[0]!.rcpt_to).toEqual(['zhangjc@procuratorate.example']);
      } finally {
        await db.close();
      }

      await stopAndCheck(running, 'group');
    },
    START_TIMEOUT_MS + 120_000,
  );

  it(
    'when started again on the same data, then it comes back healthy with the case',
    async () => {
      expect(caseId).toBeDefined();
      const began = Date.now();
      running = await startNpmStart({
        dataDir,
        ports,
        timeoutMs: START_TIMEOUT_MS,
        args: ['--no-demo-cases'],
      });
      const health = await new ApiClient(running.baseUrl).get('/healthz');
      const seconds = ((Date.now() - began) / 1000).toFixed(1);
      console.log(`second npm start on the same data was healthy after ${seconds} s`);
      expect(health.status).toBe(200);

      const prosecutor = await ApiClient.login(running.baseUrl, { username: DEMO.username }, DEMO.password);
      const read = await prosecutor.get(`/api/cases/${caseId}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id: caseId, title: '某公司违规堆放固体废物' });

      await stopAndCheck(running, 'leader');
    },
    START_TIMEOUT_MS + 60_000,
  );
});

/**
 * A bad setting stops the API and the worker at start-up with exit status 1 and one line on
 * stderr that names the setting: never a stack trace, never a hang.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { CONFIG_VARIABLES } from '../../config/config';
import { startMailCatcher, type MailCatcher } from '../../dev/mail-catcher';
import { freePort } from '../helpers/ports';
import { namespaceWithMistypedAttribute } from '../helpers/temporal-namespaces';

const ROOT = join(__dirname, '..', '..');
type Entry = 'api/main.ts' | 'worker/main.ts';

interface Exit {
  code: number | null;
  stderr: string;
}

/** Runs an entry point until it exits; a process still running after `timeoutMs` is a hang. */
function runUntilExit(
  entry: Entry,
  env: Record<string, string | undefined>,
  timeoutMs = 60_000,
): Promise<Exit> {
  const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), join(ROOT, entry)], {
    cwd: ROOT,
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} was still running after ${timeoutMs} ms (stderr: ${stderr})`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

let mail: MailCatcher;
let goodEnv: Record<string, string | undefined>;
let mistyped: string;

beforeAll(async () => {
  mail = await startMailCatcher({ port: 0 });
  const connection = await Connection.connect({ address: process.env.DUBAN_TEST_TEMPORAL_ADDRESS! });
  mistyped = await namespaceWithMistypedAttribute(connection).finally(() => connection.close());
  // Nothing of the developer's own configuration leaks into the child processes.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !(k in CONFIG_VARIABLES)));
  goodEnv = {
    ...inherited,
    DATABASE_URL: process.env.DUBAN_TEST_DATABASE_URL,
    TEMPORAL_ADDRESS: process.env.DUBAN_TEST_TEMPORAL_ADDRESS,
    SMTP_URL: mail.url,
    AUTH_SECRET: randomBytes(32).toString('hex'),
    PORT: '0',
    TEMPORAL_TASK_QUEUE: `startup-${randomBytes(4).toString('hex')}`,
  };
});
afterAll(() => mail.stop());

function expectOneLineNaming(exit: Exit, setting: string): void {
  expect(exit.code).toBe(1);
  const lines = exit.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^duban: /);
  expect(lines[0]).toContain(setting);
  expect(exit.stderr).not.toMatch(/^\s+at /m);
}

const closedPort = () => freePort();

const BOTH: Entry[] = ['api/main.ts', 'worker/main.ts'];

describe.each(BOTH)('starting %s', (entry) => {
  it('when DATABASE_URL cannot be parsed, then it stops naming DATABASE_URL', async () => {
    const exit = await runUntilExit(entry, { ...goodEnv, DATABASE_URL: 'postgres//no-colon@db/duban' });
    expectOneLineNaming(exit, 'DATABASE_URL');
    expect(exit.stderr).toContain('invalid setting');
  });

  it('when DATABASE_URL points at a closed port, then it stops naming DATABASE_URL', async () => {
    const url = `postgres://duban:hunter2@127.0.0.1:${await closedPort()}/duban`;
    const exit = await runUntilExit(entry, { ...goodEnv, DATABASE_URL: url });
    expectOneLineNaming(exit, 'DATABASE_URL');
    expect(exit.stderr).toContain('cannot reach the database');
    expect(exit.stderr).not.toContain('hunter2');
  });

  it('when SMTP_URL points at a closed port, then it stops naming SMTP_URL', async () => {
    const exit = await runUntilExit(entry, {
      ...goodEnv,
      SMTP_URL: `smtp://127.0.0.1:${await closedPort()}`,
    });
    expectOneLineNaming(exit, 'SMTP_URL');
    expect(exit.stderr).toContain('cannot reach the SMTP server');
  });

  it('when AUTH_SECRET is not set, then it stops naming AUTH_SECRET', async () => {
    const exit = await runUntilExit(entry, { ...goodEnv, AUTH_SECRET: undefined });
    expectOneLineNaming(exit, 'AUTH_SECRET');
    expect(exit.stderr).toContain('is required but not set');
  });

  it('when TEMPORAL_ADDRESS points at a closed port, then it stops naming TEMPORAL_ADDRESS', async () => {
    const exit = await runUntilExit(entry, {
      ...goodEnv,
      TEMPORAL_ADDRESS: `127.0.0.1:${await closedPort()}`,
    });
    expectOneLineNaming(exit, 'TEMPORAL_ADDRESS');
    expect(exit.stderr).toContain('cannot reach Temporal');
  });

  it('when TEMPORAL_CODEC_KEYS holds a key of the wrong length, then it stops naming TEMPORAL_CODEC_KEYS', async () => {
    const key = randomBytes(16).toString('base64');
    const exit = await runUntilExit(entry, { ...goodEnv, TEMPORAL_CODEC_KEYS: `k1:${key}` });
    expectOneLineNaming(exit, 'invalid setting TEMPORAL_CODEC_KEYS');
    expect(exit.stderr).toContain('32-byte key');
    expect(exit.stderr).not.toContain(key);
  });

  it('when TEMPORAL_TLS_CA_PATH names no file, then it stops naming TEMPORAL_TLS_CA_PATH', async () => {
    const exit = await runUntilExit(entry, {
      ...goodEnv,
      TEMPORAL_TLS_CA_PATH: '/nonexistent/temporal-ca.pem',
    });
    expectOneLineNaming(exit, 'TEMPORAL_TLS_CA_PATH');
    expect(exit.stderr).toContain('cannot read /nonexistent/temporal-ca.pem (ENOENT)');
  });

  it('when TEMPORAL_NAMESPACE does not exist, then it stops naming TEMPORAL_NAMESPACE', async () => {
    const exit = await runUntilExit(entry, { ...goodEnv, TEMPORAL_NAMESPACE: 'no-such-namespace' });
    expectOneLineNaming(exit, 'TEMPORAL_NAMESPACE');
  });

  it('when a search attribute of the namespace has the wrong type, then it stops naming the attribute and both types', async () => {
    const exit = await runUntilExit(entry, { ...goodEnv, TEMPORAL_NAMESPACE: mistyped });
    expectOneLineNaming(exit, 'DubanNextDue is registered as Bool, but duban needs Datetime');
  });
});

describe('starting api/main.ts', () => {
  let holder: Server;
  let heldPort: number;

  beforeAll(async () => {
    holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    heldPort = (holder.address() as { port: number }).port;
  });
  afterAll(() => new Promise((resolve) => holder.close(resolve)));

  it('when OBJECT_STORE_URL points at a closed port, then it stops naming OBJECT_STORE_URL and never its keys', async () => {
    const exit = await runUntilExit('api/main.ts', {
      ...goodEnv,
      OBJECT_STORE_URL: `s3://duban-evidence?endpoint=http://127.0.0.1:${await closedPort()}`,
      OBJECT_STORE_ACCESS_KEY: 'duban',
      OBJECT_STORE_SECRET_KEY: 'hunter2-secret',
    });
    expectOneLineNaming(exit, 'OBJECT_STORE_URL=s3://duban-evidence/');
    expect(exit.stderr).toContain('cannot reach or create the bucket');
    expect(exit.stderr).not.toContain('hunter2');
  });

  it('when PORT is already in use, then it stops naming PORT', async () => {
    const exit = await runUntilExit('api/main.ts', { ...goodEnv, HOST: '127.0.0.1', PORT: String(heldPort) });
    expectOneLineNaming(exit, `PORT=${heldPort}`);
    expect(exit.stderr).toContain('already in use');
  });
});

/**
 * `npm start`: the whole system on embedded defaults. Starts (unless configured to use an
 * existing one) the Temporal dev server, PostgreSQL and a mail catcher, then the worker and
 * the API; prints where to look; Ctrl-C stops everything.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareDatabase } from '../config/database';
import { createDb, type Db } from '../store/pool';
import { fatal } from '../config/startup';
import { generateSigningKey } from '../store/audit/signing';
import { demoCases, demoCasesWanted, demoToday, loadDemoCases } from './demo-cases';
import { DEMO_PASSWORD, DEMO_USERS, demoWanted, seedDemoData } from './demo-data';
import { startEmbeddedServices, type EmbeddedServices } from './embedded-services';
import { stopChild } from './temporal-dev-server';
import { cachedWorkflowBundle, type CachedBundle } from './workflow-bundle-cache';

const ROOT = join(__dirname, '..');
const DATA_DIR = process.env.DUBAN_DATA_DIR ?? join(ROOT, 'data');

async function main(): Promise<void> {
  mkdirSync(DATA_DIR, { recursive: true });
  const port = Number(process.env.PORT ?? 3000);
  const mailbox: { db?: Db } = {};
  // Built (or found) while the servers start; the worker then loads it instead of bundling at start.
  const bundle = process.env.WORKFLOW_BUNDLE_PATH ? undefined : cachedWorkflowBundle();
  bundle?.catch(() => undefined);
  const services = await startEmbeddedServices({
    dataDir: DATA_DIR,
    env: process.env,
    log: say,
    storeMail: async (m) => {
      await mailbox.db?.query(
        'INSERT INTO dev_mail (mail_from, rcpt_to, subject, body_text, raw) VALUES ($1, $2, $3, $4, $5)',
        [m.from, m.to, m.subject, m.text, m.raw],
      );
    },
  });
  const db = createDb({
    connectionString: services.env.DATABASE_URL,
    max: 2,
    applicationName: 'duban-start',
  });
  mailbox.db = db;
  // The owner migrates and grants the application's role, as in production: the embedded
  // database's two roles, or DATABASE_OWNER_URL beside a given DATABASE_URL.
  await prepareDatabase(
    {
      DATABASE_URL: services.env.DATABASE_URL,
      DATABASE_OWNER_URL: services.env.DATABASE_OWNER_URL ?? process.env.DATABASE_OWNER_URL ?? '',
    },
    db,
    (message, work) => work().catch((err: Error) => fatal(`${message} (${err.message})`)),
  );
  const argv = process.argv.slice(2);
  const demo = demoWanted(process.env, argv);
  if (demo) await seedDemoData(db);
  const demoExtra = demo ? demoCasesWanted(argv) : undefined;

  const env = {
    ...process.env,
    ...services.env,
    ...devAuditSigning(process.env),
    ...(bundle && { WORKFLOW_BUNDLE_PATH: await workflowCode(bundle) }),
    PORT: String(port),
  };
  const children = [runChild('worker', 'worker/main.ts', env), runChild('api', 'api/main.ts', env)];
  const shutdown = onceShutdown(children, services, db);
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  for (const child of children) {
    child.once('exit', (code, signal) => {
      if (!stopping) {
        say(`${child.spawnargs.at(-1)} stopped (${signal ?? `exit ${code}`}); shutting down`);
        void shutdown();
      }
    });
  }
  await waitForHealth(`http://127.0.0.1:${port}/healthz`);
  printBanner(port, services, demo);
  if (demoExtra !== undefined) void loadDemoCasesOnce(db, `http://127.0.0.1:${port}`, demoExtra);
}

/**
 * On a database without cases, loads the demo cases in the background (the system is usable
 * meanwhile; progress is printed). A database that has cases is left as it is.
 */
async function loadDemoCasesOnce(db: Db, baseUrl: string, extra: number): Promise<void> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases');
  if (row && row.n > 0) return;
  const cases = demoCases(demoToday(), extra);
  say(
    `loading ${cases.length} demo cases through the API in the background (npm start -- --no-demo-cases skips)…`,
  );
  try {
    await loadDemoCases(baseUrl, cases, say);
  } catch (err) {
    if (!stopping) say(`demo cases: stopped loading (${(err as Error).message})`);
  }
}

/** The bundle's path, saying whether it was built now; a failed build is fatal, as it is in the worker. */
async function workflowCode(bundle: Promise<CachedBundle>): Promise<string> {
  try {
    const { path, cached } = await bundle;
    say(`workflow code: ${cached ? 'unchanged since the last start' : 'bundled'} (${path})`);
    return path;
  } catch (err) {
    return fatal(`the workflow code could not be bundled: ${(err as Error).message}`);
  }
}

let stopping = false;

/**
 * The worker signs timeline checkpoints with a key outside the database: under npm start, one
 * generated once under .cache/ (its public half beside it), and checkpoints also appended to
 * data/audit-checkpoints.jsonl. Set AUDIT_SIGNING_KEY_FILE to use your own.
 */
function devAuditSigning(env: NodeJS.ProcessEnv): Record<string, string> {
  if (env.AUDIT_SIGNING_KEY_FILE) return {};
  const keyFile = join(ROOT, '.cache', 'audit-signing-key.pem');
  if (!existsSync(keyFile)) {
    const key = generateSigningKey();
    mkdirSync(join(ROOT, '.cache'), { recursive: true });
    writeFileSync(keyFile, key.privatePem, { mode: 0o600 });
    writeFileSync(`${keyFile}.pub.pem`, key.publicPem);
    say(`generated the timeline signing key ${key.keyId} (.cache/audit-signing-key.pem)`);
  }
  return {
    AUDIT_SIGNING_KEY_FILE: keyFile,
    ...(!env.AUDIT_CHECKPOINT_FILE && { AUDIT_CHECKPOINT_FILE: join(DATA_DIR, 'audit-checkpoints.jsonl') }),
  };
}

function onceShutdown(children: ChildProcess[], services: EmbeddedServices, db: Db): () => Promise<void> {
  return async () => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    await Promise.all(children.map((c) => stopChild(c)));
    await db.close();
    await services.stop();
    say('stopped');
    process.exit(0);
  };
}

function runChild(name: string, entry: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), join(ROOT, entry)], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('error', (err) => say(`${name}: ${err.message}`));
  return child;
}

/**
 * Ready once /healthz says "ok": every dependency answers and the worker polls its task queue
 * (only then can a registered case start). "degraded" (no worker yet) is waited out too.
 */
async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  let last = '';
  while (Date.now() < deadline && !stopping) {
    try {
      const res = await fetch(url);
      const body = (await res.json()) as { status?: string; down?: string[] };
      if (res.ok && body.status === 'ok') return;
      last = `down: ${(body.down ?? []).join(', ') || body.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  if (!stopping) fatal(`the system did not become healthy within 180 s (${last})`);
}

function printBanner(port: number, services: EmbeddedServices, demo: boolean): void {
  const users = demo
    ? [
        `  Demo accounts (password: ${DEMO_PASSWORD}):`,
        ...DEMO_USERS.map(
          (u) => `    ${u.username.padEnd(10)} ${u.roles.join(',').padEnd(12)} ${u.name}（${u.pid}）`,
        ),
      ]
    : [
        '  No demo accounts: DATABASE_URL names your own database (npm start -- --demo loads them).',
        '  First admin: npx duban bootstrap --help',
      ];
  say(
    [
      '',
      '督办 duban is running',
      `  Web UI and API   http://localhost:${port}/`,
      `  API reference    http://localhost:${port}/api/docs`,
      `  Health           http://localhost:${port}/healthz`,
      ...services.banner,
      ...users,
      '  Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

function say(message: string): void {
  process.stdout.write(`[duban] ${message}\n`);
}

void main().catch((err: Error) => fatal(err.message));

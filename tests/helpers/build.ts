/**
 * `npm run build`'s output for the tests that run it. Built once and reused while it is newer
 * than every source it comes from: a build takes the better part of a minute.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

const COMPILED = ['dist/api/main.js', 'dist/worker/main.js', 'dist/cli/main.js', 'dist/workflow-bundle.js'];
/** Rebuilt by scripts/build-web.sh only when the web sources change, so only its presence counts. */
const WEB_BUILD = 'web/dist/index.html';

const SOURCES = [
  'activities',
  'api',
  'calendar',
  'cli',
  'config',
  'dev',
  'domain',
  'mail',
  'store',
  'web',
  'worker',
  'workflows',
  'scripts/build.sh',
  'scripts/build-workflows.ts',
  'tsconfig.json',
  'tsconfig.build.json',
  'package.json',
];

/** The newest file under `path`: a folder's own time changes when web/dist is swapped in. */
function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path)
    .filter((name) => name !== 'dist' && name !== 'node_modules')
    .reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), 0);
}

function upToDate(): boolean {
  const outputs = COMPILED.map((file) => join(ROOT, file));
  if (![...outputs, join(ROOT, WEB_BUILD)].every((file) => existsSync(file))) return false;
  const oldestOutput = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  const newestSource = Math.max(...SOURCES.map((source) => newestMtime(join(ROOT, source))));
  return oldestOutput > newestSource;
}

/** Runs `npm run build` (scripts/build.sh) unless its output is newer than its sources. */
export function ensureBuilt(): void {
  if (upToDate()) return;
  execFileSync('bash', [join(ROOT, 'scripts', 'build.sh')], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

/**
 * The workflow bundle of the sources as they are, built once per change and kept in
 * .cache/workflow-bundles/<hash>.js, so that `npm start` and the tests start workers without
 * running webpack over the workflow code each time. The hash covers every TypeScript file a
 * bundle could include (all of them outside tests/, web/ and the generated folders) and
 * package-lock.json: an edit anywhere there makes the next start build a new bundle.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';

const ROOT = join(__dirname, '..');
const SKIPPED = new Set(['node_modules', 'dist', 'web', 'tests', 'data', 'artifacts', 'bench']);
/** Bundles kept besides the current one; older ones are removed. */
const KEPT = 4;

export interface CachedBundle {
  path: string;
  /** False when this call had to build it. */
  cached: boolean;
}

/** The sources' hash: file names and contents, in a fixed order. */
export function sourcesHash(root = ROOT): string {
  const hash = createHash('sha256');
  const walk = (dir: string, rel: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      if (entry.name.startsWith('.') || (rel === '' && SKIPPED.has(entry.name))) continue;
      const path = join(dir, entry.name);
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path, name);
      else if (entry.name.endsWith('.ts') || name === 'package-lock.json')
        hash.update(`${name}\0`).update(readFileSync(path)).update('\0');
    }
  };
  walk(root, '');
  return hash.digest('hex').slice(0, 24);
}

/** The bundle for the current sources under `root`'s .cache, built when there is none. */
export async function cachedWorkflowBundle(root = ROOT): Promise<CachedBundle> {
  const dir = join(root, '.cache', 'workflow-bundles');
  const path = join(dir, `${sourcesHash(root)}.js`);
  try {
    statSync(path);
    return { path, cached: true };
  } catch {
    // not built yet
  }
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve(join(root, 'workflows')),
    logger: quietLogger(),
  });
  mkdirSync(dir, { recursive: true });
  // Two processes may build the same bundle at once: each writes its own file, the rename is atomic.
  const partial = `${path}.${randomBytes(4).toString('hex')}.partial`;
  writeFileSync(partial, code);
  renameSync(partial, path);
  prune(dir, path);
  return { path, cached: false };
}

function prune(dir: string, current: string): void {
  const old = readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .map((name) => join(dir, name))
    .filter((path) => path !== current)
    .map((path) => ({ path, mtime: statSync(path).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime)
    .slice(KEPT);
  for (const { path } of old) rmSync(path, { force: true });
}

export function quietLogger() {
  const noop = () => undefined;
  return { log: noop, trace: noop, debug: noop, info: noop, warn: noop, error: noop };
}

/**
 * Modified copies of the workflow code for F6: a breaking change to what a staff action does
 * (a timer before the action's effects), deployed once without and once behind patched().
 * The copy lives under .cache/ so that it resolves the repository's node_modules.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { bundleWorkflowCode } from '@temporalio/worker';

const ROOT = join(__dirname, '..', '..', '..');
export const F6_PATCH_ID = 'f6-pause-before-action';

/** run.ts's import from the workflow SDK, whatever it names: the variants add `sleep` to it. */
const IMPORT = /^import \{ ([^}]*) \} from '@temporalio\/workflow';$/m;
const ANCHOR = '      const before = this.state;';

const CHANGES = {
  /** The breaking change as someone might deploy it by mistake. */
  unpatched: {
    insert: '      await sleep(1);\n',
  },
  /** The same change done right: old histories take the old path. */
  patched: {
    insert: `      if (patched('${F6_PATCH_ID}')) await sleep(1);\n`,
  },
} as const;

export type Variant = keyof typeof CHANGES;

/** Bundles a temporary copy of workflows/ (and the domain code it imports) with `variant` applied. */
export async function bundleVariant(variant: Variant): Promise<{ code: string }> {
  const dir = join(ROOT, '.cache', `f6-${variant}-${randomBytes(3).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  try {
    for (const part of ['workflows', 'domain'])
      cpSync(join(ROOT, part), join(dir, part), { recursive: true });
    const runFile = join(dir, 'workflows', 'case', 'run.ts');
    const source = readFileSync(runFile, 'utf8');
    if (!IMPORT.test(source) || !source.includes(ANCHOR))
      throw new Error('workflows/case/run.ts changed: update the F6 variants to the new code');
    const change = CHANGES[variant];
    writeFileSync(
      runFile,
      source
        .replace(IMPORT, "import { $1, sleep } from '@temporalio/workflow';")
        .replace(ANCHOR, change.insert + ANCHOR),
    );
    const noop = () => undefined;
    return await bundleWorkflowCode({
      workflowsPath: join(dir, 'workflows', 'index.ts'),
      logger: { log: noop, trace: noop, debug: noop, info: noop, warn: noop, error: noop },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

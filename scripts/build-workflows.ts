/**
 * Bundles the case workflows once, at build time (`npm run build`), so that the worker of the
 * image loads them with `workflowBundle: { codePath }` instead of running webpack at every start.
 *
 *   node --require tsx/cjs scripts/build-workflows.ts dist/workflow-bundle.js
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';

async function main(out: string): Promise<void> {
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('../workflows') });
  const path = resolve(out);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, code);
  process.stderr.write(`[duban] workflow bundle written to ${out} (${Math.round(code.length / 1024)} KiB)\n`);
}

main(process.argv[2] ?? 'dist/workflow-bundle.js').catch((err: unknown) => {
  process.stderr.write(`[duban] error: bundling the workflows failed (${String(err)})\n`);
  process.exitCode = 1;
});

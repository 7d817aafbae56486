import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where `npm run build` writes the bundle: beside the compiled code, dist/workflow-bundle.js. */
export const BUILT_BUNDLE_PATH = join(__dirname, '..', 'workflow-bundle.js');

export type WorkflowCode =
  { kind: 'prebuilt'; codePath: string } | { kind: 'source' } | { kind: 'missing'; codePath: string };

/**
 * Which workflow code the worker loads: the bundle named by WORKFLOW_BUNDLE_PATH, else the one
 * built beside the compiled code (only the compiled worker finds one there), else the sources,
 * bundled at start as under `npm start`.
 */
export function findWorkflowCode(configured: string, built = BUILT_BUNDLE_PATH): WorkflowCode {
  if (configured)
    return existsSync(configured)
      ? { kind: 'prebuilt', codePath: configured }
      : { kind: 'missing', codePath: configured };
  return existsSync(built) ? { kind: 'prebuilt', codePath: built } : { kind: 'source' };
}

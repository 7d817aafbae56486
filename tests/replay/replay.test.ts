/**
 * The replay gate: every committed history of a case workflow must replay against the
 * current workflow code without a non-determinism error. A change that would alter a live
 * case's history fails here unless it is behind patched().
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { HISTORIES_DIR, loadHistory } from '../helpers/histories';
import { quietRuntime, workflowBundle } from '../helpers/system';

const files = readdirSync(HISTORIES_DIR)
  .filter((f) => f.endsWith('.json.gz'))
  .sort();

it('has saved histories to replay', () => {
  expect(files.length).toBeGreaterThan(0);
});

it.each(files)('replays %s', async (file) => {
  quietRuntime();
  const history = loadHistory(join(HISTORIES_DIR, file));
  await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, file);
});

/**
 * Saved workflow histories for the replay gate. A workflow test run with
 * DUBAN_RECORD_HISTORIES=1 writes the history of every case it started to
 * tests/replay/histories/ (gzipped JSON), named after the test; committing them makes every later change
 * to workflow code prove that it still replays them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

const { History } = temporal.api.history.v1;

export const HISTORIES_DIR = join(__dirname, '..', 'replay', 'histories');

export function recordingHistories(): boolean {
  return process.env.DUBAN_RECORD_HISTORIES === '1';
}

export async function saveHistory(handle: WorkflowHandle, index: number): Promise<void> {
  const testName = expect.getState().currentTestName ?? 'unnamed';
  const slug = testName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 90);
  mkdirSync(HISTORIES_DIR, { recursive: true });
  const history = await handle.fetchHistory();
  const json = History.toObject(History.fromObject(history), { longs: String, enums: String, bytes: String });
  const file = join(HISTORIES_DIR, `${slug}${index > 0 ? `-${index}` : ''}.json.gz`);
  writeFileSync(file, gzipSync(JSON.stringify(json), { level: 9 }));
}

/** A saved history as the worker's replayer takes it (proto objects, 64-bit ids as Long). */
export function loadHistory(file: string): temporal.api.history.v1.History {
  return History.fromObject(
    JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as Record<string, unknown>,
  );
}

/**
 * What a browser test file needs: `npm start` on free ports with its own data directory, and
 * Chromium. Started before the file's first test; afterwards `npm start` is stopped the way
 * Ctrl-C stops it (its process group killed if it has not gone after 30 s) and the data removed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBrowser, type Browser } from './browser';
import { freePorts, killGroup, startNpmStart, type NpmStart } from './npm-start';

export const START_TIMEOUT_MS = 150_000;
const STOP_TIMEOUT_MS = 30_000;

export interface UiApp {
  app: NpmStart;
  browser: Browser;
}

/** Registers the file's beforeAll and afterAll; read the fields inside tests and later hooks. */
export function useUiApp(name: string, options: { locale?: string } = {}): UiApp {
  const ui = {} as UiApp;
  let dataDir: string | undefined;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `duban-${name}-`));
    // Each browser test makes the cases it is about; the demo cases stay out of its inboxes.
    ui.app = await startNpmStart({
      dataDir,
      ports: await freePorts(),
      timeoutMs: START_TIMEOUT_MS,
      args: ['--no-demo-cases'],
    });
    ui.browser = await openBrowser(undefined, options.locale);
  }, START_TIMEOUT_MS + 30_000);
  afterAll(async () => {
    await ui.browser?.close();
    if (ui.app) await stopNpmStart(ui.app);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, STOP_TIMEOUT_MS + 30_000);
  return ui;
}

async function stopNpmStart(app: NpmStart): Promise<void> {
  process.kill(-app.process.pid!, 'SIGINT');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise((r) => (timer = setTimeout(r, STOP_TIMEOUT_MS, 'late')));
  if ((await Promise.race([app.exited, late])) === 'late') killGroup(app.process);
  clearTimeout(timer);
}

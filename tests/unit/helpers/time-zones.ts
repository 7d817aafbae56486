// Results must be the same whatever the process time zone: a probe runs in a child process
// under each zone, and the tests compare what it printed.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
/** Each zone with the offset `getTimezoneOffset()` gives in January. */
const ZONES = { UTC: 0, 'Asia/Shanghai': -480, 'America/Los_Angeles': 480 } as const;
type Zone = keyof typeof ZONES;

/**
 * Runs the probe (a script file, or code to evaluate) under TZ=UTC, Asia/Shanghai and
 * America/Los_Angeles; it prints `{ offset, lines }`. Fails unless each child saw its zone.
 */
export function linesUnderEachZone(probe: { file: string } | { code: string }): string[][] {
  return (Object.keys(ZONES) as Zone[]).map((tz) => {
    const run = probeIn(tz, probe);
    expect(run.offset).toBe(ZONES[tz]);
    return run.lines;
  });
}

function probeIn(tz: Zone, probe: { file: string } | { code: string }): { offset: number; lines: string[] } {
  const args = 'file' in probe ? [probe.file] : ['-e', probe.code];
  const child = spawnSync(process.execPath, ['-r', 'tsx/cjs', ...args], {
    cwd: ROOT,
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`probe failed under TZ=${tz}: ${child.stderr}`);
  return JSON.parse(child.stdout) as { offset: number; lines: string[] };
}

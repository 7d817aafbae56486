// Results must be the same whatever the process time zone (the engine never uses local-time Date).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const PROBE = path.join(__dirname, 'helpers', 'tz-probe.ts');
const ZONES = { UTC: 0, 'Asia/Shanghai': -480, 'America/Los_Angeles': 480 } as const;

function probeIn(tz: keyof typeof ZONES): { offset: number; lines: string[] } {
  const child = spawnSync(process.execPath, ['-r', 'tsx/cjs', PROBE], {
    cwd: ROOT,
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`probe failed under TZ=${tz}: ${child.stderr}`);
  return JSON.parse(child.stdout) as { offset: number; lines: string[] };
}

describe('time-zone independence', () => {
  it('gives identical results in child processes under TZ=UTC, Asia/Shanghai and America/Los_Angeles', () => {
    const runs = (Object.keys(ZONES) as (keyof typeof ZONES)[]).map((tz) => ({ tz, ...probeIn(tz) }));
    for (const run of runs) expect(run.offset).toBe(ZONES[run.tz]);
    const [reference, ...others] = runs;
    expect(reference?.lines.length).toBeGreaterThan(5000);
    for (const other of others) expect(other.lines).toEqual(reference?.lines);
  }, 60_000);
});

// The period engine's results must not depend on the process time zone (it never uses local-time Date).
import path from 'node:path';
import { linesUnderEachZone } from '../helpers/time-zones';

const PROBE = path.join(__dirname, 'helpers', 'tz-probe.ts');

describe('time-zone independence', () => {
  it('gives identical results in child processes under TZ=UTC, Asia/Shanghai and America/Los_Angeles', () => {
    const [reference, ...others] = linesUnderEachZone({ file: PROBE });
    expect(reference!.length).toBeGreaterThan(5000);
    for (const other of others) expect(other).toEqual(reference);
  }, 60_000);
});

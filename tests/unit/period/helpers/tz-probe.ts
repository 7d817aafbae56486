// Run in a child process with a given TZ: prints the zone's offset and the grid as JSON.
import * as period from '../../../../domain/period';
import { runGrid } from './tz-grid';

// Minutes west of UTC on 2026-01-01 local time, so the test can prove the zone really differs.
const offset = new Date(2026, 0, 1).getTimezoneOffset();
process.stdout.write(JSON.stringify({ tz: process.env.TZ, offset, lines: runGrid(period) }));

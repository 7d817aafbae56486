// Open deadlines around the start of 2027.
import type { Db } from '../../../store/pool';
import type { TestOrg } from '../../helpers/fixtures';
import { days, insertCase, insertOpenClock, months } from './helpers';

/** Cases without workflows, each with one reply clock computed under the bundled schedule. */
export async function insertClocksAround2027(db: Db, org: TestOrg): Promise<Record<string, string>> {
  const cases: Record<string, string> = {};
  const clocks = {
    moved: months('2026-12-31', 2), // 2027-03-01 (provisional)
    flagOnly: days('2026-12-20', 15), // 2027-01-04 (provisional)
    springFestival: days('2027-01-21', 15), // 2027-02-05 (provisional)
    untouched: days('2026-09-20', 15), // 2026-10-08
    suspended: { ...months('2026-12-01', 2), suspensions: [{ from: '2026-12-10' }] },
  };
  for (const [name, request] of Object.entries(clocks)) {
    cases[name] = await insertCase(db, org);
    await insertOpenClock(db, cases[name], request);
  }
  return cases;
}

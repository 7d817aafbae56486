// Open deadlines around the start of 2027, and a case registered through the API (with a workflow).
import type { Db } from '../../../store/pool';
import type { TestOrg } from '../../helpers/fixtures';
import type { ApiClient } from '../../helpers/http';
import { days, insertCase, insertOpenClock, months } from './helpers';

/** A case with a running workflow, so that a recompute signal reaches something. */
export async function registerCase(prosecutor: ApiClient): Promise<string> {
  const registered = await prosecutor.post('/api/cases', {
    title: '某公司违规堆放固体废物',
    description: '群众反映某公司在厂区外堆放固体废物。',
    domainCode: 'ecology',
    source: 'public_report',
    receivedOn: '2026-11-02',
  });
  if (registered.status !== 201) throw new Error(`registration failed: ${registered.status}`);
  return registered.body.id as string;
}

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

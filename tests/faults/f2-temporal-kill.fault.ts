// F2: the Temporal dev server (persisted to its SQLite file) is killed with SIGKILL under load
// and started again. Meanwhile the API answers 503 with Retry-After, never 500; afterwards
// every case carries on where it was.
import { waitUntil } from '../helpers/processes';
import { inParallel, scale, settleAndCheck, useScenario } from './support/scenario';
import { createBackfilledCase, type World } from './support/world';
import type { ApiClient, ApiResponse } from '../helpers/http';

const stop = { now: false };
const s = useScenario('f2', {
  beforeStop: () => {
    stop.now = true;
  },
});

/** Every answer the API gave, by what was asked, while the test drives load at it. */
interface Seen {
  what: string;
  status: number;
  retryAfter: string | null;
  duringOutage: boolean;
}

it('when Temporal is killed under load and restarted, then the API answers 503 meanwhile and nothing is lost', async () => {
  const ids: string[] = [];
  for (let i = 0; i < scale(4, 10); i++) ids.push(await createBackfilledCase(s.world, 60));
  const seen: Seen[] = [];
  let outage = false;
  const record = (what: string, res: ApiResponse) => {
    seen.push({ what, status: res.status, retryAfter: res.headers.get('retry-after'), duringOutage: outage });
  };

  // Load: notes on every case, case creations and reads, each note repeated with its key until answered.
  const lanes = inParallel([0, 1, 2, 3], 4, async (lane) => {
    for (let n = 0; !stop.now; n++) {
      const id = ids[(lane + n) % ids.length]!;
      if (lane === 3) record('read', await s.world.prosecutor.get(`/api/cases/${id}`));
      else await noteUntilAnswered(s.world, id, `F2-${lane}-${n}`, record);
    }
  });

  // A lane that fails ends the wait at once instead of letting it time out.
  const load = lanes.then(() => undefined);
  const unlessLoadFails = <T>(wait: Promise<T>) =>
    Promise.race([
      wait,
      lanes.then(() =>
        stop.now ? new Promise<T>(() => undefined) : Promise.reject(new Error('load ended')),
      ),
    ]);
  await unlessLoadFails(
    waitUntil('some load before the crash', () => s.world.accepted.length >= 10, { timeoutMs: 120_000 }),
  );
  await s.cluster.temporalServer.kill9();
  outage = true;
  const created = createBackfilledCase(s.world, 60); // a creation that starts while Temporal is down
  await unlessLoadFails(
    waitUntil(
      '503 answers to actions during the outage',
      () => seen.filter((x) => x.duringOutage && x.what === 'note' && x.status === 503).length >= 3,
      { timeoutMs: 180_000 },
    ),
  );
  await s.cluster.temporalServer.start();
  outage = false;
  await created;
  const before = seen.length;
  await unlessLoadFails(
    waitUntil(
      'more notes after the restart',
      () => seen.slice(before).filter((x) => x.status === 200).length > 20,
      {
        timeoutMs: 180_000,
      },
    ),
  );
  stop.now = true;
  await load;

  const during = seen.filter((x) => x.duringOutage);
  process.stdout.write(
    `[faults] F2 answers during the outage: ${summarise(during)}; all: ${summarise(seen)}\n`,
  );
  expect(seen.filter((x) => x.status >= 500 && x.status !== 503)).toEqual([]);
  expect(during.filter((x) => x.status === 503 && x.retryAfter === null)).toEqual([]);
  expect(during.filter((x) => x.what === 'read').every((x) => x.status === 200)).toBe(true);
  await settleAndCheck(s, 'F2 Temporal killed under load');
});

async function noteUntilAnswered(
  world: World,
  caseId: string,
  text: string,
  record: (what: string, res: ApiResponse) => void,
): Promise<void> {
  const key = `note-${text}`;
  const client: ApiClient = world.prosecutor;
  for (;;) {
    const res = await client.post(
      `/api/cases/${caseId}/actions/addNote`,
      { text },
      { 'idempotency-key': key },
    );
    record('note', res);
    if (res.status === 200) {
      world.accepted.push({ caseId, action: 'addNote', seq: res.body.result.seq });
      return;
    }
    // 202: accepted, not finished within the API's deadline; the same key brings the final answer.
    if (res.status !== 202 && res.status !== 503 && res.status !== 409)
      throw new Error(`note refused: ${res.status} ${JSON.stringify(res.body)}`);
    await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 1) * 200));
  }
}

function summarise(list: Seen[]): string {
  const counts = new Map<string, number>();
  for (const x of list) counts.set(`${x.what} ${x.status}`, (counts.get(`${x.what} ${x.status}`) ?? 0) + 1);
  return [...counts.entries()].map(([k, v]) => `${k}×${v}`).join(', ');
}

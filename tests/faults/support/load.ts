/** A steady stream of staff actions at the API, which a scenario breaks something under. */
import { waitUntil } from '../../helpers/processes';
import { inParallel } from './scenario';
import { act, type World } from './world';

export interface Load {
  /** Statuses of every answer, in order (a retried request counts each answer). */
  statuses: number[];
  /** Waits until `n` more notes were accepted than when called. */
  more(n: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** `lanes` clients adding notes round-robin to `caseIds`, each repeated with its key until answered. */
export function startNoteLoad(world: World, caseIds: readonly string[], label: string, lanes = 3): Load {
  let stopped = false;
  let accepted = 0;
  const statuses: number[] = [];
  const running = inParallel(
    Array.from({ length: lanes }, (_, i) => i),
    lanes,
    async (lane) => {
      for (let n = 0; !stopped; n++) {
        const id = caseIds[(lane + n) % caseIds.length]!;
        const res = await act(
          world,
          world.prosecutor,
          id,
          'addNote',
          { text: `${label} ${lane}-${n}` },
          undefined,
          statuses,
        );
        if (res.status !== 200) throw new Error(`note refused: ${res.status} ${JSON.stringify(res.body)}`);
        accepted += 1;
      }
    },
  );
  // A lane that fails ends any wait at once, with its error.
  const failed = running.then(() => new Promise<never>(() => undefined));
  failed.catch(() => undefined);
  return {
    statuses,
    async more(n, timeoutMs = 180_000) {
      const target = accepted + n;
      await Promise.race([
        waitUntil(`${n} more accepted notes`, () => accepted >= target, { timeoutMs }),
        failed,
      ]);
    },
    async stop() {
      stopped = true;
      await running;
    },
  };
}

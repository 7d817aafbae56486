import type { Logger } from 'pino';
import { writeCheckpoints } from '../store/audit/checkpoints';
import type { CheckpointSigner } from '../store/audit/signing';
import type { Db } from '../store/pool';

/**
 * The worker's periodic checkpoint job: every `intervalMs`, signs the head of each case's
 * timeline that grew since its last checkpoint. The worker runs it because the worker writes
 * the timelines; several workers may run it at once (a head is signed once, the others skip).
 */
export function startCheckpointJob(deps: {
  db: Db;
  signer: CheckpointSigner;
  intervalMs: number;
  file?: string;
  log: Logger;
}): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    running = (async () => {
      try {
        const run = await writeCheckpoints(deps.db, deps.signer, deps.file ? { file: deps.file } : {});
        if (run.written.length > 0)
          deps.log.info(
            { checkpoints: run.written.length, keyId: deps.signer.keyId },
            'timeline checkpoints signed',
          );
        for (const r of run.refused)
          deps.log.error(
            r,
            'timeline no longer continues its last checkpoint: not signed (run duban audit verify)',
          );
      } catch (err) {
        deps.log.warn({ err }, 'timeline checkpoint run failed; retrying at the next interval');
      } finally {
        running = undefined;
      }
    })();
  };
  const first = setTimeout(tick, Math.min(deps.intervalMs, 5_000));
  const timer = setInterval(tick, deps.intervalMs);
  first.unref();
  timer.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * The bare Temporal arms of the benchmarks: the least a workflow can do for the same job, so that
 * a ratio shows what duban adds on top of Temporal on the same server.
 */
import { condition, defineSignal, defineUpdate, setHandler, sleep } from '@temporalio/workflow';

export const pingUpdate = defineUpdate<number, [string]>('ping');
export const finishSignal = defineSignal('finish');

/** Answers updates until told to finish: the bare counterpart of a staff action. */
export async function trivialWorkflow(): Promise<void> {
  let count = 0;
  let done = false;
  setHandler(pingUpdate, () => ++count);
  setHandler(finishSignal, () => void (done = true));
  await condition(() => done);
}

/** Sleeps until `untilMs` (epoch ms) and ends: the bare counterpart of a reminder falling due. */
export async function sleeperWorkflow(untilMs: number): Promise<void> {
  await sleep(Math.max(untilMs - Date.now(), 1));
}

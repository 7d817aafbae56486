/**
 * Requests that wait on a case workflow answer within a deadline, whatever the worker does:
 * past it the call is abandoned (its gRPC calls cancelled) and the caller decides what to say —
 * 202 when the command is durably with Temporal, 503 with Retry-After when it is not.
 */
import type { Client } from '@temporalio/client';

export type Within<T> = { done: true; value: T } | { done: false };

/** `work` (its Temporal calls made through `temporal`) if it ends within `ms`, else not done. */
export async function within<T>(temporal: Client, ms: number, work: () => Promise<T>): Promise<Within<T>> {
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Within<T>>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), ms);
  });
  const running = temporal.connection.withAbortSignal(abort.signal, work);
  try {
    return await Promise.race([running.then((value): Within<T> => ({ done: true, value })), late]);
  } finally {
    clearTimeout(timer);
    abort.abort();
    // A call abandoned at the deadline fails as cancelled: nobody waits for that failure.
    running.catch(() => undefined);
  }
}

/**
 * The one timer a case keeps for its next reminder or expiry. A timer already running for the
 * same moment is kept when the case wakes for something else (an action that moves no clock),
 * so an action adds no timer commands to the history.
 */
import { CancellationScope, isCancellation, sleep } from '@temporalio/workflow';

export class AlarmTimer {
  private at: number | undefined;
  private scope: CancellationScope | undefined;
  /** True once the timer for `at` has fired, until `reset`. */
  rang = false;

  /** Runs a timer for `at` (none for undefined), keeping the running one when it is for `at`. */
  setFor(at: number | undefined): void {
    if (at === this.at && (this.scope !== undefined || at === undefined)) return;
    this.scope?.cancel();
    this.scope = undefined;
    this.at = at;
    if (at === undefined) return;
    const scope = new CancellationScope();
    this.scope = scope;
    void scope
      .run(() => sleep(Math.max(at - Date.now(), 1)))
      .then(
        () => {
          if (this.scope === scope) this.rang = true;
        },
        (err: unknown) => {
          if (!isCancellation(err)) throw err;
        },
      );
  }

  /** Forgets the timer that rang: the next `setFor` starts a new one, even for the same moment. */
  reset(): void {
    this.at = undefined;
    this.scope = undefined;
    this.rang = false;
  }
}

/**
 * Patch IDs for `patched()`: each guards a change to the commands a live case can reach, so that
 * histories written before it still replay. Listed with the date the patch was added; once no
 * open case predates it, a patch becomes `deprecatePatch()` and later goes.
 */
export const PATCHES = {
  /**
   * 2026-12-01: the recompute signal handler returns its work, so `allHandlersFinished()` waits
   * for a recompute in flight before the case continues as new or ends.
   */
  awaitRecompute: 'await-recompute-2026-12-01',
  /**
   * 2026-12-01: continue-as-new leaves the description out of the carried input; it stays in the
   * database (`case_creations.input`) and the workflow never reads it.
   */
  continueWithoutDescription: 'continue-without-description-2026-12-01',
  /** 2026-12-01: an action whose timeline write fails is refused, undone and alerted on. */
  refuseUnrecordedAction: 'refuse-unrecorded-action-2026-12-01',
  /** 2026-12-01: a reminder, expiry, recomputation or mail that cannot be recorded raises an alert. */
  alertUnrecordedWork: 'alert-unrecorded-work-2026-12-01',
  /** 2026-12-02: a registration the API would refuse ends the workflow at once, naming the field. */
  refuseInvalidRegistration: 'refuse-invalid-registration-2026-12-02',
} as const;

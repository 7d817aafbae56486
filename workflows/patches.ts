/**
 * Patch IDs for `patched()`: each guards a change to what a live case does, with the date it
 * was added. Once no open case predates a patch, it is deprecated, then removed.
 */

// --- A failed journal write refuses the action, raises an alert and the case goes on ---
/** 2026-12-01: an action whose timeline write fails is refused, undone and alerted on. */
export const REFUSE_UNRECORDED_ACTION = 'refuse-unrecorded-action-2026-12-01';
/** 2026-12-01: a reminder, expiry, recomputation or mail that cannot be recorded raises an alert. */
export const ALERT_UNRECORDED_WORK = 'alert-unrecorded-work-2026-12-01';

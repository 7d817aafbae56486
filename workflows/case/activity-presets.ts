/**
 * Named timeout and retry presets, one per class of activity. Every retry is bounded: an
 * activity that gives up fails visibly (the action is refused, or the case raises an alert)
 * instead of holding the case still. Data the database refuses is not retried at all.
 */
import {
  ActivityFailure,
  ApplicationFailure,
  patched,
  proxyActivities,
  proxyLocalActivities,
  TimeoutFailure,
  type ActivityOptions,
  type LocalActivityOptions,
} from '@temporalio/workflow';
import { RetryState } from '@temporalio/common';
import type { Activities } from '../../activities';
import { PATCHES } from '../patches';

/** Bounds for an activity that talks to the database, waiting out a database restart. */
const DATABASE: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: '1 hour',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};

/**
 * Database writes: a restarted or briefly unreachable database (minutes, see the fault suite)
 * is waited out; after an hour of trying, the write is given up and the case says so.
 */
export const dbWrite = proxyActivities<Pick<Activities, 'journal'>>(DATABASE);

/** An alert row: written in the background, given up after an hour (the alert stays in the case's state). */
export const alerting = proxyActivities<Pick<Activities, 'recordCaseAlert'>>(DATABASE);

/** Deadline arithmetic over the stored schedule: a read and a pure computation; bounded like a write. */
export const calendar = proxyActivities<Pick<Activities, 'computeClock'>>(DATABASE);

/**
 * The clock computation as a local activity: run by the worker that runs the case, inside the
 * workflow task that asked for it, instead of a round trip through the task queue. Bounded like
 * the others (an hour of retries, then the same failure); a wait between attempts longer than ten
 * seconds is a workflow timer, so a database that stays down does not hold a workflow task open.
 * Only work without side effects may run so: a local activity whose workflow task is lost (Temporal
 * killed before it stored the task) runs again after the workflow has perhaps taken another path.
 */
const LOCAL_DATABASE: LocalActivityOptions = { ...DATABASE, localRetryThreshold: '10 seconds' };
const local = proxyLocalActivities<Pick<Activities, 'journal' | 'computeClock'>>(LOCAL_DATABASE);
const localJournal = asActivityFailure('journal', local.journal);
const localClock = asActivityFailure('computeClock', local.computeClock);

/**
 * The journal write: always queued, so that the history holds each batch before it is written.
 * Written locally, a batch stored by a workflow task that Temporal then lost was followed, after
 * the restart, by another batch under the same numbers (a note answered as entry 6 while entry 6
 * was a reminder). Cases recorded under PATCHES.localJournalAndClocks and not yet past
 * PATCHES.queuedJournal replay their local writes.
 */
export function journalActivity(): Activities['journal'] {
  if (patched(PATCHES.queuedJournal)) return dbWrite.journal;
  return patched(PATCHES.localJournalAndClocks) ? localJournal : dbWrite.journal;
}

/** The clock computation: local in cases that have the patch, queued in cases recorded before it. */
export function clockActivity(): Activities['computeClock'] {
  return patched(PATCHES.localJournalAndClocks) ? localClock : calendar.computeClock;
}

/**
 * A local activity's failure reaches the workflow bare (the activity's ApplicationFailure, or a
 * timeout), a queued one's wrapped in an ActivityFailure: wrapped the same way here, so the paths
 * that refuse, undo and alert see one kind of failure however the work ran.
 */
function asActivityFailure<I, O>(
  activityType: string,
  run: (input: I) => Promise<O>,
): (input: I) => Promise<O> {
  return (input) =>
    run(input).catch((err: unknown) => {
      const bare = err instanceof ApplicationFailure || err instanceof TimeoutFailure;
      if (!bare) throw err;
      const retryState =
        err instanceof ApplicationFailure && err.nonRetryable
          ? RetryState.NON_RETRYABLE_FAILURE
          : RetryState.TIMEOUT;
      throw new ActivityFailure('Local activity failed', activityType, undefined, retryState, undefined, err);
    });
}

/**
 * E-mail: SMTP may be down for hours; mail waits in the outbox and is retried for two days,
 * then the case raises an alert (the message stays in the outbox, marked failed).
 */
export const mail = proxyActivities<Pick<Activities, 'deliverMail' | 'resendCaseMail'>>({
  startToCloseTimeout: '2 minutes',
  scheduleToCloseTimeout: '2 days',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/**
 * Statutory documents: drafted and issued from the case's rows with its template; a read, a
 * rendering and a write, bounded like a database write.
 */
export const documents =
  proxyActivities<
    Pick<
      Activities,
      | 'issueFilingDecision'
      | 'draftRecommendations'
      | 'issueDrafts'
      | 'reviseDraft'
      | 'issueActionDocument'
      | 'makeLitigationDocuments'
    >
  >(DATABASE);

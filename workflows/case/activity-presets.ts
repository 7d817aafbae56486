/**
 * Named timeout and retry presets, one per class of activity. Every retry is bounded: an
 * activity that gives up fails visibly (the action is refused, or the case raises an alert)
 * instead of holding the case still. Data the database refuses is not retried at all.
 */
import { proxyActivities, type ActivityOptions } from '@temporalio/workflow';
import type { Activities } from '../../activities';

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

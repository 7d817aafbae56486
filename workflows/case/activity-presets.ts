/** Named timeout and retry presets, one per class of activity. */
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';

/** Database writes: short, retried without limit (the database coming back is only a matter of time). */
export const dbWrite = proxyActivities<Pick<Activities, 'journal'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Deadline arithmetic over the stored schedule: a read and a pure computation. */
export const calendar = proxyActivities<Pick<Activities, 'computeClock'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** E-mail: SMTP may be down for hours; mail waits and is retried, never dropped. */
export const mail = proxyActivities<Pick<Activities, 'deliverMail'>>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

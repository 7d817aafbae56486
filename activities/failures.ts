import { ApplicationFailure } from '@temporalio/common';
import { CaseErrors } from '../workflows/contract';

/**
 * SQLSTATE classes of errors caused by the data itself: 22 (data exception, e.g. 22021 a
 * character PostgreSQL cannot store) and 23 (integrity constraint violation). Retrying the
 * same input fails the same way forever, so these must not be retried.
 */
const DATA_CLASSES = ['22', '23'];

export function isDataError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.length === 5 && DATA_CLASSES.includes(code.slice(0, 2));
}

/**
 * Runs an activity body; a database error caused by data becomes a non-retryable failure.
 * Its message names the SQLSTATE only: PostgreSQL's own message can quote the values of a
 * row (personal data), which must not reach the workflow history or the logs.
 */
export async function refusingBadData<T>(activity: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (err) {
    if (!isDataError(err)) throw err;
    const code = (err as { code: string }).code;
    throw ApplicationFailure.create({
      message: `${activity}: the database refused the data (SQLSTATE ${code})`,
      type: CaseErrors.DataRejected,
      nonRetryable: true,
      details: [{ sqlstate: code }],
    });
  }
}

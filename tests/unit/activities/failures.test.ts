import { ApplicationFailure } from '@temporalio/common';
import { isDataError, refusingBadData } from '../../../activities/failures';

/** An error shaped as node-postgres raises it: the SQLSTATE in `code`, the values in the message. */
function pgError(code: string): Error {
  return Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00 (张三 13800000000)'), {
    code,
  });
}

describe('a database error caused by the data', () => {
  it.each(['22021', '22001', '22P02', '23505', '23514'])('SQLSTATE %s is not retried', async (code) => {
    const failure = await refusingBadData('journal', () => Promise.reject(pgError(code))).catch((e) => e);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'DataRejected', nonRetryable: true });
    expect(failure.message).toBe(`journal: the database refused the data (SQLSTATE ${code})`);
  });

  it('does not carry the values PostgreSQL quoted', async () => {
    const failure = await refusingBadData('journal', () => Promise.reject(pgError('22021'))).catch((e) => e);
    expect(JSON.stringify({ message: failure.message, details: failure.details })).not.toMatch(/张三|138/);
  });
});

describe('an error of the infrastructure', () => {
  it.each(['57P01', '08006', '40001', '53300', 'ECONNREFUSED', undefined])(
    'code %s is rethrown as it was, to be retried',
    async (code) => {
      const err = Object.assign(new Error('connection lost'), { code });
      await expect(refusingBadData('journal', () => Promise.reject(err))).rejects.toBe(err);
      expect(isDataError(err)).toBe(false);
    },
  );
});

it('passes a result through', async () => {
  await expect(refusingBadData('journal', () => Promise.resolve(42))).resolves.toBe(42);
});

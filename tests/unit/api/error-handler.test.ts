import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Request, Response } from 'express';
import pino from 'pino';
import { errorHandler } from '../../../api/error-handler';

/** The status and problem type the handler answers a refused action with. */
function answerTo(type: string): { status: number; type: string } {
  const sent = { status: 0, type: '' };
  const res = {
    headersSent: false,
    setHeader: () => res,
    status(code: number) {
      sent.status = code;
      return res;
    },
    type: () => res,
    json(body: { type: string }) {
      sent.type = body.type;
      return res;
    },
  } as unknown as Response;
  const req = { id: 'r1', originalUrl: '/api/cases/x/actions/addNote' } as unknown as Request;
  const err = new WorkflowUpdateFailedError('refused', ApplicationFailure.nonRetryable('操作未生效', type));
  errorHandler(pino({ level: 'silent' }))(err, req, res, () => undefined);
  return sent;
}

it('an action whose data the database refused is answered 422', () => {
  expect(answerTo('DataRejected')).toEqual({ status: 422, type: '/problems/validation-failed' });
});

it('an action the timeline could not record in time is answered 503, to be retried', () => {
  expect(answerTo('JournalUnavailable')).toEqual({ status: 503, type: '/problems/service-unavailable' });
});

it('an unknown failure type stays a 500', () => {
  expect(answerTo('SomethingElse').status).toBe(500);
});

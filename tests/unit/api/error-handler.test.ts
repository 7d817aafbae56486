import { ServiceError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Request, Response } from 'express';
import pino from 'pino';
import { errorHandler } from '../../../api/error-handler';

/** The status and problem type the handler answers a refused action with. */
function answerTo(type: string): { status: number; type: string } {
  return answerToError(
    new WorkflowUpdateFailedError('refused', ApplicationFailure.nonRetryable('操作未生效', type)),
  );
}

/** A gRPC refusal as the Temporal client raises it: a ServiceError around the gRPC status. */
function grpcRefusal(code: number, details: string): Error {
  const grpc = Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });
  return new ServiceError('refused', { cause: grpc });
}

function answerToError(err: Error): { status: number; type: string } {
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

it('an update refused while the case workflow task is being retried is answered 503, to be retried', () => {
  const refusal = grpcRefusal(
    9,
    'Unable to perform workflow execution update due to Workflow Task in failed state.',
  );
  expect(answerToError(refusal)).toEqual({ status: 503, type: '/problems/service-unavailable' });
});

it('any other failed precondition stays a 500', () => {
  expect(answerToError(grpcRefusal(9, 'Namespace is not active.')).status).toBe(500);
});

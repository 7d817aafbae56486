import type { ErrorRequestHandler, Request, Response } from 'express';
import {
  isGrpcServiceError,
  WorkflowNotFoundError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Logger } from 'pino';
import { CaseErrors } from '../workflows/contract';
import { Problem, problems } from './problem';

const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;
/** E.g. more than 10 updates in flight on one workflow: the server asks the caller to come back. */
const GRPC_RESOURCE_EXHAUSTED = 8;
const GRPC_RETRY_LATER = [GRPC_UNAVAILABLE, GRPC_DEADLINE_EXCEEDED, GRPC_RESOURCE_EXHAUSTED];

/** Maps every error to application/problem+json; internals never leave the process. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const problem = toProblem(err);
    if (problem.status >= 500) log.error({ reqId: req.id, err: describeError(err) }, 'request failed');
    if (res.headersSent) {
      res.end();
      return;
    }
    sendProblem(req, res, problem);
  };
}

export function sendProblem(req: Request, res: Response, problem: Problem): void {
  if (problem.status === 503) res.setHeader('Retry-After', '5');
  for (const [name, value] of Object.entries(problem.headers)) res.setHeader(name, value);
  res
    .status(problem.status)
    .type('application/problem+json')
    .json({
      type: `/problems/${problem.type}`,
      title: problem.title,
      status: problem.status,
      detail: problem.detail ?? problem.title,
      instance: req.originalUrl.split('?')[0],
      ...problem.extra,
    });
}

/**
 * What the log may keep of an error: its class, code and call stack, not its message,
 * which for database errors can quote the values of a row (personal data).
 */
function describeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { kind: typeof err };
  const code = (err as { code?: unknown }).code;
  // A Temporal client error wraps the gRPC error whose status code says what the server refused.
  // Its details are the server's own words (no row values): kept, shortened.
  const cause = (err as { cause?: { code?: unknown; name?: unknown; details?: unknown } }).cause;
  return {
    name: err.name,
    code,
    ...(cause
      ? { cause: { name: cause.name, code: cause.code, details: String(cause.details ?? '').slice(0, 300) } }
      : {}),
    stack: err.stack?.split('\n').slice(1, 12).join('\n'),
  };
}

/** The problem an error thrown on the way to a case answers with (also for errors collected in a background job). */
export function toProblem(err: unknown): Problem {
  if (err instanceof Problem) return err;
  const bodyProblem = fromBodyParser(err);
  if (bodyProblem) return bodyProblem;
  if (err instanceof WorkflowNotFoundError) return problems.notFound('案件不存在');
  if (err instanceof WorkflowExecutionAlreadyStartedError)
    return problems.conflict('already-exists', '案件已存在');
  if (err instanceof WorkflowUpdateFailedError) return fromBusinessFailure(err.cause);
  // The client wraps a failed call in a ServiceError whose cause is the gRPC error.
  if (isTemporalUnreachable(err) || isTemporalUnreachable((err as { cause?: unknown })?.cause)) {
    return problems.unavailable('流程引擎暂不可用，请稍后重试');
  }
  if (isConnectionError(err)) return problems.unavailable('数据库或流程引擎暂不可用，请稍后重试');
  return problems.internal();
}

function fromBusinessFailure(cause: unknown): Problem {
  if (!(cause instanceof ApplicationFailure)) return problems.internal();
  const detail = cause.message;
  switch (cause.type) {
    case CaseErrors.WrongStage:
      return problems.conflict('wrong-stage', detail);
    case CaseErrors.Conflict:
      return problems.conflict('conflict', detail);
    case CaseErrors.Forbidden:
      return problems.forbidden(detail);
    case CaseErrors.InvalidPayload:
    case CaseErrors.DataRejected:
      return problems.validation(detail, []);
    case CaseErrors.JournalUnavailable:
      return problems.unavailable(detail);
    default:
      return problems.internal();
  }
}

/** Errors raised before a handler runs: the body parser's, and Express's own (a malformed URL). */
function fromBodyParser(err: unknown): Problem | undefined {
  const e = err as { type?: string; status?: number; statusCode?: number; expose?: boolean };
  if (e?.type === 'entity.parse.failed') return problems.badRequest('请求体不是合法的 JSON');
  if (e?.type === 'entity.too.large') return problems.payloadTooLarge();
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') {
    return problems.unsupportedMediaType('请使用 UTF-8 编码的 JSON');
  }
  if (err instanceof URIError) return problems.badRequest('路径中有无法解码的字符');
  const status = e?.status ?? e?.statusCode;
  if (e?.expose && typeof status === 'number' && status >= 400 && status < 500) {
    return status === 413 ? problems.payloadTooLarge() : problems.badRequest('请求无法解析');
  }
  return undefined;
}

function isTemporalUnreachable(err: unknown): boolean {
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  return isGrpcServiceError(err) && (GRPC_RETRY_LATER.includes(err.code) || isWorkflowTaskRetrying(err));
}

const GRPC_FAILED_PRECONDITION = 9;

/**
 * The server refuses updates while the case's workflow task is being retried (after a worker
 * stalled past the task's timeout, or crashed): nothing was accepted, and the next attempt of the
 * task, on a worker that is back, lifts the refusal. Come back later, like UNAVAILABLE.
 */
function isWorkflowTaskRetrying(err: { code: number; details?: string }): boolean {
  return err.code === GRPC_FAILED_PRECONDITION && /workflow task in failed state/i.test(err.details ?? '');
}

/** SQLSTATEs of a server shutting down, restarting or not yet accepting connections. */
const PG_UNAVAILABLE = ['57P01', '57P02', '57P03'];
/** node-postgres' own errors for a connection that broke or could not be had (they carry no code). */
const PG_CONNECTION_MESSAGES = [
  'Connection terminated unexpectedly',
  'Connection terminated',
  'Connection terminated due to connection timeout',
  'timeout exceeded when trying to connect',
];

function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET') return true;
  // Class 08: connection exception (08000, 08001, 08006 …).
  if (typeof code === 'string' && (PG_UNAVAILABLE.includes(code) || code.startsWith('08'))) return true;
  return err instanceof Error && code === undefined && PG_CONNECTION_MESSAGES.includes(err.message);
}

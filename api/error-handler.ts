import type { ErrorRequestHandler, Request, Response } from 'express';
import {
  isGrpcServiceError,
  WorkflowNotFoundError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Logger } from 'pino';
import { CaseErrors } from '../workflows/contract';
import { Problem, problems } from './problem';

const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;

/** Maps every error to application/problem+json; internals never leave the process. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const problem = toProblem(err);
    if (problem.status >= 500) log.error({ err, reqId: req.id, path: req.path }, 'request failed');
    sendProblem(req, res, problem);
  };
}

export function sendProblem(req: Request, res: Response, problem: Problem): void {
  if (problem.status === 503) res.setHeader('Retry-After', '5');
  res
    .status(problem.status)
    .type('application/problem+json')
    .json({
      type: `/problems/${problem.type}`,
      title: problem.title,
      status: problem.status,
      detail: problem.detail ?? problem.title,
      instance: req.originalUrl,
      ...problem.extra,
    });
}

function toProblem(err: unknown): Problem {
  if (err instanceof Problem) return err;
  const bodyProblem = fromBodyParser(err);
  if (bodyProblem) return bodyProblem;
  if (err instanceof WorkflowNotFoundError) return problems.notFound('案件不存在');
  if (err instanceof WorkflowExecutionAlreadyStartedError)
    return problems.conflict('already-exists', '案件已存在');
  if (err instanceof WorkflowUpdateFailedError) return fromBusinessFailure(err.cause);
  if (isGrpcServiceError(err) && (err.code === GRPC_UNAVAILABLE || err.code === GRPC_DEADLINE_EXCEEDED)) {
    return problems.unavailable('流程引擎暂不可用，请稍后重试');
  }
  if (isConnectionError(err)) return problems.unavailable('数据库或流程引擎暂不可用，请稍后重试');
  return new Problem(500, 'internal', '服务器内部错误', '服务器内部错误，请稍后重试或联系管理员');
}

function fromBusinessFailure(cause: unknown): Problem {
  if (!(cause instanceof ApplicationFailure)) return new Problem(500, 'internal', '服务器内部错误');
  const detail = cause.message;
  switch (cause.type) {
    case CaseErrors.WrongStage:
      return problems.conflict('wrong-stage', detail);
    case CaseErrors.Conflict:
      return problems.conflict('conflict', detail);
    case CaseErrors.Forbidden:
      return problems.forbidden(detail);
    case CaseErrors.InvalidPayload:
      return problems.validation(detail, []);
    default:
      return new Problem(500, 'internal', '服务器内部错误');
  }
}

function fromBodyParser(err: unknown): Problem | undefined {
  const e = err as { type?: string; status?: number };
  if (e?.type === 'entity.parse.failed') return problems.badRequest('请求体不是合法的 JSON');
  if (e?.type === 'entity.too.large')
    return new Problem(413, 'payload-too-large', '请求体过大', '请求体超过大小限制');
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') {
    return new Problem(415, 'unsupported-media-type', '不支持的编码', '请使用 UTF-8 编码的 JSON');
  }
  return undefined;
}

function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === '57P01' ||
    code === '08006' ||
    code === '08001'
  );
}

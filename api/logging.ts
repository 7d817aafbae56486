/**
 * Request IDs and one structured log line per request. The line names the route pattern,
 * never the concrete path or query (they carry IDs, tracking codes and search text), and no
 * body, header, address or token.
 */
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { RouteRegistry } from './routing';

const GIVEN_ID = /^[\w.-]{1,100}$/;

/** Takes the caller's X-Request-Id when it is well-formed, else makes one; echoes it back. */
export function requestIds(): RequestHandler {
  return (req, res, next) => {
    const given = req.get('x-request-id');
    req.id = given && GIVEN_ID.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', req.id);
    next();
  };
}

export function requestLog(log: Logger, routes: RouteRegistry): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const path = req.path;
    res.once('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const line = {
        reqId: req.id,
        method: req.method,
        route: routes.match(req.method, path)?.fullPath ?? 'unmatched',
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
        userId: req.principal?.userId,
        via: req.principal?.via,
      };
      if (res.statusCode >= 500) log.warn(line, 'request');
      else log.info(line, 'request');
    });
    next();
  };
}

/**
 * Idempotency-Key on POST (optional; documented in the OpenAPI document). The first request
 * with a key reserves it, runs, and stores its response; a repeat by the same caller with the
 * same request gets that response again without running; a repeat with a different request
 * gets 422, and one that arrives while the first still runs gets 409.
 */
import type { Request, Response } from 'express';
import { claimKey, completeKey, forgetOldKeys, releaseKey, type StoredResponse } from '../store/idempotency';
import type { Db } from '../store/pool';
import { keyedHash } from './auth/keyed-hash';
import type { Principal } from './auth/tokens';
import { Problem, problems } from './problem';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const KEPT_HEADERS = ['content-type', 'location'];

export interface Idempotency {
  run(
    req: Request,
    res: Response,
    principal: Principal | undefined,
    execute: () => Promise<void>,
  ): Promise<void>;
}

export function createIdempotency(deps: { db: Db; secret: string }): Idempotency {
  const { db, secret } = deps;
  return {
    async run(req, res, principal, execute) {
      const key = req.get(IDEMPOTENCY_HEADER);
      if (key === undefined) return execute();
      if (!KEY_PATTERN.test(key))
        throw problems.badRequest('Idempotency-Key 须为 1 至 255 个可见 ASCII 字符');
      const scope = principal ? `user:${principal.userId}` : `anon:${keyedHash(secret, 'ip', req.ip ?? '')}`;
      const requestHash = requestFingerprint(secret, req.method, req.originalUrl, req.body);
      const claim = await claimKey(db, { scope, key, requestHash });
      switch (claim.kind) {
        case 'claimed':
          if (Math.random() < 0.01) void forgetOldKeys(db).catch(() => undefined);
          recordResponse(db, res, scope, key);
          return execute();
        case 'mismatch':
          throw new Problem(
            422,
            'idempotency-key-reused',
            '幂等键已被使用',
            '该 Idempotency-Key 已用于另一个不同的请求',
          );
        case 'in_flight':
          throw new Problem(
            409,
            'request-in-progress',
            '请求正在处理',
            '请求正在处理，请稍后重试',
            {},
            { 'Retry-After': '1' },
          );
        case 'done':
          return replay(res, claim.response);
      }
    },
  };
}

/**
 * Stores the response before it leaves, so a client that has seen it never finds the key
 * still in flight. A failure on our side (5xx), a 429 or a 202 (accepted, not finished) frees
 * the key for a retry instead: what runs again is safe to run again, since a case registration
 * finds the case its key numbered and a case action is one Temporal update per key.
 */
function recordResponse(db: Db, res: Response, scope: string, key: string): void {
  const send = res.send.bind(res);
  let recorded = false;
  const record = (body: unknown) => {
    recorded = true;
    const status = res.statusCode;
    return status >= 500 || status === 429 || status === 202
      ? releaseKey(db, scope, key)
      : completeKey(db, scope, key, { status, headers: keptHeaders(res), body: asText(body) });
  };
  res.send = ((body?: unknown) => {
    res.send = send;
    void record(body)
      .catch(() => undefined)
      .then(() => send(body));
    return res;
  }) as Response['send'];
  // A handler that answers with res.end() (e.g. 204) bypasses send: record it when it finishes.
  res.once('finish', () => {
    if (!recorded) void record('').catch(() => undefined);
  });
}

function replay(res: Response, stored: StoredResponse): void {
  for (const [name, value] of Object.entries(stored.headers)) res.setHeader(name, value);
  res.setHeader('Idempotent-Replayed', 'true');
  res.status(stored.status).send(stored.body);
}

function keptHeaders(res: Response): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = res.getHeader(name);
    if (value !== undefined) kept[name] = String(value);
  }
  return kept;
}

function asText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  return JSON.stringify(body);
}

/** What makes two requests "the same": method, URL and body (keyed, since bodies may hold passwords). */
export function requestFingerprint(secret: string, method: string, url: string, body: unknown): string {
  return keyedHash(secret, 'request', `${method} ${url}\n${canonicalJson(body)}`);
}

/** JSON with object keys sorted, so the same request written twice hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import { TEST_PASSWORD, type TestUser } from '../../helpers/fixtures';
import { ApiClient, type ApiResponse } from '../../helpers/http';
import { stubApp } from '../../unit/api/app-stub';

/**
 * A caller address of its own (the API trusts X-Forwarded-For from loopback), so per-address
 * limits in one test never count another test's requests.
 */
export function freshIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/** A client that always sends the given extra headers (e.g. its own address). */
export class Caller extends ApiClient {
  constructor(
    baseUrl: string,
    token: string | undefined,
    private readonly extra: Record<string, string> = { 'x-forwarded-for': freshIp() },
  ) {
    super(baseUrl, token);
  }

  override request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    return super.request(method, path, body, { ...this.extra, ...headers });
  }

  patch(path: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.request('PATCH', path, body, headers);
  }

  delete(path: string, headers: Record<string, string> = {}) {
    return this.request('DELETE', path, undefined, headers);
  }
}

export interface Session {
  client: Caller;
  accessToken: string;
  refreshToken: string;
}

export async function signIn(baseUrl: string, user: Pick<TestUser, 'username'>, password = TEST_PASSWORD) {
  const anonymous = new Caller(baseUrl, undefined);
  const res = await anonymous.post('/api/auth/login', { username: user.username, password });
  if (res.status !== 200)
    throw new Error(`login of ${user.username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    client: new Caller(baseUrl, res.body.accessToken),
    accessToken: res.body.accessToken as string,
    refreshToken: res.body.refreshToken as string,
  } satisfies Session;
}

export const as = (baseUrl: string, token?: string) => new Caller(baseUrl, token);

/** Asserts an error answer: problem JSON of the given status with a stable type and a Chinese detail. */
export function expectProblem(res: ApiResponse, status: number, type?: string): void {
  expect({ status: res.status, contentType: res.headers.get('content-type') }).toEqual({
    status,
    contentType: expect.stringContaining('application/problem+json'),
  });
  expect(res.body.status).toBe(status);
  expect(res.body.detail).toMatch(/[\u4e00-\u9fff]/);
  if (type) expect(res.body.type).toBe(`/problems/${type}`);
  expectNoInternals(res);
}

/** No stack trace, SQL or driver message in an answer. */
export function expectNoInternals(res: ApiResponse): void {
  const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body ?? '');
  expect(text).not.toMatch(
    /\bat [\w.<>]+ \(|node_modules|\.ts:\d+|SELECT |INSERT |UPDATE |syntax error|violates|relation "/,
  );
}

const { routes } = stubApp();

/**
 * Asserts that an answer is what the OpenAPI document says the route answers: a declared
 * status, and a body its response schema accepts with no undeclared field.
 */
export function expectDocumented(method: string, path: string, res: ApiResponse): void {
  const route = routes.match(method, path.split('?')[0]!);
  expect(route).toBeDefined();
  const declared = route!.spec.responses[res.status];
  if (res.status >= 400) return expectProblem(res, res.status);
  expect({ path, status: res.status, declared: Boolean(declared) }).toEqual({
    path,
    status: res.status,
    declared: true,
  });
  const schema = declared!.schema as z.ZodType | undefined;
  if (!schema || (declared!.contentType && declared!.contentType !== 'application/json')) return;
  const parsed = schema.safeParse(res.body);
  expect(parsed.error?.issues ?? []).toEqual([]);
  expect(parsed.data).toEqual(res.body);
}

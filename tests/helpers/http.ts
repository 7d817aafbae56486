import { randomUUID } from 'node:crypto';
import { TEST_PASSWORD, type TestUser } from './fixtures';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** Requests that manage the session itself: a 401 there is the answer, not an expired token. */
const SESSION_PATHS = ['/api/auth/login', '/api/auth/refresh', '/api/auth/logout'];

/** A small client for the API under test: real HTTP, JSON in and out. */
export class ApiClient {
  /** Set when the client renews its session itself (see `login`'s `renew`). */
  private refreshToken?: string;
  private renewing?: Promise<void>;

  constructor(
    readonly baseUrl: string,
    private token?: string,
  ) {}

  /**
   * Signs in. With `renew`, the client behaves like the web application over a long session:
   * when an answer says the access token has expired, it spends the refresh token once (one
   * renewal at a time, however many requests are in flight) and repeats the request.
   */
  static async login(
    baseUrl: string,
    user: Pick<TestUser, 'username'>,
    password = TEST_PASSWORD,
    options: { renew?: boolean } = {},
  ): Promise<ApiClient> {
    const res = await new ApiClient(baseUrl).post('/api/auth/login', { username: user.username, password });
    if (res.status !== 200)
      throw new Error(`login of ${user.username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    const client = new ApiClient(baseUrl, res.body.accessToken);
    if (options.renew) client.refreshToken = res.body.refreshToken;
    return client;
  }

  /** Renews the session with `refreshToken` when the access token expires, as `login`'s `renew` does. */
  renewingWith(refreshToken: string): this {
    this.refreshToken = refreshToken;
    return this;
  }

  /** Sends `token` as the bearer from now on (e.g. one that has expired). */
  useAccessToken(token: string): void {
    this.token = token;
  }

  get(path: string, headers: Record<string, string> = {}): Promise<ApiResponse> {
    return this.request('GET', path, undefined, headers);
  }

  /** A GET whose answer is a file: its bytes as they were sent. */
  async download(path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
    const res = await fetch(this.baseUrl + path, {
      headers: this.token ? { authorization: `Bearer ${this.token}` } : {},
    });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  }

  post(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> {
    return this.request('POST', path, body, headers);
  }

  put(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> {
    return this.request('PUT', path, body, headers);
  }

  /**
   * A POST with an Idempotency-Key, sent again with the same key while the answer is 202 (the case
   * workflow accepted it but had not finished within the API's bound, as on a busy machine), as a
   * client told so does: the answer is the final one, and the action is applied once.
   */
  async postSettled(path: string, body?: unknown, attempts = 20): Promise<ApiResponse> {
    const key = { 'idempotency-key': randomUUID() };
    let res = await this.post(path, body, key);
    for (let i = 1; i < attempts && res.status === 202; i++) res = await this.post(path, body, key);
    return res;
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse> {
    const sentWith = this.token;
    const res = await this.send(method, path, body, headers);
    if (res.status !== 401 || !this.refreshToken || SESSION_PATHS.includes(path)) return res;
    await this.renew(sentWith);
    return this.send(method, path, body, headers);
  }

  /** Renews the session unless another request already did since `expired` was sent. */
  private renew(expired: string | undefined): Promise<void> {
    if (this.token !== expired) return Promise.resolve();
    this.renewing ??= (async () => {
      const res = await this.send('POST', '/api/auth/refresh', { refreshToken: this.refreshToken }, {});
      if (res.status !== 200)
        throw new Error(`session renewal failed: ${res.status} ${JSON.stringify(res.body)}`);
      this.token = res.body.accessToken;
      this.refreshToken = res.body.refreshToken;
    })().finally(() => {
      this.renewing = undefined;
    });
    return this.renewing;
  }

  private async send(
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<ApiResponse> {
    // Bytes (a file upload) are sent as they are.
    const raw = body instanceof Uint8Array;
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body === undefined
          ? {}
          : { 'content-type': raw ? 'application/octet-stream' : 'application/json' }),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined || typeof body === 'string' || raw ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, headers: res.headers, body: parsed };
  }
}

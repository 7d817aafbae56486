/**
 * The one way the UI talks to the API: JSON in and out, the access token on every call, one
 * silent refresh when it has expired, and the server's problem+json turned into an ApiError
 * whose `detail` is the sentence to show.
 */
import { session } from './session';

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function send(
  method: string,
  path: string,
  body: unknown,
  retry: boolean,
  extra: Record<string, string> = {},
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...extra };
  const token = session.accessToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method === 'POST') headers['idempotency-key'] = crypto.randomUUID();
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, '无法连接服务器，请检查网络后重试');
  }
  if (res.status === 401 && retry && token && (await session.refresh()))
    return send(method, path, body, false, extra);
  if (res.status === 401 && token) session.expired();
  return res;
}

async function problemOf(res: Response): Promise<ApiError> {
  try {
    const p = (await res.json()) as { detail?: string; title?: string; errors?: FieldError[] };
    return new ApiError(res.status, p.detail ?? p.title ?? `请求失败（${res.status}）`, p.errors ?? []);
  } catch {
    return new ApiError(res.status, `请求失败（${res.status}）`);
  }
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await send(method, path, body, true, headers);
  if (!res.ok) throw await problemOf(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body: unknown = {}, headers?: Record<string, string>) =>
    request<T>('POST', path, body, headers),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** Downloads a file the API serves only to a signed-in user (a plain link carries no token). */
export async function download(path: string, filename: string): Promise<void> {
  const res = await send('GET', path, undefined, true);
  if (!res.ok) throw await problemOf(res);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Sends a file as the raw request body (streamed by the browser), with `query` in the URL: POST by
 * default, PUT where the route replaces a resource (a document template).
 */
export async function uploadFile<T>(
  path: string,
  file: Blob,
  query: Query = {},
  method: 'POST' | 'PUT' = 'POST',
): Promise<T> {
  const send = async (retry: boolean): Promise<Response> => {
    const token = session.accessToken();
    const headers: Record<string, string> = {
      accept: 'application/json',
      'content-type': 'application/octet-stream',
    };
    if (token) headers.authorization = `Bearer ${token}`;
    let res: Response;
    try {
      res = await fetch(withQuery(path, query), { method, headers, body: file });
    } catch {
      throw new ApiError(0, '无法连接服务器，请检查网络后重试');
    }
    if (res.status === 401 && retry && token && (await session.refresh())) return send(false);
    if (res.status === 401 && token) session.expired();
    return res;
  };
  const res = await send(true);
  if (!res.ok) throw await problemOf(res);
  return (await res.json()) as T;
}

/** A file the API serves only to a signed-in user, as an object URL (e.g. for a thumbnail). */
export async function objectUrlOf(path: string): Promise<string> {
  const res = await send('GET', path, undefined, true);
  if (!res.ok) throw await problemOf(res);
  return URL.createObjectURL(await res.blob());
}

/**
 * The signed-in user's tokens. Kept in sessionStorage: they survive a reload of the tab but
 * not the closing of the browser, and no other tab or site reads them.
 */
import type { Role } from '../../../domain/roles';

export interface User {
  id: string;
  username: string;
  displayName: string;
  email: string;
  roles: Role[];
  procuratorateId: string;
}

interface Stored {
  accessToken: string;
  refreshToken: string;
  user: User;
}

interface SessionResponse extends Stored {
  expiresIn: number;
}

const KEY = 'duban.session';
const listeners = new Set<() => void>();
let current: Stored | null = load();
let refreshing: Promise<boolean> | null = null;

function load(): Stored | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Stored) : null;
  } catch {
    return null;
  }
}

function save(next: Stored | null): void {
  current = next;
  if (next) sessionStorage.setItem(KEY, JSON.stringify(next));
  else sessionStorage.removeItem(KEY);
  for (const l of listeners) l();
}

async function postJson(path: string, body: unknown): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
}

export const session = {
  user: (): User | null => current?.user ?? null,
  accessToken: (): string | null => current?.accessToken ?? null,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  /** Signs in; resolves with the problem's sentence when refused. */
  async login(username: string, password: string): Promise<string | null> {
    let res: Response;
    try {
      res = await postJson('/api/auth/login', { username, password });
    } catch {
      return '无法连接服务器，请检查网络后重试';
    }
    if (!res.ok) {
      const p = (await res.json().catch(() => ({}))) as { detail?: string };
      return p.detail ?? '登录失败';
    }
    const s = (await res.json()) as SessionResponse;
    save({ accessToken: s.accessToken, refreshToken: s.refreshToken, user: s.user });
    return null;
  },

  /** One refresh at a time: parallel calls that all got 401 share it. */
  refresh(): Promise<boolean> {
    const stored = current;
    if (!stored) return Promise.resolve(false);
    refreshing ??= postJson('/api/auth/refresh', { refreshToken: stored.refreshToken })
      .then(async (res) => {
        if (!res.ok) return false;
        const s = (await res.json()) as SessionResponse;
        save({ accessToken: s.accessToken, refreshToken: s.refreshToken, user: s.user });
        return true;
      })
      .catch(() => false)
      .finally(() => (refreshing = null));
    return refreshing;
  },

  expired(): void {
    save(null);
  },

  async logout(): Promise<void> {
    const stored = current;
    save(null);
    if (stored)
      await postJson('/api/auth/logout', { refreshToken: stored.refreshToken }).catch(() => undefined);
  },
};

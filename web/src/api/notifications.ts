/** 通知: the signed-in person's notifications (the bell), their unread count, and the mail choices. */
import { api } from './client';

export interface AppNotification {
  id: string;
  kind: string;
  caseId: string | null;
  headline: string;
  detail: string | null;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface MailPreference {
  kind: string;
  label: string;
  byMail: boolean;
  locked: boolean;
}

/** A page of the bell: `limit` notifications from `offset`, newest first, with the total and the unread count. */
export const fetchNotifications = (window: { limit: number; offset: number }) =>
  api.get<{ items: AppNotification[]; total: number; unread: number }>('/api/notifications', window);

export const markNotificationsRead = (ids?: string[]) =>
  api.post<{ marked: number; unread: number }>('/api/notifications/mark-read', ids ? { ids } : {});

export const fetchMailPreferences = () =>
  api.get<{ items: MailPreference[] }>('/api/notifications/preferences');

export const saveMailPreferences = (choices: { kind: string; byMail: boolean }[]) =>
  api.put<{ items: MailPreference[] }>('/api/notifications/preferences', { choices });

/** The unread count beside the bell: refreshed on every page change and whenever the list loads. */
let unread: number | null = null;
const listeners = new Set<() => void>();

export const unreadNotifications = {
  get: (): number | null => unread,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  set(n: number | null): void {
    unread = n;
    for (const l of listeners) l();
  },
  /** A failure leaves the last count: the bell is a hint, the list shows errors. */
  refresh(): void {
    api.get<{ unread: number }>('/api/notifications', { unread: true, limit: 1 }).then(
      (r) => unreadNotifications.set(r.unread),
      () => undefined,
    );
  },
};

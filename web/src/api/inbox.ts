/** 待办: what waits for the signed-in person (GET /api/inbox), and its count for the navigation bar. */
import { api } from './client';

export type InboxKind =
  | 'clock_overdue'
  | 'escalation'
  | 'proposal'
  | 'filed_above'
  | 'alert'
  | 'clock_due'
  | 'handed_over'
  | 'public_lead';

export interface InboxItem {
  kind: InboxKind;
  caseId: string | null;
  leadId: string | null;
  title: string;
  action: string;
  detail: string | null;
  date: string;
  overdue: boolean;
  link: string | null;
  acknowledge?: string;
}

export interface Inbox {
  items: InboxItem[];
  counts: { total: number } & Partial<Record<InboxKind, number>>;
}

export const fetchInbox = () => api.get<Inbox>('/api/inbox');

/** The count shown in the navigation bar: refreshed on every page change and whenever the inbox loads. */
let count: number | null = null;
const listeners = new Set<() => void>();

export const inboxCount = {
  get: (): number | null => count,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  set(n: number | null): void {
    count = n;
    for (const l of listeners) l();
  },
  /** Loads the inbox again for its count; a failure leaves the last count (the page shows errors). */
  refresh(): void {
    fetchInbox().then(
      (inbox) => inboxCount.set(inbox.counts.total),
      () => undefined,
    );
  },
};

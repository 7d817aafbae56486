/**
 * Whether this server runs the embedded mail catcher (DEV_MAILBOX): its mail route answers 404
 * when it does not. Asked once per sign-in; the 邮件（开发） tab shows only when it answers.
 */
import { api } from './client';

let known: boolean | null = null;
let asking: Promise<void> | null = null;
const listeners = new Set<() => void>();

export const devMailbox = {
  get: (): boolean => known === true,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    if (known === null)
      asking ??= api.get('/api/dev/mail', { limit: 1 }).then(
        () => settle(true),
        () => settle(false),
      );
    return () => listeners.delete(listener);
  },
};

function settle(inUse: boolean) {
  known = inUse;
  asking = null;
  for (const l of listeners) l();
}

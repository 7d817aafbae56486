import type { Db } from './db/pool';
import { deliverQueuedMail } from './deliver-mail';
import { recordJournal, type JournalInput } from './journal';
import type { Mailer } from './mail/mailer';

export interface ActivityDeps {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
}

/** Builds the worker's activities around their dependencies. Workflows import only the type. */
export function createActivities({ db, mailer, publicUrl }: ActivityDeps) {
  return {
    async journal(input: JournalInput): Promise<{ hash: string }> {
      return recordJournal(db, publicUrl, input);
    },
    async deliverMail(input: { dedupeKeys: string[] }): Promise<{ sent: number }> {
      return deliverQueuedMail(db, mailer, input.dedupeKeys);
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;

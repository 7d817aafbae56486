import { upsertCaseProjection, type CaseProjection } from './db/cases';
import { enqueueMail } from './db/outbox';
import type { Db, Tx } from './db/pool';
import { appendTimelineEntry, type TimelineEntryInput } from './db/timeline';
import { findUser } from './db/users';
import { renderMail, type TemplateName, type TemplateVars } from './mail/templates';

export interface MailRequest<T extends TemplateName = TemplateName> {
  dedupeKey: string;
  template: T;
  recipientUserId: string;
  vars: TemplateVars<T>;
}

export interface JournalInput {
  entry: TimelineEntryInput;
  projection?: CaseProjection;
  mail?: MailRequest[];
}

/**
 * Records one accepted change of a case: its timeline entry, the read model and the mail
 * it causes, in one transaction. Safe to retry: every write is keyed by case and sequence.
 */
export async function recordJournal(
  db: Db,
  publicUrl: string,
  input: JournalInput,
): Promise<{ hash: string }> {
  return db.withTransaction(async (tx) => {
    const { hash } = await appendTimelineEntry(tx, input.entry);
    if (input.projection) await upsertCaseProjection(tx, input.projection, input.entry.seq, input.entry.at);
    for (const mail of input.mail ?? []) await queueTemplatedMail(tx, publicUrl, input.entry.caseId, mail);
    return { hash };
  });
}

async function queueTemplatedMail(
  tx: Tx,
  publicUrl: string,
  caseId: string,
  mail: MailRequest,
): Promise<void> {
  const user = await findUser(tx, mail.recipientUserId);
  if (!user) return; // a deleted recipient cannot be mailed; the timeline still holds the event
  const rendered = renderMail(mail.template, { publicUrl, recipientName: user.display_name }, mail.vars);
  await enqueueMail(tx, {
    dedupeKey: mail.dedupeKey,
    caseId,
    kind: mail.template,
    recipientUserId: user.id,
    toAddress: user.email,
    subject: rendered.subject,
    bodyText: rendered.text,
  });
}

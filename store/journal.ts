import { acknowledgeCaseAlerts, type AcknowledgedAlert } from './case-alerts';
import { upsertCaseProjection, type CaseProjection } from './cases';
import { upsertCaseState } from './case-states';
import {
  upsertClock,
  upsertRecommendation,
  type ClockRowInput,
  type RecommendationRowInput,
} from './case-details';
import { enqueueMail } from './outbox';
import type { Db, Tx } from './pool';
import { leadTextOf } from './lead-text';
import { recordNotices } from './notify';
import { ensureOrganAccess, findOrganLink } from './organ-access';
import { appendTimelineEntry, type TimelineEntryInput } from './timeline';
import { findUser, usersWithRole, type UserRow } from './users';
import type { PageState } from '../domain/case/page-state';
import { renderMail, type OrganReminderVars, type TemplateName, type TemplateVars } from '../mail/templates';

/** A recipient by user, or every active user holding a role in the case's procuratorate. */
export type MailRecipient = { userId: string } | { role: 'head' | 'chief' | 'case_office' };

export interface MailRequest<T extends TemplateName = TemplateName> {
  /** Unique per message and recipient once the recipient's user id is appended. */
  dedupeKey: string;
  template: T;
  recipients: MailRecipient[];
  vars: TemplateVars<T>;
}

export interface JournalInput {
  caseId: string;
  procuratorateId: string;
  /** Consecutive entries of the case's chain, written together. */
  entries: TimelineEntryInput[];
  projection?: CaseProjection;
  /** The case's page state after the entries (absent from batches written before it was kept). */
  state?: PageState;
  clocks?: ClockRowInput[];
  recommendations?: RecommendationRowInput[];
  mail?: MailRequest[];
  /** Alerts the batch's first entry acknowledged. */
  acknowledgedAlerts?: AcknowledgedAlert[];
  /** Issued recommendations whose organ gets its link (once per recommendation). */
  organMail?: OrganMailRequest[];
}

/** The mail to an organ's registered address with the link to its recommendation's page. */
export interface OrganMailRequest {
  recommendationId: string;
  organId: string;
  title: string;
  decidedOn: string;
  /** A reminder of the organ's clock instead of the link's first mail (sent only where a link exists). */
  reminder?: OrganReminderVars['reminder'];
}

export interface JournalResult {
  /** The entries' sequence numbers and hashes, in the order given. */
  seqs: number[];
  hashes: string[];
  /** Outbox keys of the messages queued, for delivery. */
  mailKeys: string[];
}

/**
 * Records accepted changes of a case: timeline entries, the read model and the mail they
 * cause, in one transaction. Safe to retry: a batch whose first entry is stored was stored whole.
 */
export async function recordJournal(db: Db, publicUrl: string, input: JournalInput): Promise<JournalResult> {
  return db.withTransaction(async (tx) => {
    const hashes: string[] = [];
    for (const entry of input.entries)
      hashes.push((await appendTimelineEntry(tx, await withLeadText(tx, entry))).hash);
    const last = input.entries.at(-1);
    const at = last?.at ?? new Date().toISOString();
    if (input.projection && last) await upsertCaseProjection(tx, input.projection, last.seq, at);
    if (input.state && last) await upsertCaseState(tx, input.caseId, last.seq, input.state);
    for (const clock of input.clocks ?? []) await upsertClock(tx, input.caseId, clock, at);
    for (const rec of input.recommendations ?? [])
      await upsertRecommendation(tx, input.caseId, input.procuratorateId, rec, at);
    if (input.acknowledgedAlerts?.length && input.entries[0])
      await acknowledgeCaseAlerts(tx, input.caseId, input.acknowledgedAlerts, input.entries[0].seq);
    const mailKeys: string[] = [];
    for (const mail of input.mail ?? [])
      mailKeys.push(...(await queueTemplatedMail(tx, publicUrl, input, mail)));
    for (const mail of input.organMail ?? [])
      mailKeys.push(...(await queueOrganMail(tx, publicUrl, input, mail)));
    mailKeys.push(...(await recordNotices(tx, publicUrl, input)));
    return { seqs: input.entries.map((e) => e.seq), hashes, mailKeys };
  });
}

/**
 * The registration entry carries the lead's own words, read here from the creation record so
 * that the hashed entry holds them while the workflow's history never does.
 */
async function withLeadText(tx: Tx, entry: TimelineEntryInput): Promise<TimelineEntryInput> {
  if (entry.kind !== 'lead_registered') return entry;
  const { description, sourceDetail, transferFrom } = await leadTextOf(tx, entry.caseId);
  const text = {
    ...(description !== null ? { description } : {}),
    ...(sourceDetail !== null ? { sourceDetail } : {}),
    ...(transferFrom !== null ? { transferFrom } : {}),
  };
  return { ...entry, data: { ...entry.data, ...text } };
}

async function queueTemplatedMail(
  tx: Tx,
  publicUrl: string,
  input: JournalInput,
  mail: MailRequest,
): Promise<string[]> {
  const users = await resolveRecipients(tx, input.procuratorateId, mail.recipients);
  const keys: string[] = [];
  for (const user of users) {
    const rendered = renderMail(mail.template, { publicUrl, recipientName: user.display_name }, mail.vars);
    const dedupeKey = `${mail.dedupeKey}:${user.id}`;
    await enqueueMail(tx, {
      dedupeKey,
      caseId: input.caseId,
      kind: mail.template,
      recipientUserId: user.id,
      toAddress: user.email,
      subject: rendered.subject,
      bodyText: rendered.text,
    });
    keys.push(dedupeKey);
  }
  return keys;
}

async function queueOrganMail(
  tx: Tx,
  publicUrl: string,
  input: JournalInput,
  mail: OrganMailRequest,
): Promise<string[]> {
  const { caseId, procuratorateId } = input;
  const { reminder, ...rec } = mail;
  const access = reminder
    ? await findOrganLink(tx, { caseId, recommendationId: rec.recommendationId })
    : await ensureOrganAccess(tx, { caseId, procuratorateId, ...rec });
  if (!access) return [];
  const ctx = { publicUrl, recipientName: access.organName };
  const base = { caseId, title: mail.title, token: access.token };
  const rendered = reminder
    ? renderMail('organ_reminder', ctx, { ...base, reminder })
    : renderMail('organ_recommendation', ctx, { ...base, decidedOn: mail.decidedOn });
  const dedupeKey = reminder
    ? `case:${caseId}:organ_reminder:${reminder.clockKey}`
    : `case:${caseId}:organ_access:${mail.recommendationId}`;
  await enqueueMail(tx, {
    dedupeKey,
    caseId,
    kind: reminder ? 'organ_reminder' : 'organ_recommendation',
    recipientUserId: null,
    toAddress: access.email,
    subject: rendered.subject,
    bodyText: rendered.text,
  });
  return [dedupeKey];
}

async function resolveRecipients(
  tx: Tx,
  procuratorateId: string,
  recipients: MailRecipient[],
): Promise<UserRow[]> {
  const found = new Map<string, UserRow>();
  for (const r of recipients) {
    const users =
      'userId' in r ? [await findUser(tx, r.userId)] : await usersWithRole(tx, procuratorateId, r.role);
    for (const u of users) if (u?.active) found.set(u.id, u);
  }
  return [...found.values()];
}

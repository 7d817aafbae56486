import type { CalendarStore } from '../calendar/store';
import { computeClock, type ComputeClockInput, type ComputedClock } from '../calendar/compute-clock';
import type { Db } from '../store/pool';
import { deliverQueuedMail } from '../mail/deliver';
import { unsentKeysOfCase } from '../store/outbox';
import { recordCaseAlert, type CaseAlertInput } from '../store/case-alerts';
import { recordJournal, type JournalInput, type JournalResult } from '../store/journal';
import type { Mailer } from '../mail/mailer';
import { actionDocumentActivities, type ActionDocumentInput } from './action-documents';
import { documentActivities } from './documents';
import { litigationDocumentActivities, type LitigationDocumentsInput } from './litigation-documents';
import { refusingBadData } from './failures';
import { storedTemplates } from '../documents/stored-templates';

export interface ActivityDeps {
  db: Db;
  mailer: Mailer;
  calendar: CalendarStore;
  publicUrl: string;
}

/** Builds the worker's activities around their dependencies. Workflows import only the type. */
export function createActivities({ db, mailer, calendar, publicUrl }: ActivityDeps) {
  const templates = storedTemplates(db);
  const documents = documentActivities(db, templates, publicUrl);
  const actionDocuments = actionDocumentActivities(db, templates, publicUrl);
  const litigationDocuments = litigationDocumentActivities(db, templates, publicUrl);
  return {
    async journal(input: JournalInput): Promise<JournalResult> {
      return refusingBadData('journal', () => recordJournal(db, publicUrl, input));
    },
    async deliverMail(input: { dedupeKeys: string[] }): Promise<{ sent: number }> {
      return refusingBadData('deliverMail', () => deliverQueuedMail(db, mailer, input.dedupeKeys));
    },
    /** Every message of the case still in the outbox, sent again (after its delivery gave up). */
    async resendCaseMail(input: { caseId: string }): Promise<{ sent: number }> {
      return refusingBadData('resendCaseMail', async () =>
        deliverQueuedMail(db, mailer, await unsentKeysOfCase(db, input.caseId)),
      );
    },
    async recordCaseAlert(input: CaseAlertInput): Promise<void> {
      return refusingBadData('recordCaseAlert', () => recordCaseAlert(db, input));
    },
    async computeClock(input: ComputeClockInput): Promise<ComputedClock> {
      return refusingBadData('computeClock', () => computeClock(calendar, input));
    },
    async issueFilingDecision(input: Parameters<typeof documents.issueFilingDecision>[0]) {
      return refusingBadData('issueFilingDecision', () => documents.issueFilingDecision(input));
    },
    async draftRecommendations(input: Parameters<typeof documents.draftRecommendations>[0]) {
      return refusingBadData('draftRecommendations', () => documents.draftRecommendations(input));
    },
    async reviseDraft(input: Parameters<typeof documents.reviseDraft>[0]) {
      return refusingBadData('reviseDraft', () => documents.reviseDraft(input));
    },
    async issueDrafts(input: Parameters<typeof documents.issueDrafts>[0]) {
      return refusingBadData('issueDrafts', () => documents.issueDrafts(input));
    },
    async issueActionDocument(input: ActionDocumentInput) {
      return refusingBadData('issueActionDocument', () => actionDocuments.issueActionDocument(input));
    },
    async makeLitigationDocuments(input: LitigationDocumentsInput) {
      return refusingBadData('makeLitigationDocuments', () =>
        litigationDocuments.makeLitigationDocuments(input),
      );
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;

/**
 * The documents a single action makes and issues at once: 不立案 and 终结案件决定书, 中止 and
 * 恢复审查决定书, the 送达回证 of a 检察建议书 and the 诉前公告. Each is drafted from the case's
 * rows and the action, numbered and hashed in one step; a retry finds what the action issued.
 */
import {
  notFilingData,
  pretrialNoticeData,
  serviceReceiptData,
  suspensionData,
  terminationData,
  type TerminationGround,
} from '../domain/documents/decisions';
import type { CaseFacts } from '../domain/documents/content';
import { DOCUMENT_KINDS, type DocumentKind } from '../domain/documents/kinds';
import { caseFactsOf, caseParties, organNames } from '../store/document-facts';
import { issuedBy, latestIssued } from '../store/documents';
import type { Db } from '../store/pool';
import { defaultTemplates, type TemplateSource } from '../documents/render';
import { documentMaker, made, type MadeDocument } from './documents';

/** What the action says that its document needs. */
export type ActionDocument =
  | { kind: 'not_filing_decision'; reason: string }
  | { kind: 'termination_decision'; reason: string; ground?: TerminationGround; transferredTo?: string }
  | { kind: 'suspension_decision' | 'resumption_decision'; decidedOn: string; reason: string }
  | { kind: 'service_receipt'; organId: string; servedOn: string; receivedOn: string }
  | { kind: 'pretrial_notice'; medium: string; contactPhone?: string };

export interface ActionDocumentInput {
  caseId: string;
  /** The timeline entry of the action. */
  seq: number;
  actorId: string;
  /** The date the document bears. */
  issuedOn: string;
  document: ActionDocument;
}

/** Said of a 检察建议书 served before the product made documents: it has no number here. */
const NOT_MADE_HERE = '（未由本系统制作，见原件）';

export function actionDocumentActivities(
  db: Db,
  templates: TemplateSource = defaultTemplates,
  publicUrl = 'http://localhost:3000',
) {
  const { draft, issue } = documentMaker(db, templates, publicUrl);

  /** The document's data and the subject and title it is filed under. */
  async function contentOf(
    input: ActionDocumentInput,
    facts: CaseFacts & { procuratorateId: string },
  ): Promise<{ subject: string; title: string; data: Record<string, unknown> }> {
    const d = input.document;
    const parties = await caseParties(db, input.caseId, input.actorId);
    const titled = (kind: DocumentKind) => `${DOCUMENT_KINDS[kind].title}（${facts.caseTitle}）`;
    switch (d.kind) {
      case 'not_filing_decision':
        return {
          subject: '',
          title: titled(d.kind),
          data: notFilingData(facts, { ...d, track: parties.track }),
        };
      case 'termination_decision':
        return {
          subject: '',
          title: titled(d.kind),
          data: terminationData(facts, { ...d, track: parties.track }),
        };
      case 'suspension_decision':
      case 'resumption_decision':
        return { subject: '', title: titled(d.kind), data: suspensionData(facts, d) };
      case 'pretrial_notice': {
        const data = pretrialNoticeData(facts, { ...d, contactPerson: parties.handlerName });
        return { subject: '', title: titled(d.kind), data };
      }
      case 'service_receipt': {
        const names = await organNames(db, facts.procuratorateId, [d.organId]);
        const recipient = names.get(d.organId) ?? d.organId;
        const served = await latestIssued(db, input.caseId, 'recommendation', d.organId);
        const data = serviceReceiptData(facts, {
          documentTitle: served?.title ?? `${DOCUMENT_KINDS.recommendation.title}（${recipient}）`,
          documentNumber: served?.number ?? NOT_MADE_HERE,
          recipient,
          servedOn: d.servedOn,
          receivedOn: d.receivedOn,
          server: parties.actorName,
        });
        return { subject: d.organId, title: `${DOCUMENT_KINDS.service_receipt.title}（${recipient}）`, data };
      }
    }
  }

  return {
    /** The action's document, drafted and issued at once with its number; once per action. */
    async issueActionDocument(input: ActionDocumentInput): Promise<MadeDocument[]> {
      const issueKey = `${input.caseId}:${input.seq}`;
      const done = await issuedBy(db, input.caseId, issueKey);
      if (done.length > 0) return done.map(made);
      const facts = await caseFactsOf(db, input.caseId);
      const { subject, title, data } = await contentOf(input, facts);
      const id = `doc-${input.caseId}-${input.seq}-1`;
      const kind = input.document.kind;
      await draft(facts, { id, caseId: input.caseId, kind, subject, title, createdBy: input.actorId }, data);
      return [made(await issue(id, issueKey, input.actorId, input.issuedOn))];
    },
  };
}

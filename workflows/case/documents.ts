/**
 * The statutory documents an action makes, where the procedure makes them: the chief's filing
 * decision issues the 立案决定书; proposing a recommendation drafts one 检察建议书 per organ; the
 * chief's decision to recommend issues them. Rendering and numbering run in activities; the
 * case keeps no document, only its timeline entries (kind, number, hash).
 */
import type { ActionDocument } from '../../activities/action-documents';
import type { MadeDocument } from '../../activities/documents';
import type { ActionName, Payloads } from '../../domain/case/payloads';
import { documents } from './activity-presets';
import type { JournalEvent } from './journal';

export interface MadeBy {
  caseId: string;
  /** The timeline entry of the action that makes them. */
  seq: number;
  actorId: string;
}

/** The documents `name` makes, as timeline entries; none for an action that makes none. */
export async function documentsOf(name: ActionName, payload: unknown, by: MadeBy): Promise<JournalEvent[]> {
  const { caseId, seq, actorId } = by;
  if (name === 'decideFiling') {
    const p = payload as Payloads['decideFiling'];
    if (!p.approve) return [];
    const input = { caseId, decisionSeq: seq, decidedBy: actorId, decidedOn: p.decidedOn, reason: p.reason };
    return (await documents.issueFilingDecision(input)).map((d) => issued(d, actorId));
  }
  if (name === 'proposeRecommendation') {
    const p = payload as Payloads['proposeRecommendation'];
    const input = { caseId, proposalSeq: seq, proposedBy: actorId, ...p };
    return (await documents.draftRecommendations(input)).map((d) => drafted(d, actorId));
  }
  if (name === 'decideRecommendation') {
    const p = payload as Payloads['decideRecommendation'];
    if (!p.approve) return [];
    const input = {
      caseId,
      kind: 'recommendation' as const,
      decisionSeq: seq,
      issuedBy: actorId,
      issuedOn: p.decidedOn,
    };
    return (await documents.issueDrafts(input)).map((d) => issued(d, actorId));
  }
  return [];
}

/** Only these actions make documents: no other action's history gains a patch marker. */
export const MAKES_DOCUMENTS: readonly ActionName[] = [
  'decideFiling',
  'proposeRecommendation',
  'decideRecommendation',
];

/** The document an action issues at once, with the date it bears (behind patch moreStatutoryDocuments). */
export interface ActionDocumentOf {
  issuedOn: string;
  document: ActionDocument;
}

/**
 * The document `name` issues by itself: 不立案 (a refused filing) and 终结案件决定书, 中止 and
 * 恢复审查决定书, the 送达回证 of a 检察建议书, the 诉前公告; none for other actions.
 * `organOf` gives the organ of one of the case's recommendations.
 */
export function actionDocumentOf(
  name: ActionName,
  payload: unknown,
  organOf: (recommendationId: string) => string | undefined,
): ActionDocumentOf | undefined {
  switch (name) {
    case 'decideFiling': {
      const p = payload as Payloads['decideFiling'];
      if (p.approve) return undefined;
      return { issuedOn: p.decidedOn, document: { kind: 'not_filing_decision', reason: p.reason } };
    }
    case 'terminate': {
      const p = payload as Payloads['terminate'];
      const document = {
        kind: 'termination_decision' as const,
        reason: p.reason,
        ...(p.ground ? { ground: p.ground } : {}),
        ...(p.transferredTo ? { transferredTo: p.transferredTo } : {}),
      };
      return { issuedOn: p.decidedOn, document };
    }
    case 'suspend':
    case 'resume': {
      const p = payload as Payloads['suspend'];
      const kind = name === 'suspend' ? 'suspension_decision' : 'resumption_decision';
      return { issuedOn: p.decidedOn, document: { kind, decidedOn: p.decidedOn, reason: p.reason } };
    }
    case 'recordRecommendationService': {
      const p = payload as Payloads['recordRecommendationService'];
      const organId = organOf(p.recommendationId);
      if (!organId) return undefined;
      const document = {
        kind: 'service_receipt' as const,
        organId,
        servedOn: p.servedOn,
        receivedOn: p.receivedOn,
      };
      return { issuedOn: p.servedOn, document };
    }
    case 'publishAnnouncement': {
      const p = payload as Payloads['publishAnnouncement'];
      const document = {
        kind: 'pretrial_notice' as const,
        medium: p.medium,
        ...(p.contactPhone ? { contactPhone: p.contactPhone } : {}),
      };
      return { issuedOn: p.publishedOn, document };
    }
    default:
      return undefined;
  }
}

/** The action's own document issued, as its timeline entry. */
export async function issueActionDocument(made: ActionDocumentOf, by: MadeBy): Promise<JournalEvent[]> {
  const input = { caseId: by.caseId, seq: by.seq, actorId: by.actorId, ...made };
  return (await documents.issueActionDocument(input)).map((d) => issued(d, by.actorId));
}

export function issued(d: MadeDocument, actorId: string): JournalEvent {
  return {
    kind: 'document_issued',
    actorId,
    data: {
      documentId: d.documentId,
      kind: d.kind,
      title: d.title,
      number: d.number,
      sha256: d.sha256,
      ...(d.organId ? { organId: d.organId } : {}),
    },
  };
}

export function drafted(d: MadeDocument, actorId: string): JournalEvent {
  return {
    kind: 'document_drafted',
    actorId,
    data: {
      documentId: d.documentId,
      kind: d.kind,
      title: d.title,
      ...(d.organId ? { organId: d.organId } : {}),
    },
  };
}

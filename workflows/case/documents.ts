/**
 * The statutory documents an action makes, where the procedure makes them: the chief's filing
 * decision issues the 立案决定书; proposing a recommendation drafts one 检察建议书 per organ; the
 * chief's decision to recommend issues them. Rendering and numbering run in activities; the
 * case keeps no document, only its timeline entries (kind, number, hash).
 */
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

function issued(d: MadeDocument, actorId: string): JournalEvent {
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

function drafted(d: MadeDocument, actorId: string): JournalEvent {
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

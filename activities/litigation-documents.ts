/**
 * The documents of the end of the investigation, the review and the suit: drafted on the proposal
 * (调查终结 and 审查终结报告, the 起诉书, the 撤回起诉决定书) and issued on the decision; or drafted
 * and issued at once by an action that is itself the decision (支持起诉意见书, 撤回支持起诉决定书,
 * 派员出庭通知书, the civil 调查终结报告 with the pre-suit notice). Safe to retry: drafts are keyed
 * by the timeline entry and kind, issues by the entry and the kinds.
 */
import {
  PARTY_KINDS,
  type ClaimChangeGround,
  type PartyKind,
  type SupportForm,
  type SupportWithdrawalSituation,
} from '../domain/case/vocabulary';
import type { CaseFacts } from '../domain/documents/content';
import { DOCUMENT_KINDS, type DocumentKind } from '../domain/documents/kinds';
import {
  administrativeComplaintData,
  civilComplaintData,
  courtAppearanceData,
  investigationReportData,
  reviewReportData,
  suitWithdrawalData,
  supportOpinionData,
  supportWithdrawalData,
} from '../domain/documents/litigation';
import { caseFactsOf, caseParties, organNames } from '../store/document-facts';
import { currentDrafts, issuedBy, latestIssued } from '../store/documents';
import type { Db } from '../store/pool';
import { defaultTemplates, type TemplateSource } from '../documents/render';
import { documentMaker, made, type MadeDocument } from './documents';

/** A civil defendant as the case records it. */
export interface PartyRef {
  name: string;
  kind: PartyKind;
  identifier: string;
}

/** What the action says that each of its documents needs. */
export type LitigationDocument =
  /** Without recommendations: the civil investigation ends with the pre-suit notice. */
  | { kind: 'investigation_report'; reason: string; recommendations: { organId: string; summary: string }[] }
  | { kind: 'review_report'; reason: string; organIds: string[]; parties: PartyRef[] }
  | { kind: 'administrative_complaint'; reason: string; organIds: string[] }
  | { kind: 'civil_complaint'; reason: string; parties: PartyRef[]; announcedOn: string | null }
  | { kind: 'support_opinion'; plaintiff: string; court: string; forms: SupportForm[]; summary: string }
  | { kind: 'suit_withdrawal_decision'; ground: ClaimChangeGround; reason: string; court: string | null }
  | {
      kind: 'support_withdrawal_decision';
      situation: SupportWithdrawalSituation;
      reason: string;
      plaintiff: string;
      court: string | null;
    }
  | { kind: 'court_appearance_notice'; court: string; filedOn: string };

export interface LitigationDocumentsInput {
  caseId: string;
  /** The timeline entry of the action. */
  seq: number;
  actorId: string;
  draft: LitigationDocument[];
  /** The current drafts of these kinds issued, bearing the date `on`. */
  issue?: { kinds: DocumentKind[]; on: string };
}

const partyOf = (p: PartyRef) => ({ ...p, kind: PARTY_KINDS[p.kind] });

function organIdsOf(d: LitigationDocument): string[] {
  if ('organIds' in d) return d.organIds;
  return d.kind === 'investigation_report' ? d.recommendations.map((r) => r.organId) : [];
}

export function litigationDocumentActivities(
  db: Db,
  templates: TemplateSource = defaultTemplates,
  publicUrl = 'http://localhost:3000',
) {
  const { draft, issue } = documentMaker(db, templates, publicUrl);

  async function dataOf(
    input: LitigationDocumentsInput,
    d: LitigationDocument,
    facts: CaseFacts & { procuratorateId: string },
  ): Promise<Record<string, unknown>> {
    const { track, handlerName: handler } = await caseParties(db, input.caseId, input.actorId);
    const names = await organNames(db, facts.procuratorateId, organIdsOf(d));
    const name = (id: string) => names.get(id) ?? id;
    switch (d.kind) {
      case 'investigation_report': {
        const proposals = d.recommendations.map((r) => `向${name(r.organId)}提出检察建议：${r.summary}`);
        if (proposals.length === 0) proposals.push('发布诉前公告，告知法律规定的机关和有关组织提起诉讼');
        return investigationReportData(facts, { track, reason: d.reason, handler, proposals });
      }
      case 'review_report': {
        const defendants = track === 'civil' ? d.parties.map((p) => p.name) : d.organIds.map(name);
        return reviewReportData(facts, { track, reason: d.reason, handler, defendants });
      }
      case 'administrative_complaint': {
        const organs = [];
        for (const id of d.organIds) {
          const served = await latestIssued(db, input.caseId, 'recommendation', id);
          organs.push({ name: name(id), recommendationNumber: served?.number ?? null });
        }
        return administrativeComplaintData(facts, { organs, reason: d.reason });
      }
      case 'civil_complaint':
        return civilComplaintData(facts, { ...d, defendants: d.parties.map(partyOf) });
      case 'support_opinion':
        return supportOpinionData(facts, d);
      case 'suit_withdrawal_decision':
        return suitWithdrawalData(facts, { ...d, track });
      case 'support_withdrawal_decision':
        return supportWithdrawalData(facts, d);
      case 'court_appearance_notice':
        return courtAppearanceData(facts, { ...d, track, prosecutors: [handler] });
    }
  }

  return {
    /** The action's drafts made, then the drafts of the kinds it decides issued with their numbers. */
    async makeLitigationDocuments(
      input: LitigationDocumentsInput,
    ): Promise<{ drafted: MadeDocument[]; issued: MadeDocument[] }> {
      const facts = await caseFactsOf(db, input.caseId);
      const drafted: MadeDocument[] = [];
      for (const d of input.draft) {
        const id = `doc-${input.caseId}-${input.seq}-${d.kind}`;
        const title = `${DOCUMENT_KINDS[d.kind].title}（${facts.caseTitle}）`;
        const doc = { id, caseId: input.caseId, kind: d.kind, subject: '', title, createdBy: input.actorId };
        await draft(facts, doc, await dataOf(input, d, facts));
        drafted.push({ documentId: id, kind: d.kind, title });
      }
      if (!input.issue) return { drafted, issued: [] };
      const issueKey = `${input.caseId}:${input.seq}:${input.issue.kinds.join('+')}`;
      const issued = await issuedBy(db, input.caseId, issueKey);
      for (const kind of input.issue.kinds)
        for (const d of await currentDrafts(db, input.caseId, kind))
          issued.push(await issue(d.id, issueKey, input.actorId, input.issue.on));
      return { drafted, issued: issued.map(made) };
    },
  };
}

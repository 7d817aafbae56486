/**
 * The documents of the end of the investigation, the review and the suit, where the procedure makes
 * them (behind patch litigationDocuments): proposing drafts the 调查终结 or 审查终结报告 with the
 * 起诉书 or the 撤回起诉决定书, the chief's decision issues them; supporting a suit with an opinion,
 * withdrawing support, filing with the court and publishing the pre-suit notice issue theirs at once.
 * Read from the case as the action left it.
 */
import type { LitigationDocument, LitigationDocumentsInput } from '../../activities/litigation-documents';
import type { ActionName, Payloads } from '../../domain/case/payloads';
import type { CaseState } from '../../domain/case/model';
import type { DocumentKind } from '../../domain/documents/kinds';
import { documents } from './activity-presets';
import { issued, drafted, type MadeBy } from './documents';
import type { JournalEvent } from './journal';

type Made = Pick<LitigationDocumentsInput, 'draft' | 'issue'>;

/** Only these actions make these documents: no other action's history gains the patch marker. */
export const MAKES_LITIGATION_DOCUMENTS: readonly ActionName[] = [
  'proposeRecommendation',
  'decideRecommendation',
  'publishAnnouncement',
  'proposeLitigation',
  'decideLitigation',
  'recordCourtFiling',
  'recordSupport',
  'proposeClaimChange',
  'decideClaimChange',
  'withdrawSupport',
];

const complaintKind = (s: CaseState): DocumentKind =>
  s.info.track === 'civil' ? 'civil_complaint' : 'administrative_complaint';

/** The action's document drafted and issued at once, bearing `on`. */
const atOnce = (d: LitigationDocument, on: string): Made => ({ draft: [d], issue: { kinds: [d.kind], on } });

/** What the proposal drafts. */
function proposed(name: ActionName, payload: unknown, s: CaseState): Made | undefined {
  if (name === 'proposeRecommendation') {
    const p = payload as Payloads['proposeRecommendation'];
    const recommendations = p.recommendations.map((r) => ({
      organId: r.organId,
      summary: r.items || r.summary,
    }));
    return { draft: [{ kind: 'investigation_report', reason: p.reason, recommendations }] };
  }
  if (name === 'proposeLitigation') {
    const p = payload as Payloads['proposeLitigation'];
    const parties = (s.parties ?? []).filter((x) => p.partyIds.includes(x.id));
    const complaint: LitigationDocument =
      s.info.track === 'civil'
        ? {
            kind: 'civil_complaint',
            reason: p.reason,
            parties,
            announcedOn: s.announcement?.publishedOn ?? null,
          }
        : { kind: 'administrative_complaint', reason: p.reason, organIds: p.organIds };
    return { draft: [{ kind: 'review_report', reason: p.reason, organIds: p.organIds, parties }, complaint] };
  }
  if (name === 'proposeClaimChange') {
    const p = payload as Payloads['proposeClaimChange'];
    if (p.change !== 'withdraw') return undefined;
    const court = s.litigation?.court ?? null;
    return { draft: [{ kind: 'suit_withdrawal_decision', ground: p.ground, reason: p.reason, court }] };
  }
  return undefined;
}

/** What the chief's decision issues. */
function decided(name: ActionName, payload: unknown, s: CaseState): Made | undefined {
  const p = payload as Payloads['decideRecommendation'];
  if (!p.approve) return undefined;
  const kinds: Partial<Record<ActionName, DocumentKind[]>> = {
    decideRecommendation: ['investigation_report'],
    decideLitigation: ['review_report', complaintKind(s)],
    decideClaimChange: ['suit_withdrawal_decision'],
  };
  return { draft: [], issue: { kinds: kinds[name]!, on: p.decidedOn } };
}

/** What an action that is itself the decision issues. */
function issuedAtOnce(name: ActionName, payload: unknown, s: CaseState): Made | undefined {
  const plaintiff = s.plaintiffSuits?.at(-1);
  switch (name) {
    case 'publishAnnouncement': {
      const p = payload as Payloads['publishAnnouncement'];
      const reason = '经调查，社会公共利益受到侵害的事实清楚，应当发布诉前公告。';
      return atOnce({ kind: 'investigation_report', reason, recommendations: [] }, p.publishedOn);
    }
    case 'recordCourtFiling': {
      const p = payload as Payloads['recordCourtFiling'];
      return atOnce({ kind: 'court_appearance_notice', court: p.court, filedOn: p.filedOn }, p.filedOn);
    }
    case 'recordSupport': {
      const p = payload as Payloads['recordSupport'];
      if (!p.forms.includes('support_opinion')) return undefined;
      const d = {
        plaintiff: plaintiff?.plaintiff ?? '原告',
        court: p.court,
        forms: p.forms,
        summary: p.summary,
      };
      return atOnce({ kind: 'support_opinion', ...d }, p.supportedOn);
    }
    case 'withdrawSupport': {
      const p = payload as Payloads['withdrawSupport'];
      const d = {
        situation: p.situation,
        reason: p.reason,
        plaintiff: plaintiff?.plaintiff ?? '原告',
        court: plaintiff?.court ?? null,
      };
      return atOnce({ kind: 'support_withdrawal_decision', ...d }, p.decidedOn);
    }
    default:
      return undefined;
  }
}

/** The documents `name` makes of these kinds, or none. */
export function litigationDocumentsOf(name: ActionName, payload: unknown, s: CaseState): Made | undefined {
  if (!MAKES_LITIGATION_DOCUMENTS.includes(name)) return undefined;
  if (name === 'decideRecommendation' || name === 'decideLitigation' || name === 'decideClaimChange')
    return decided(name, payload, s);
  return proposed(name, payload, s) ?? issuedAtOnce(name, payload, s);
}

/** The documents made, as timeline entries: a draft issued at once is entered only as issued. */
export async function makeLitigationDocuments(made: Made, by: MadeBy): Promise<JournalEvent[]> {
  const input = { caseId: by.caseId, seq: by.seq, actorId: by.actorId, ...made };
  const out = await documents.makeLitigationDocuments(input);
  const issuedKinds = made.issue?.kinds ?? [];
  return [
    ...out.drafted.filter((d) => !issuedKinds.includes(d.kind)).map((d) => drafted(d, by.actorId)),
    ...out.issued.map((d) => issued(d, by.actorId)),
  ];
}

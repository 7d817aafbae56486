/**
 * Which timeline entries notify whom, and what the notification says. Pure: the store resolves
 * the audience to people (the proposer from the timeline, the deciders from roles and delegations).
 */
import type { DecisionKind } from '../case/model';
import { addDays } from '../period/dates';
import type { PendingProposal } from '../inbox/waiting';
import type { NotificationKind } from './kinds';

export interface EntryFacts {
  seq: number;
  actorId: string;
  kind: string;
  data: Record<string, unknown>;
  /** The day (Asia/Shanghai) the entry was recorded. */
  recordedOn?: string;
  /** The name of the organ the entry's data names, when it names one. */
  organName?: string;
  /** On a reminder of a rectification clock: the organ's request for more time nobody decided yet. */
  pendingExtension?: { until: string; requestedOn: string; organName: string };
}

export interface CaseFacts {
  caseId: string;
  title: string;
  handlerId: string;
  /** The proposal pending after the entry's batch, as the case list keeps it. */
  proposal?: PendingProposal;
}

export type Audience =
  | { to: 'user'; userId: string }
  /** Whoever the pending proposal waits on now (its reviewers, or its deciders). */
  | { to: 'proposal'; proposal: PendingProposal }
  /** Whoever made the last proposal of this action before the entry. */
  | { to: 'proposer'; proposeAction: string };

export interface Notice {
  kind: NotificationKind;
  audience: Audience;
  headline: string;
  detail: string | null;
}

const PROPOSED: Record<string, DecisionKind> = {
  proposeFiling: 'filing',
  proposeRecommendation: 'recommendation',
  proposeLitigation: 'litigation',
  proposeClaimChange: 'claim_change',
};

const DECIDED: Record<string, { kind: DecisionKind; proposeAction: string }> = {
  decideFiling: { kind: 'filing', proposeAction: 'proposeFiling' },
  decideRecommendation: { kind: 'recommendation', proposeAction: 'proposeRecommendation' },
  decideLitigation: { kind: 'litigation', proposeAction: 'proposeLitigation' },
  decideClaimChange: { kind: 'claim_change', proposeAction: 'proposeClaimChange' },
};

export const DECISION_LABELS: Record<DecisionKind, string> = {
  filing: '立案',
  recommendation: '发出检察建议',
  litigation: '提起诉讼',
  claim_change: '撤回起诉或变更诉讼请求',
};

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * Days a proposal, review, decision or reply may be dated before it is entered and still notify:
 * older ones are a case brought in after the fact (the demo cases, an import), not work to do now.
 */
export const AFTER_THE_FACT_DAYS = 7;

function enteredAfterTheFact(entry: EntryFacts, c: CaseFacts): boolean {
  const d = entry.data;
  const dated =
    text(d.decidedOn) ??
    text(d.reviewedOn) ??
    text(d.repliedOn) ??
    (PROPOSED[entry.kind] ? (c.proposal?.proposedOn ?? null) : null);
  return (
    dated !== null && entry.recordedOn !== undefined && addDays(dated, AFTER_THE_FACT_DAYS) < entry.recordedOn
  );
}

/** The notifications one timeline entry causes (none for most entries). */
export function noticesOf(entry: EntryFacts, c: CaseFacts): Notice[] {
  if (enteredAfterTheFact(entry, c)) return [];
  const t = `「${c.title}」`;
  const organ = entry.organName ?? '行政机关';
  const proposedKind = PROPOSED[entry.kind];
  const reviewed = entry.kind === 'reviewProposal';
  if ((proposedKind || (reviewed && entry.data.approve === true)) && c.proposal) {
    const step = c.proposal.review === 'pending' ? '审核' : '决定';
    const label = DECISION_LABELS[c.proposal.kind];
    return [
      {
        kind: 'proposal_awaiting',
        audience: { to: 'proposal', proposal: c.proposal },
        headline: `${t}提请${label}，待您${step}`,
        detail: `${c.proposal.proposedOn} 提请`,
      },
    ];
  }
  if (reviewed && entry.data.approve === false && text(entry.data.sentBackTo)) {
    const label = DECISION_LABELS[entry.data.kind as DecisionKind] ?? '';
    return [
      {
        kind: 'proposal_decided',
        audience: { to: 'user', userId: entry.data.sentBackTo as string },
        headline: `${t}您提请${label}，部门负责人审核未同意，已退回`,
        detail: text(entry.data.reviewedOn) && `审核日期 ${entry.data.reviewedOn as string}`,
      },
    ];
  }
  const decided = DECIDED[entry.kind];
  if (decided) {
    const outcome = entry.data.approve === true ? '已决定同意' : '已决定不同意';
    return [
      {
        kind: 'proposal_decided',
        audience: { to: 'proposer', proposeAction: decided.proposeAction },
        headline: `${t}您提请${DECISION_LABELS[decided.kind]}，${outcome}`,
        detail: text(entry.data.decidedOn) && `决定日期 ${entry.data.decidedOn as string}`,
      },
    ];
  }
  return handlerNotices(entry, c, t, organ);
}

function handlerNotices(entry: EntryFacts, c: CaseFacts, t: string, organ: string): Notice[] {
  const handler = { to: 'user', userId: c.handlerId } as const;
  switch (entry.kind) {
    case 'reassign':
      return text(entry.data.to)
        ? [
            {
              kind: 'case_reassigned',
              audience: { to: 'user', userId: entry.data.to as string },
              headline: `${t}已交由您承办`,
              detail: null,
            },
          ]
        : [];
    case 'answerRecommendationItems':
      return [
        {
          kind: 'organ_reply',
          audience: handler,
          headline: `${t}${organ}已在线逐项答复检察建议`,
          detail: null,
        },
      ];
    case 'reportRectificationProgress':
      return [
        {
          kind: 'organ_reply',
          audience: handler,
          headline: `${t}${organ}报送了整改进展`,
          detail: text(entry.data.asOf) && `截至 ${entry.data.asOf as string}`,
        },
      ];
    case 'recordReply':
      return [
        {
          kind: 'organ_reply',
          audience: handler,
          headline: `${t}已登记${organ}的书面回复`,
          detail: text(entry.data.repliedOn) && `回复日期 ${entry.data.repliedOn as string}`,
        },
      ];
    case 'reminder':
      return extensionReminder(entry, handler, t);
    case 'requestRectificationExtension':
      return [
        {
          kind: 'extension_requested',
          audience: handler,
          headline: `${t}${organ}申请将整改期限延长至 ${entry.data.until as string}，待您决定`,
          detail: extensionDetail(entry.data),
        },
      ];
    default:
      return [];
  }
}

/** Before the rectification period ends, the handler is reminded of a request still undecided. */
function extensionReminder(entry: EntryFacts, handler: Audience, t: string): Notice[] {
  const pending = entry.pendingExtension;
  const step = typeof entry.data.step === 'string' ? Number(entry.data.step.slice(1)) : NaN;
  if (!pending || !(step <= 0)) return [];
  const due = text(entry.data.due);
  return [
    {
      kind: 'extension_requested',
      audience: handler,
      headline: `${t}${pending.organName}于 ${pending.requestedOn} 申请将整改期限延长至 ${pending.until}，尚待您决定`,
      detail: [
        due && `整改期限将于 ${due} 届满；届满后只能不准延期。`,
        '由本案承办检察官在案件页面决定是否准予延期。',
      ]
        .filter(Boolean)
        .join('\n'),
    },
  ];
}

function extensionDetail(data: Record<string, unknown>): string {
  const due = text(data.currentDue);
  return [
    text(data.reasons) && `理由：${data.reasons as string}`,
    due && `现整改期限 ${due} 届满；届满前未决定的，届满后只能不准延期。`,
    '由本案承办检察官在案件页面决定是否准予延期。',
  ]
    .filter(Boolean)
    .join('\n');
}

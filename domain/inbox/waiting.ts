/**
 * Who a pending proposal waits for, and the order of a person's inbox (待办). Pure: the API
 * reads the rows, these rules say whose they are and which comes first.
 */
import { hasAnyRole, type Role } from '../roles';
import { DELEGABLE_DECISIONS, type DecisionKind } from '../case/model';

/** What a person is asked to do with a pending proposal: review it (head) or decide it. */
export type ProposalStep = 'review' | 'decide';

/** A pending proposal as the case list's summary keeps it. */
export interface PendingProposal {
  kind: DecisionKind;
  proposedOn: string;
  /** Who proposed (absent on summaries written before it was kept). */
  proposedBy?: string;
  /** The head's review: pending, approved, or absent when none is asked. */
  review?: 'pending' | 'approved';
  reviewedBy?: string;
}

export interface InboxPerson {
  userId: string;
  roles: readonly Role[];
  /** The decisions the chief delegated to this person (a head). */
  delegated: readonly DecisionKind[];
}

/**
 * What `person` must do with `proposal` now, or null when it does not wait for them. A proposal
 * awaiting the head's review waits for every head but its proposer; once reviewed (or when no
 * review is asked) the chief decides it, or a head the chief delegated its kind to — never the
 * person who proposed or reviewed it.
 */
export function proposalStepFor(proposal: PendingProposal, person: InboxPerson): ProposalStep | null {
  if (proposal.review === 'pending') {
    return hasAnyRole(person.roles, ['head']) && proposal.proposedBy !== person.userId ? 'review' : null;
  }
  if (proposal.proposedBy === person.userId || proposal.reviewedBy === person.userId) return null;
  if (hasAnyRole(person.roles, ['chief'])) return 'decide';
  const delegable = DELEGABLE_DECISIONS.includes(proposal.kind);
  if (hasAnyRole(person.roles, ['head']) && delegable && person.delegated.includes(proposal.kind))
    return 'decide';
  return null;
}

export const INBOX_KINDS = [
  'clock_overdue',
  'escalation',
  'proposal',
  'filed_above',
  'alert',
  'clock_due',
  'handed_over',
  'public_lead',
] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

export interface InboxEntry {
  kind: InboxKind;
  /** The date the item is measured by: a clock's due date, or the day it began to wait. */
  date: string;
  /** Breaks ties so the order is the same on every read. */
  key: string;
}

/**
 * Most urgent first: legal periods already overdue (oldest first), the escalations they led to,
 * decisions staff wait on, 备案 filed from below, failures of the system, periods due within the week, cases newly
 * handed over, and public leads not yet looked at. Within a kind, the earlier date first.
 */
export function byUrgency(a: InboxEntry, b: InboxEntry): number {
  const rank = INBOX_KINDS.indexOf(a.kind) - INBOX_KINDS.indexOf(b.kind);
  if (rank !== 0) return rank;
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Which kinds of work a role's inbox gathers (besides proposals, which proposalStepFor decides). */
export function inboxKindsOf(roles: readonly Role[]): Set<InboxKind> {
  const kinds = new Set<InboxKind>();
  if (hasAnyRole(roles, ['prosecutor', 'head', 'chief'])) {
    // Clocks and handovers concern the cases a person handles, whatever their role.
    kinds.add('clock_overdue').add('clock_due').add('handed_over');
  }
  if (hasAnyRole(roles, ['head', 'chief'])) kinds.add('escalation').add('proposal');
  if (hasAnyRole(roles, ['prosecutor', 'head'])) kinds.add('public_lead');
  if (hasAnyRole(roles, ['case_office'])) kinds.add('alert');
  // 备案 filed by the procuratorates directly below reach the one above (Rules arts. 75, 78).
  if (hasAnyRole(roles, ['oversight', 'chief'])) kinds.add('filed_above');
  return kinds;
}

/** Days before its due date a running clock enters its handler's inbox. */
export const CLOCK_HORIZON_DAYS = 7;

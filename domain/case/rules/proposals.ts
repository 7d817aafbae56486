/**
 * Proposals (提请) to the chief, the head's review of them (部门负责人审核) and the chief's decision:
 * filing, recommendation, litigation.
 */
import type { CivilDate } from '../../period/dates';
import { hasAnyRole } from '../../roles';
import type { CaseState, DecisionKind, Proposal } from '../model';
import type { Payloads } from '../payloads';
import type { Stage } from '../stages';
import {
  Effects,
  forbidden,
  inForce,
  requireDate,
  requireStage,
  wrongStage,
  type Rule,
  type RuleContext,
} from './common';

/** One proposal waits for a decision at a time. */
export function requireNoPendingProposal(state: CaseState): void {
  if (state.proposal) throw wrongStage('已有待检察长决定的提请（含待部门负责人审核的），请先等待审核和决定');
}

/**
 * Puts `proposal` before the chief, proposed by the actor today or, for a case brought in after
 * the fact, on the date given (`proposedOn`, not before `since`): the head's review and the
 * decision then date from it.
 */
export function propose(
  state: CaseState,
  ctx: RuleContext,
  kind: DecisionKind,
  proposal: Omit<Proposal, 'kind' | 'proposedBy' | 'proposedOn'>,
  dated?: { proposedOn?: CivilDate; since: { date?: CivilDate; label: string } },
): CivilDate {
  const proposedOn = dated?.proposedOn
    ? requireDate(dated.proposedOn, '提请日期', ctx, dated.since)
    : ctx.today;
  state.proposal = { kind, proposedBy: ctx.actor.userId, proposedOn, ...proposal };
  if (ctx.actor.headReview === 'required' && inForce(ctx, 'headReview'))
    state.proposal.review = { status: 'pending' };
  return proposedOn;
}

/**
 * The head reviews a proposal before it reaches the decision (DOMAIN.md "People and roles"):
 * approved, it waits for the decision; sent back, it leaves the case and returns to the proposer,
 * the reasons on the timeline. Nobody reviews a proposal they made.
 */
export const reviewProposal: Rule<'reviewProposal'> = (state, p, ctx) => {
  const proposal = state.proposal;
  if (proposal?.review?.status !== 'pending') throw wrongStage('没有待部门负责人审核的提请');
  if (proposal.proposedBy === ctx.actor.userId)
    throw forbidden('本项提请由您提出，不能由您审核；请由其他部门负责人审核');
  const since = { date: proposal.proposedOn, label: '提请日期' };
  const reviewedOn = requireDate(p.reviewedOn, '审核日期', ctx, since);
  const fx = new Effects().note({
    kind: proposal.kind,
    proposedBy: proposal.proposedBy,
    proposedOn: proposal.proposedOn,
    approve: p.approve,
    reviewedOn,
  });
  fx.reason = p.reasons;
  if (p.approve) proposal.review = { status: 'approved', reviewedBy: ctx.actor.userId, reviewedOn };
  else {
    state.proposal = undefined;
    fx.note({ sentBackTo: proposal.proposedBy });
  }
  return fx;
};

interface DecisionSpec {
  stage: Stage | readonly Stage[];
  /** The action, as the stage refusal names it. */
  action: string;
  kind: DecisionKind;
  /** What a proposal of the kind must carry to be decided on. */
  carries?: 'recommendations';
  /** The refusal when no proposal of this kind is pending. */
  missing: string;
  /** The date the decision cannot come before. */
  since: { date?: CivilDate; label: string };
  /** Refusing ends the case (不起诉 → 终结审查): the chief's alone, never under delegation. */
  refusalTerminates?: true;
}

/**
 * Whether the decision is taken under delegation (by a head, not the chief) and by whose: recorded
 * on every decision's timeline entry.
 */
function authorityOf(ctx: RuleContext, kind: DecisionKind): Record<string, unknown> {
  if (hasAnyRole(ctx.actor.roles, ['chief'])) return { underDelegation: false };
  return { underDelegation: true, delegatedBy: ctx.actor.delegatedBy?.[kind] ?? null };
}

/** Terminating is the chief's alone (DOMAIN.md): a delegated head may sue, not decide not to. */
function requireChiefToTerminate(p: Payloads['decideFiling'], ctx: RuleContext, spec: DecisionSpec): void {
  if (!spec.refusalTerminates || hasAnyRole(ctx.actor.roles, ['chief'])) return;
  if (p.approve || !inForce(ctx, 'delegationBounds')) return;
  throw forbidden('决定不提起诉讼将终结审查，终结审查须由检察长决定，不属于授权部门负责人决定的范围');
}

/**
 * Whoever proposed or reviewed may not decide the same proposal, whatever other roles they hold.
 * A reviewed proposal exists only since review did, so the reviewer's half needs no patch.
 */
function requireNotOwnProposal(proposal: Proposal, ctx: RuleContext, action: string): void {
  if (proposal.review?.reviewedBy === ctx.actor.userId)
    throw forbidden(
      `本项提请由您审核（${proposal.review.reviewedOn}），不能由您${action}；请由其他有决定权的人员决定`,
    );
  if (proposal.proposedBy !== ctx.actor.userId || !inForce(ctx, 'noSelfDecision')) return;
  throw forbidden(
    `本项提请由您提出（${proposal.proposedOn}），不能由您${action}；请由其他有决定权的人员决定`,
  );
}

/**
 * The common part of a decision: the pending proposal of the kind is taken off the case and the
 * decision noted with its date and reason. The caller carries out what was decided.
 */
export function takeDecision(
  state: CaseState,
  p: Payloads['decideFiling'],
  ctx: RuleContext,
  spec: DecisionSpec,
): { proposal: Proposal; decidedOn: CivilDate; fx: Effects } {
  requireStage(state, typeof spec.stage === 'string' ? [spec.stage] : spec.stage, spec.action);
  const proposal = state.proposal;
  if (proposal?.kind !== spec.kind || (spec.carries && !proposal[spec.carries]))
    throw wrongStage(spec.missing);
  if (proposal.review?.status === 'pending')
    throw wrongStage('本项提请尚待部门负责人审核，审核同意后方可决定');
  requireNotOwnProposal(proposal, ctx, spec.action);
  requireChiefToTerminate(p, ctx, spec);
  const decidedOn = requireDate(p.decidedOn, '决定日期', ctx, spec.since);
  state.proposal = undefined;
  const fx = new Effects().note({ approve: p.approve, decidedOn, ...authorityOf(ctx, spec.kind) });
  if (proposal.review?.reviewedBy) fx.note({ reviewedBy: proposal.review.reviewedBy });
  fx.reason = p.reason;
  return { proposal, decidedOn, fx };
}

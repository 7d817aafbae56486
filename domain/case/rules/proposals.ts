/** Proposals (提请) to the chief and the chief's decision on them: filing, recommendation, litigation. */
import type { CivilDate } from '../../period/dates';
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
  type RuleContext,
} from './common';

/** One proposal waits for a decision at a time. */
export function requireNoPendingProposal(state: CaseState): void {
  if (state.proposal) throw wrongStage('已有待检察长决定的提请，请先等待决定');
}

/** Puts `proposal` before the chief, proposed today by the actor. */
export function propose(
  state: CaseState,
  ctx: RuleContext,
  kind: DecisionKind,
  proposal: Omit<Proposal, 'kind' | 'proposedBy' | 'proposedOn'>,
): void {
  state.proposal = { kind, proposedBy: ctx.actor.userId, proposedOn: ctx.today, ...proposal };
}

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
}

/** Whoever proposed may not decide the same proposal, whatever other roles they hold. */
function requireNotOwnProposal(proposal: Proposal, ctx: RuleContext, action: string): void {
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
  requireNotOwnProposal(proposal, ctx, spec.action);
  const decidedOn = requireDate(p.decidedOn, '决定日期', ctx, spec.since);
  state.proposal = undefined;
  const fx = new Effects().note({ approve: p.approve, decidedOn });
  fx.reason = p.reason;
  return { proposal, decidedOn, fx };
}

/** Shared vocabulary of the case rules: rejections, effects and small state helpers. */
import { compareDates, type CivilDate } from '../../period/dates';
import type { ClockId } from '../../period/clocks';
import type { PeriodLength } from '../../period/request';
import type { Actor, CaseAlert, CaseState, ClockState, Recommendation } from '../model';
import type { ActionName, Payloads } from '../payloads';
import { findMove, ProcedureError, type StageEvent } from '../procedure';
import { STAGE_LABELS, type Stage } from '../stages';

export type RejectionKind = 'WrongStage' | 'Forbidden' | 'InvalidPayload';

/** Why an action is refused, in words a prosecutor understands. */
export class Rejection extends Error {
  constructor(
    readonly kind: RejectionKind,
    message: string,
  ) {
    super(message);
    this.name = 'Rejection';
  }
}

export const wrongStage = (message: string) => new Rejection('WrongStage', message);
export const forbidden = (message: string) => new Rejection('Forbidden', message);
export const invalid = (message: string) => new Rejection('InvalidPayload', message);

/**
 * Rules added while cases were already running. Each is in force for every new action; the case
 * workflow turns one off only to replay an action accepted before it (`patched()`, see
 * workflows/patches.ts `RULE_PATCHES`).
 */
export type RuleChange =
  /** Nobody decides a proposal they made themselves. */
  | 'noSelfDecision'
  /** A finding of non-performance waits for the end of the rectification period (Rules art. 47). */
  | 'findingAfterRectification'
  /** Excluded spans are dated and counted like suspensions; the open appraisal exists. */
  | 'datedExclusions'
  /**
   * Suspension (Rules art. 78) only in an administrative case's follow-up or litigation review; it
   * stops only the rectification follow-up and the review, and its decision is filed above.
   */
  | 'suspensionArt78'
  /**
   * A rebound found at the revisit starts a follow-up clock for each organ, and the follow-up may
   * propose a new recommendation to it.
   */
  | 'reboundFollowUp'
  /**
   * A closure schedules a revisit per recommendation the organ rectified (none when no organ did,
   * and the case is archived), instead of one revisit on every closure.
   */
  | 'revisitPerRectified'
  /**
   * A termination names its situation of Rules art. 74 (administrative) or art. 90 (civil), or, in
   * litigation review, the transfer to another procuratorate (arts. 79(三), 94(三)).
   */
  | 'structuredTermination'
  /** Evidence files are attached to a case (`attachEvidence`), each with its SHA-256. */
  | 'evidenceFiles'
  /**
   * A proposal goes to the head for review (approve or send back) before the decision, unless the
   * procuratorate's policy waives it; a proposal made before stays without review.
   */
  | 'headReview'
  /** A delegated head may decide to sue but not to refuse (which terminates): that is the chief's. */
  | 'delegationBounds'
  /**
   * Confirming a report above, to the People's Congress, the government or the discipline
   * commission is the chief's decision (a head may propose it); the ladder has all of art. 25's rungs.
   */
  | 'escalationLadder'
  /**
   * A civil case records the parties it is brought against (民事公益诉讼的被告), and a civil suit is
   * proposed against them, not against organs.
   */
  | 'civilParties'
  /**
   * Support of another plaintiff's suit has content: the court, the support given (Rules art. 101)
   * and the suit's result; a suit withdrawn or refused for standing returns the case to litigation
   * review, and a suit brought during the review is recorded there.
   */
  | 'supportContent'
  /**
   * After suing, the claim may be withdrawn or changed on the chief's decision, filed with the court
   * within 3 days (Rules arts. 84, 99); support may be withdrawn (art. 102), delivered within 3 days.
   */
  | 'claimChanges'
  /** The defendant's appeal is reported above within 3 days of receiving its copy (Rules art. 62). */
  | 'defendantAppealReport'
  /**
   * On a civil ecology case the announcement's right-holder notice and the 生态环境损害赔偿 outcome
   * are recorded (Rules arts. 90(二), 91(二), 96(一)).
   */
  | 'ecoCompensation'
  /**
   * The organ acts online on its recommendation: it is mailed a link when the recommendation is
   * issued, confirms receipt (starting the reply clock) and answers item by item.
   */
  | 'organAccess'
  /**
   * A civil case linked to its criminal case (刑事附带民事公益诉讼, 两高解释 art. 20) and its suit
   * brought together with the prosecution after the announcement (两高批复 法释〔2019〕18号).
   */
  | 'criminalIncidental'
  /**
   * On a 英雄烈士保护 case the close relatives are asked whether they will sue (Rules art. 92; 两高解释
   * art. 13 para. 2), with its own waiting period, instead of the announcement.
   */
  | 'heroesRelatives'
  /**
   * A 英雄烈士保护 case whose hero or martyr has no close relatives records that, with nobody to ask,
   * and goes straight to the civil litigation review (Rules art. 92).
   */
  | 'heroesNoRelatives'
  /**
   * Terminating because the close relatives object to a suit (art. 90(三)) needs their objection
   * recorded as their answer.
   */
  | 'relativesObjectionRecorded'
  /** The chief records the date of an extension recorded without one (`dateExtension`). */
  | 'undatedExtensionCorrection'
  /**
   * A supported suit cannot be concluded while its support's withdrawal awaits delivery, and a
   * termination because another plaintiff sued needs that suit recorded.
   */
  | 'civilEndingChecks';

export interface RuleContext {
  actor: Actor;
  /** Today in Asia/Shanghai, by workflow time. */
  today: CivilDate;
  /** Whether a later rule applies to this action; absent: every rule does. */
  inForce?: (change: RuleChange) => boolean;
}

export const inForce = (ctx: Pick<RuleContext, 'inForce'>, change: RuleChange): boolean =>
  ctx.inForce?.(change) ?? true;

/**
 * An action that a later rule brought: refused on a case replaying from before it. Checked before
 * the payload is read, so its form is offered only where the rule applies.
 */
export function requireRuleInForce(
  ctx: Pick<RuleContext, 'inForce'>,
  change: RuleChange,
  action: string,
): void {
  if (!inForce(ctx, change)) throw wrongStage(`本案办理时尚无「${action}」`);
}

/** An action's rule: checks the action against the case and applies it to `state`, or throws a Rejection. */
export type Rule<N extends ActionName> = (state: CaseState, p: Payloads[N], ctx: RuleContext) => Effects;

export type ClockOp =
  | {
      op: 'start';
      key: string;
      clockId: ClockId;
      start: CivilDate;
      recommendationId?: string;
      length?: PeriodLength;
      urgent?: boolean;
    }
  | { op: 'recompute'; key: string }
  | { op: 'meet'; key: string; on: CivilDate }
  /** The period ran out and that is its natural end (an appeal period with no appeal). */
  | { op: 'lapse'; key: string }
  | { op: 'cancel'; key: string };

/** What an accepted action did, for the timeline and for the workflow to carry out. */
export class Effects {
  readonly data: Record<string, unknown> = {};
  readonly stageChanges: { from: Stage; to: Stage }[] = [];
  readonly clockOps: ClockOp[] = [];
  /** Alerts the action acknowledged, for the case_alerts rows. */
  readonly acknowledgedAlerts: CaseAlert[] = [];
  /** Send the case's unsent mail again (an acknowledged mail failure). */
  resendMail = false;
  reason?: string;

  note(fields: Record<string, unknown>): this {
    Object.assign(this.data, fields);
    return this;
  }
}

/**
 * Moves the case by `event` as the procedure table says (`to` picks the row where one event may lead
 * to several stages: resuming). A move not in the table throws a ProcedureError.
 */
export function moveStage(state: CaseState, event: StageEvent, fx: Effects, to?: Stage): void {
  const move = findMove(state.stage, event, state.info.track, to);
  if (!move) {
    const target = to ? ` to ${to}` : '';
    throw new ProcedureError(
      `the procedure has no move from ${state.stage} on ${event}${target} (${state.info.track})`,
    );
  }
  if (state.stage === move.to) return;
  fx.stageChanges.push({ from: state.stage, to: move.to });
  state.stage = move.to;
}

export function requireStage(state: CaseState, allowed: readonly Stage[], action: string): void {
  if (!allowed.includes(state.stage)) {
    const where = allowed.map((s) => STAGE_LABELS[s]).join('、');
    throw wrongStage(`案件处于「${STAGE_LABELS[state.stage]}」阶段，不能${action}（仅限${where}阶段）`);
  }
}

/** A date of the payload (its shape checked by the action's schema) against today and the case. */
export function requireDate(
  value: CivilDate,
  label: string,
  ctx: RuleContext,
  notBefore?: { date?: CivilDate; label: string },
): CivilDate {
  if (compareDates(value, ctx.today) > 0) throw invalid(`${label}（${value}）不能晚于今天（${ctx.today}）`);
  if (notBefore?.date && compareDates(value, notBefore.date) < 0) {
    throw invalid(`${label}（${value}）不能早于${notBefore.label}（${notBefore.date}）`);
  }
  return value;
}

export function findRecommendation(state: CaseState, id: string): Recommendation {
  const rec = state.recommendations.find((r) => r.id === id);
  if (!rec) throw invalid(`本案没有编号为 ${id} 的检察建议`);
  return rec;
}

export function runningClock(state: CaseState, key: string): ClockState {
  const clock = state.clocks[key];
  if (!clock) throw invalid(`本案没有期限 ${key}`);
  if (clock.status !== 'running') throw wrongStage(`期限 ${clock.key} 已不在进行中`);
  return clock;
}

export function startClock(fx: Effects, op: Omit<Extract<ClockOp, { op: 'start' }>, 'op'>): void {
  fx.clockOps.push({ op: 'start', ...op });
}

export function meetClock(state: CaseState, fx: Effects, key: string, on: CivilDate): void {
  if (state.clocks[key]?.status === 'running') fx.clockOps.push({ op: 'meet', key, on });
}

/** Stops every running clock: the case has ended or left the stage they belong to. */
export function cancelRunningClocks(
  state: CaseState,
  fx: Effects,
  keep: (c: ClockState) => boolean = () => false,
): void {
  for (const clock of Object.values(state.clocks)) {
    if (clock.status === 'running' && !keep(clock)) fx.clockOps.push({ op: 'cancel', key: clock.key });
  }
}

export function recClockKey(clockId: ClockId, rec: Pick<Recommendation, 'id'>): string {
  return `${clockId}:${rec.id}`;
}

export function laterOf(a: CivilDate, b: CivilDate): CivilDate {
  return compareDates(a, b) >= 0 ? a : b;
}

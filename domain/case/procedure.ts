/**
 * The procedure as data: every move a case can make from one stage to another, the event that
 * makes it and the tracks it belongs to. The rules move a case only through this table
 * (`moveStage` in rules/common.ts), so a move missing here is a bug, not a refusal.
 */
import { TRACKS, type Stage, type Track } from './stages';

/** What happened, in the domain's words; each event names the action or expiry that causes it. */
export const STAGE_EVENTS = {
  evaluation_started: '开始线索评估',
  filing_proposed: '提请立案',
  filing_approved: '决定立案',
  filing_refused: '决定不立案',
  investigation_recorded: '登记调查情况',
  consultation_held: '登记磋商',
  recommendation_issued: '决定发出检察建议',
  all_replies_in_or_overdue: '各机关均已回复或回复期满',
  all_rectified: '各机关均整改到位',
  non_performance_found: '认定有机关未依法履职',
  announcement_published: '发布诉前公告',
  other_plaintiff_sued: '公告期内有机关或组织起诉',
  nobody_sued: '公告期满无人起诉',
  support_concluded: '支持起诉结束',
  supported_suit_failed: '起诉的机关或组织撤回起诉或不具备原告资格，回到审查起诉',
  support_withdrawn: '撤回支持起诉',
  relatives_sued: '英雄烈士等的近亲属提起诉讼',
  relatives_not_suing: '英雄烈士等的近亲属不提起诉讼或征询期满未答复',
  no_close_relatives: '英雄烈士等没有近亲属',
  compensation_failed: '生态环境损害赔偿磋商未达成一致，赔偿权利人不起诉',
  litigation_approved: '决定提起诉讼',
  litigation_refused: '决定不提起诉讼',
  decision_rendered: '登记裁判',
  appeal_filed: '登记上诉',
  decision_final_upheld: '裁判生效（支持诉讼请求）',
  decision_final_not_upheld: '裁判生效（驳回或撤诉）',
  enforcement_completed: '执行完毕',
  revisit_period_ended: '回头看期限届至',
  closed_without_revisit: '结案（无整改到位的机关，不作回头看）',
  revisit_sustained: '回头看：整改成果巩固',
  rectification_rebounded: '回头看：整改反弹',
  terminated: '终结审查',
  transferred_on_review: '审查终结，移送其他人民检察院处理',
  suspended: '中止审查',
  resumed: '恢复审查',
} as const;
export type StageEvent = keyof typeof STAGE_EVENTS;

/** A rule asked for a move the table does not have: a bug in the rules or the table, never the user's fault. */
export class ProcedureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProcedureError';
  }
}

export interface Move {
  from: Stage;
  event: StageEvent;
  to: Stage;
  tracks: readonly Track[];
  /**
   * A move only cases that took it before a later rule can make: kept so that their histories
   * replay and a case already there can leave again; no new action makes it.
   */
  legacy?: true;
}

const BOTH = TRACKS;
const ADMIN = ['administrative'] as const;
const CIVIL = ['civil'] as const;

/** Stages that exist on one track only; every other stage is on both. */
const ONE_TRACK: Partial<Record<Stage, readonly Track[]>> = {
  RECOMMENDATION: ADMIN,
  FOLLOW_UP: ADMIN,
  ANNOUNCEMENT: CIVIL,
  SUPPORT: CIVIL,
};
/** The tracks on which a case can be at `stage`. */
export const stageTracks = (stage: Stage): readonly Track[] => ONE_TRACK[stage] ?? BOTH;

const move = (from: Stage, event: StageEvent, to: Stage, tracks: readonly Track[] = BOTH): Move => ({
  from,
  event,
  to,
  tracks,
});
const legacy = (m: Move): Move => ({ ...m, legacy: true });

/**
 * Where a case may be suspended (中止审查, Rules art. 78): an administrative case whose organ acted
 * in time but cannot finish rectifying for objective reasons, so during the follow-up or the
 * litigation review. Resuming returns it to the stage it left.
 */
export const SUSPENDABLE_STAGES: readonly Stage[] = ['FOLLOW_UP', 'LITIGATION_REVIEW'];
/**
 * Where cases were suspended before art. 78 was applied (any track). Their rows stay in the table,
 * marked legacy: a case suspended there must replay and resume; no new suspension goes there.
 */
export const LEGACY_SUSPENDABLE_STAGES: readonly Stage[] = [
  'INVESTIGATION',
  'RECOMMENDATION',
  'FOLLOW_UP',
  'LITIGATION_REVIEW',
  'ANNOUNCEMENT',
];
/** Where a case may be terminated (终结审查). */
export const TERMINABLE_STAGES: readonly Stage[] = ['FILED', ...LEGACY_SUSPENDABLE_STAGES, 'SUSPENDED'];
/** A suspended civil case exists only from before art. 78: terminating it is a legacy move. */
const terminationMove = (s: Stage): Move[] =>
  s === 'SUSPENDED'
    ? [move(s, 'terminated', 'TERMINATED', ADMIN), legacy(move(s, 'terminated', 'TERMINATED', CIVIL))]
    : [move(s, 'terminated', 'TERMINATED', stageTracks(s))];

/** Suspension and resumption: administrative rows for art. 78, legacy rows for the rest. */
function suspensionMoves(): Move[] {
  const moves: Move[] = [];
  for (const s of LEGACY_SUSPENDABLE_STAGES) {
    for (const track of stageTracks(s)) {
      const current = track === 'administrative' && SUSPENDABLE_STAGES.includes(s);
      const mark = current ? (m: Move) => m : legacy;
      moves.push(mark(move(s, 'suspended', 'SUSPENDED', [track])));
      moves.push(mark(move('SUSPENDED', 'resumed', s, [track])));
    }
  }
  return moves;
}

export const PROCEDURE: readonly Move[] = [
  move('LEAD', 'evaluation_started', 'EVALUATION'),
  move('LEAD', 'filing_proposed', 'EVALUATION'),
  move('EVALUATION', 'filing_proposed', 'EVALUATION'),
  move('EVALUATION', 'filing_approved', 'FILED'),
  move('EVALUATION', 'filing_refused', 'REJECTED'),
  move('FILED', 'investigation_recorded', 'INVESTIGATION'),
  move('INVESTIGATION', 'investigation_recorded', 'INVESTIGATION'),
  move('FILED', 'consultation_held', 'INVESTIGATION', ADMIN),
  move('INVESTIGATION', 'consultation_held', 'INVESTIGATION', ADMIN),
  // Administrative track: the recommendation and its follow-up.
  move('INVESTIGATION', 'recommendation_issued', 'RECOMMENDATION', ADMIN),
  move('RECOMMENDATION', 'all_replies_in_or_overdue', 'FOLLOW_UP', ADMIN),
  move('FOLLOW_UP', 'all_rectified', 'CLOSED', ADMIN),
  move('FOLLOW_UP', 'non_performance_found', 'LITIGATION_REVIEW', ADMIN),
  // A rebound found at the revisit: a new recommendation to the organ from the follow-up.
  move('FOLLOW_UP', 'recommendation_issued', 'RECOMMENDATION', ADMIN),
  // Civil track: the announcement.
  move('INVESTIGATION', 'announcement_published', 'ANNOUNCEMENT', CIVIL),
  move('ANNOUNCEMENT', 'other_plaintiff_sued', 'SUPPORT', CIVIL),
  move('ANNOUNCEMENT', 'nobody_sued', 'LITIGATION_REVIEW', CIVIL),
  move('SUPPORT', 'support_concluded', 'CLOSED', CIVIL),
  // A qualified organ or organisation sues during the review and is supported; its suit fails
  // without protecting anything (withdrawn, no standing): back to the review.
  move('LITIGATION_REVIEW', 'other_plaintiff_sued', 'SUPPORT', CIVIL),
  move('SUPPORT', 'supported_suit_failed', 'LITIGATION_REVIEW', CIVIL),
  move('SUPPORT', 'support_withdrawn', 'CLOSED', CIVIL),
  move('ANNOUNCEMENT', 'compensation_failed', 'LITIGATION_REVIEW', CIVIL),
  // 英雄烈士保护: the close relatives asked instead of the announcement (Rules art. 92).
  move('INVESTIGATION', 'relatives_sued', 'SUPPORT', CIVIL),
  move('INVESTIGATION', 'relatives_not_suing', 'LITIGATION_REVIEW', CIVIL),
  move('INVESTIGATION', 'no_close_relatives', 'LITIGATION_REVIEW', CIVIL),
  // Litigation, on both tracks.
  move('LITIGATION_REVIEW', 'litigation_approved', 'LITIGATION'),
  move('LITIGATION_REVIEW', 'litigation_refused', 'TERMINATED'),
  move('LITIGATION_REVIEW', 'transferred_on_review', 'TERMINATED'),
  move('LITIGATION', 'decision_rendered', 'JUDGMENT'),
  move('JUDGMENT', 'appeal_filed', 'LITIGATION'),
  move('JUDGMENT', 'decision_final_upheld', 'ENFORCEMENT'),
  move('JUDGMENT', 'decision_final_not_upheld', 'CLOSED'),
  move('ENFORCEMENT', 'enforcement_completed', 'CLOSED'),
  // After closing: the revisit (回头看).
  move('CLOSED', 'revisit_period_ended', 'REVISIT'),
  move('CLOSED', 'closed_without_revisit', 'ARCHIVED'),
  move('CLOSED', 'revisit_sustained', 'ARCHIVED'),
  move('REVISIT', 'revisit_sustained', 'ARCHIVED'),
  move('CLOSED', 'rectification_rebounded', 'FOLLOW_UP', ADMIN),
  move('REVISIT', 'rectification_rebounded', 'FOLLOW_UP', ADMIN),
  ...TERMINABLE_STAGES.flatMap(terminationMove),
  ...suspensionMoves(),
];

/** The move `event` makes from `from` on `track` (to `to`, where the event may lead to several stages). */
export function findMove(from: Stage, event: StageEvent, track: Track, to?: Stage): Move | undefined {
  return PROCEDURE.find(
    (m) =>
      m.from === from && m.event === event && m.tracks.includes(track) && (to === undefined || m.to === to),
  );
}

/** The moves a new action can make: legacy rows left out. */
export const CURRENT_PROCEDURE: readonly Move[] = PROCEDURE.filter((m) => !m.legacy);

/** The moves that lead into `stage` (on `track`, if given), self-moves and legacy moves left out. */
export function howToReach(stage: Stage, track?: Track): Move[] {
  return CURRENT_PROCEDURE.filter((m) => m.to === stage && m.from !== stage && onTrack(m, track));
}

/** The moves out of `stage` (on `track`, if given), self-moves and legacy moves left out. */
export function movesFrom(stage: Stage, track?: Track): Move[] {
  return CURRENT_PROCEDURE.filter((m) => m.from === stage && m.to !== stage && onTrack(m, track));
}

const onTrack = (m: Move, track?: Track) => track === undefined || m.tracks.includes(track);

/**
 * A shortest way from LEAD to `stage` on `track`, as moves; undefined when the table has none.
 * Resuming is no way forward: it only returns a case to the stage it was suspended from.
 */
export function routeTo(stage: Stage, track: Track): Move[] | undefined {
  const routes = new Map<Stage, Move[]>([['LEAD', []]]);
  const queue: Stage[] = ['LEAD'];
  for (let at = queue.shift(); at !== undefined; at = queue.shift()) {
    for (const m of movesFrom(at, track)) {
      if (routes.has(m.to) || m.event === 'resumed') continue;
      routes.set(m.to, [...routes.get(at)!, m]);
      queue.push(m.to);
    }
  }
  return routes.get(stage);
}

/** The stages a case passes through from LEAD by `events` on `track`; throws if a step is not in the table. */
export function walk(track: Track, events: readonly StageEvent[]): Stage[] {
  const stages: Stage[] = ['LEAD'];
  for (const event of events) {
    const from = stages[stages.length - 1]!;
    const m = findMove(from, event, track);
    if (!m) throw new ProcedureError(`the procedure has no move from ${from} on ${event} (${track})`);
    stages.push(m.to);
  }
  return stages;
}

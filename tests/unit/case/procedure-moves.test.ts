// Every row of the procedure table is a move some rule makes, shown by taking it in a story.
import {
  LEGACY_SUSPENDABLE_STAGES,
  PROCEDURE,
  SUSPENDABLE_STAGES,
  TERMINABLE_STAGES,
  type StageEvent,
} from '../../../domain/case/procedure';
import type { ActionName, Payloads } from '../../../domain/case/payloads';
import type { Effects } from '../../../domain/case/rules/common';
import type { Stage } from '../../../domain/case/stages';
import { ACCEPTED } from './accepted-table';
import { at, D, type Point } from './points';
import { ORGANS, type ActorName } from './story';

interface Taken {
  from: Stage;
  event: StageEvent;
  to: Stage;
  take: () => Effects;
}

/** `name` taken at `point` with the accepted case's actor and payload, changed by `payload`. */
function action<N extends ActionName>(
  point: Point,
  name: N,
  payload: Partial<Payloads[N]> = {},
  by?: ActorName,
) {
  return () => at(point).run(name, by ?? ACCEPTED[name].by, { ...ACCEPTED[name].payload, ...payload });
}

const expiry = (point: Point, key: string) => () => at(point).expire(key);
const taken = (from: Stage, event: StageEvent, to: Stage, take: () => Effects): Taken => ({
  from,
  event,
  to,
  take,
});

const rectified = { result: 'rectified' as const, reasons: [], checkedOn: D.found };
const notRectified = { result: 'not_rectified' as const, reasons: ['measures_not_implemented' as const] };
const rebound = { checkedOn: '2025-12-15', result: 'rebound' as const, organIds: [ORGANS.eco] };

/** A point of the stories where the case is at each stage that can be suspended or terminated. */
const AT_STAGE: Partial<Record<Stage, Point>> = {
  FILED: 'FILED',
  INVESTIGATION: 'INVESTIGATION',
  RECOMMENDATION: 'RECOMMENDATION',
  FOLLOW_UP: 'FOLLOW_UP',
  LITIGATION_REVIEW: 'LITIGATION_REVIEW',
  ANNOUNCEMENT: 'ANNOUNCEMENT',
  SUSPENDED: 'SUSPENDED',
};
function pointAt(stage: Stage): Point {
  const point = AT_STAGE[stage];
  if (!point) throw new Error(`no story point at ${stage}`);
  return point;
}
const suspension = { decidedOn: '2025-11-01' };

/** A case at `point` whose suspensions were accepted before Rules art. 78 was applied (legacy rows). */
function beforeArt78(point: Point) {
  const s = at(point);
  s.inForce = (change) => change !== 'suspensionArt78';
  return s;
}
const suspend = (s: ReturnType<typeof at>) =>
  s.does('suspend', 'chief', { ...ACCEPTED.suspend.payload, ...suspension });
const LEGACY_ONLY = LEGACY_SUSPENDABLE_STAGES.filter((s) => !SUSPENDABLE_STAGES.includes(s));

const TAKEN: Taken[] = [
  taken('LEAD', 'evaluation_started', 'EVALUATION', action('LEAD', 'startEvaluation')),
  taken('LEAD', 'filing_proposed', 'EVALUATION', action('LEAD', 'proposeFiling')),
  taken('EVALUATION', 'filing_proposed', 'EVALUATION', action('EVALUATION', 'proposeFiling')),
  taken('EVALUATION', 'filing_approved', 'FILED', action('FILING_PROPOSED', 'decideFiling')),
  taken(
    'EVALUATION',
    'filing_refused',
    'REJECTED',
    action('FILING_PROPOSED', 'decideFiling', { approve: false }),
  ),
  taken('FILED', 'investigation_recorded', 'INVESTIGATION', action('FILED', 'recordInvestigation')),
  taken(
    'INVESTIGATION',
    'investigation_recorded',
    'INVESTIGATION',
    action('INVESTIGATION', 'recordInvestigation'),
  ),
  taken('FILED', 'consultation_held', 'INVESTIGATION', action('FILED', 'recordConsultation')),
  taken('INVESTIGATION', 'consultation_held', 'INVESTIGATION', action('INVESTIGATION', 'recordConsultation')),
  taken(
    'INVESTIGATION',
    'recommendation_issued',
    'RECOMMENDATION',
    action('RECOMMENDATION_PROPOSED', 'decideRecommendation'),
  ),
  taken('RECOMMENDATION', 'all_replies_in_or_overdue', 'FOLLOW_UP', action('SERVED', 'recordReply')),
  taken('RECOMMENDATION', 'all_replies_in_or_overdue', 'FOLLOW_UP', expiry('SERVED', 'reply:rec-1')),
  taken('FOLLOW_UP', 'all_rectified', 'CLOSED', action('FOLLOW_UP', 'recordFinding', rectified)),
  taken(
    'FOLLOW_UP',
    'non_performance_found',
    'LITIGATION_REVIEW',
    action('FOLLOW_UP', 'recordFinding', notRectified),
  ),
  taken(
    'INVESTIGATION',
    'announcement_published',
    'ANNOUNCEMENT',
    action('CIVIL_INVESTIGATION', 'publishAnnouncement'),
  ),
  taken(
    'ANNOUNCEMENT',
    'other_plaintiff_sued',
    'SUPPORT',
    action('ANNOUNCEMENT', 'recordAnnouncementOutcome'),
  ),
  taken(
    'ANNOUNCEMENT',
    'nobody_sued',
    'LITIGATION_REVIEW',
    action('ANNOUNCEMENT', 'recordAnnouncementOutcome', { on: '2025-10-10', outcome: 'nobody_sued' }),
  ),
  taken('SUPPORT', 'support_concluded', 'CLOSED', action('SUPPORT', 'recordSupportConcluded')),
  taken(
    'SUPPORT',
    'support_withdrawn',
    'CLOSED',
    action('SUPPORT_WITHDRAWN', 'recordSupportWithdrawalDelivered'),
  ),
  taken(
    'ANNOUNCEMENT',
    'compensation_failed',
    'LITIGATION_REVIEW',
    action('RIGHT_HOLDER_NOTIFIED', 'recordCompensationOutcome'),
  ),
  taken(
    'INVESTIGATION',
    'relatives_sued',
    'SUPPORT',
    action('RELATIVES_INQUIRED', 'recordRelativesAnswer', {
      answer: 'relatives_sued',
      plaintiff: '烈士之子张某',
    }),
  ),
  taken(
    'INVESTIGATION',
    'relatives_not_suing',
    'LITIGATION_REVIEW',
    action('RELATIVES_INQUIRED', 'recordRelativesAnswer'),
  ),
  taken(
    'INVESTIGATION',
    'no_close_relatives',
    'LITIGATION_REVIEW',
    action('HEROES_INVESTIGATION', 'recordNoCloseRelatives'),
  ),
  taken(
    'LITIGATION_REVIEW',
    'other_plaintiff_sued',
    'SUPPORT',
    action('CIVIL_REVIEW', 'recordPlaintiffSuit'),
  ),
  taken(
    'SUPPORT',
    'supported_suit_failed',
    'LITIGATION_REVIEW',
    action('SUPPORT', 'recordSupportConcluded', { result: 'plaintiff_withdrew' }),
  ),
  taken(
    'LITIGATION_REVIEW',
    'litigation_approved',
    'LITIGATION',
    action('LITIGATION_PROPOSED', 'decideLitigation'),
  ),
  taken(
    'LITIGATION_REVIEW',
    'litigation_refused',
    'TERMINATED',
    action('LITIGATION_PROPOSED', 'decideLitigation', { approve: false }),
  ),
  taken(
    'LITIGATION_REVIEW',
    'transferred_on_review',
    'TERMINATED',
    action('LITIGATION_REVIEW', 'terminate', {
      decidedOn: '2025-07-01',
      ground: 'transferred',
      transferredTo: '某市人民检察院',
    }),
  ),
  taken('LITIGATION', 'decision_rendered', 'JUDGMENT', action('COURT_FILED', 'recordJudgment')),
  taken('JUDGMENT', 'appeal_filed', 'LITIGATION', action('JUDGMENT', 'recordAppeal')),
  taken('JUDGMENT', 'decision_final_upheld', 'ENFORCEMENT', expiry('JUDGMENT', 'appeal')),
  taken('JUDGMENT', 'decision_final_not_upheld', 'CLOSED', () =>
    at('COURT_FILED').does('recordJudgment', 'prosecutor', ACCEPTED.recordJudgment.payload).expire('appeal'),
  ),
  taken('JUDGMENT', 'decision_final_upheld', 'ENFORCEMENT', () =>
    at('JUDGMENT')
      .does('recordAppeal', 'prosecutor', ACCEPTED.recordAppeal.payload)
      .run('recordJudgment', 'prosecutor', {
        ...ACCEPTED.recordJudgment.payload,
        decidedOn: '2025-10-01',
        servedOn: '2025-10-02',
        outcome: 'upheld',
      }),
  ),
  taken('ENFORCEMENT', 'enforcement_completed', 'CLOSED', action('ENFORCEMENT', 'recordEnforcement')),
  taken('CLOSED', 'revisit_period_ended', 'REVISIT', expiry('CLOSED', 'revisit:rec-1')),
  taken('CLOSED', 'revisit_sustained', 'ARCHIVED', action('CLOSED', 'recordRevisit')),
  taken('CLOSED', 'closed_without_revisit', 'ARCHIVED', action('ENFORCEMENT', 'recordEnforcement')),
  taken('REVISIT', 'revisit_sustained', 'ARCHIVED', action('REVISIT', 'recordRevisit')),
  taken('CLOSED', 'rectification_rebounded', 'FOLLOW_UP', action('CLOSED', 'recordRevisit', rebound)),
  taken('REVISIT', 'rectification_rebounded', 'FOLLOW_UP', action('REVISIT', 'recordRevisit', rebound)),
  taken('FOLLOW_UP', 'recommendation_issued', 'RECOMMENDATION', () =>
    at('REVISIT')
      .does('recordRevisit', 'prosecutor', { ...ACCEPTED.recordRevisit.payload, ...rebound })
      .does('proposeRecommendation', 'prosecutor', {
        reason: '整改反弹',
        recommendations: [
          { organId: ORGANS.eco, rectificationPeriod: { unit: 'months', count: 2 }, summary: '巩固整改' },
        ],
      })
      .run('decideRecommendation', 'chief', { approve: true, decidedOn: '2025-12-20', reason: '同意' }),
  ),
  ...TERMINABLE_STAGES.map((s) =>
    taken(
      s,
      'terminated',
      'TERMINATED',
      action(pointAt(s), 'terminate', { decidedOn: '2025-11-01', ground: 'other' }),
    ),
  ),
  ...SUSPENDABLE_STAGES.map((s) =>
    taken(s, 'suspended', 'SUSPENDED', action(pointAt(s), 'suspend', suspension)),
  ),
  ...SUSPENDABLE_STAGES.map((s) =>
    taken('SUSPENDED', 'resumed', s, () =>
      suspend(at(pointAt(s))).run('resume', 'chief', { ...ACCEPTED.resume.payload, decidedOn: '2025-11-15' }),
    ),
  ),
  ...LEGACY_ONLY.map((s) =>
    taken(s, 'suspended', 'SUSPENDED', () =>
      beforeArt78(pointAt(s)).run('suspend', 'chief', { ...ACCEPTED.suspend.payload, ...suspension }),
    ),
  ),
  ...LEGACY_ONLY.map((s) =>
    taken('SUSPENDED', 'resumed', s, () =>
      suspend(beforeArt78(pointAt(s))).run('resume', 'chief', {
        ...ACCEPTED.resume.payload,
        decidedOn: '2025-11-15',
      }),
    ),
  ),
];

const describeMove = (m: { from: Stage; event: StageEvent; to: Stage }) =>
  `${m.from} --${m.event}--> ${m.to}`;

it('when the stories take every move, then every row of the table is taken at least once', () => {
  const covered = new Set(TAKEN.map(describeMove));
  expect(PROCEDURE.map(describeMove).filter((m) => !covered.has(m))).toEqual([]);
});

it.each(TAKEN.map((t) => [describeMove(t), t] as const))(
  'when %s is taken, then the case makes that move',
  (_, t) => {
    const fx = t.take();
    if (t.from === t.to) expect(fx.stageChanges).toEqual([]);
    else expect(fx.stageChanges).toContainEqual({ from: t.from, to: t.to });
    expect(PROCEDURE.some((m) => describeMove(m) === describeMove(t))).toBe(true);
  },
);

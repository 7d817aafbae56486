/** The rows of steps the stage stepper shows, walked through the procedure table from LEAD. */
import { walk, type StageEvent } from '../../../domain/case/procedure';
import type { Stage, Track } from '../../../domain/case/stages';

const TO_INVESTIGATION: StageEvent[] = ['evaluation_started', 'filing_approved', 'investigation_recorded'];
const THROUGH_COURT: StageEvent[] = [
  'litigation_approved',
  'decision_rendered',
  'decision_final_upheld',
  'enforcement_completed',
];
const TO_FOLLOW_UP: StageEvent[] = [
  ...TO_INVESTIGATION,
  'recommendation_issued',
  'all_replies_in_or_overdue',
];
const TO_ANNOUNCEMENT: StageEvent[] = [...TO_INVESTIGATION, 'announcement_published'];

/** Per track: the path of a case settled before court, and of a case that goes to court. */
export const STEPPER_PATHS: Record<Track, { settled: Stage[]; litigated: Stage[] }> = {
  administrative: {
    settled: walk('administrative', [
      ...TO_FOLLOW_UP,
      'all_rectified',
      'revisit_period_ended',
      'revisit_sustained',
    ]),
    litigated: walk('administrative', [...TO_FOLLOW_UP, 'non_performance_found', ...THROUGH_COURT]),
  },
  civil: {
    settled: walk('civil', [...TO_ANNOUNCEMENT, 'other_plaintiff_sued', 'support_concluded']),
    litigated: walk('civil', [...TO_ANNOUNCEMENT, 'nobody_sued', ...THROUGH_COURT]),
  },
};

// The shape of a clock in the catalogue, apart from the data (clock-definitions.ts) and the
// catalogue operations (clocks.ts), so that each of those two can read it without the other.
import type { PeriodLength } from './request';

export type ClockId =
  | 'lead_evaluation'
  | 'major_lead_report'
  | 'filing_service'
  | 'investigation'
  | 'recommendation_service'
  | 'recommendation_filing_above'
  | 'reply'
  | 'rectification'
  | 'litigation_review_admin'
  | 'announcement'
  | 'litigation_review_civil'
  | 'complaint_report_above'
  | 'appeal_judgment'
  | 'appeal_ruling'
  | 'revisit'
  | 'rebound_follow_up'
  | 'claim_change_filing'
  | 'support_withdrawal_notice'
  | 'appeal_report_above'
  | 'relatives_inquiry';

export interface LegalBasis {
  /** e.g. 《人民检察院公益诉讼办案规则》, or 本院工作惯例 for local practice. */
  instrument: string;
  /** e.g. 第七十六条; absent for local practice. */
  article?: string;
  /** Only on cases of this track (an appeal: 行政诉讼法 or 民事诉讼法); absent when it applies to both. */
  track?: 'administrative' | 'civil';
}

export interface ClockExtension {
  /** Role id of whoever may grant it. */
  grantedBy: 'chief';
  by: PeriodLength;
  /** Who decides beyond that. */
  beyond: string;
}

export type ExpiryAction = 'remind' | 'escalate' | 'advance_stage' | 'decide' | 'follow_up' | 'create_task';

export interface ClockDefinition {
  id: ClockId;
  name: string;
  startEvent: { id: string; name: string };
  /** Null where the length is stated case by case (整改期限 in the recommendation). */
  defaultLength: PeriodLength | null;
  /** Only the reply clock: 15 days when 损害继续扩大等紧急情形. */
  urgentLength?: PeriodLength;
  target: 'statutory' | 'internal';
  basis: LegalBasis[];
  extension: ClockExtension | null;
  onExpiry: { action: ExpiryAction; text: string };
}

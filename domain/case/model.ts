/**
 * The state of one case as its workflow keeps it: IDs, dates and summaries, never whole
 * documents. Pure data, shared by the workflow, the rules and their unit tests.
 */
import type { DeadlineRequest, PeriodLength } from '../period/request';
import type { CivilDate } from '../period/dates';
import type { ClockId } from '../period/clocks';
import type { RecipientRole } from '../reminders';
import type { Role } from '../roles';
import type { LeadSource, Stage, Track } from './stages';
import type {
  ClaimChange,
  ClaimChangeGround,
  CompensationOutcome,
  EarlyFindingGround,
  PartyKind,
  RelativesAnswer,
  SupportForm,
  SupportWithdrawalSituation,
  SupportedSuitResult,
  TransferTarget,
} from './vocabulary';

export interface Actor {
  userId: string;
  roles: Role[];
  procuratorateId: string;
  /** Decisions the chief has delegated to this head by policy (DOMAIN.md "People and roles"). */
  delegated?: DecisionKind[];
  /**
   * Who delegated each of `delegated` to this head: the chief the setting names (null for a setting
   * recorded before delegations named their chief). Recorded on the decisions taken under it.
   */
  delegatedBy?: Partial<Record<DecisionKind, string | null>>;
  /**
   * The procuratorate's head-review policy (部门负责人审核), read by the API with each action:
   * `required` unless the procuratorate waived it. Absent on envelopes from before the policy
   * existed: such proposals went straight to the decision.
   */
  headReview?: 'required' | 'waived';
  /**
   * Set only on an organ's envelope (the API builds it from an organ session, never from a staff
   * sign-in): the organ and the one recommendation its session opens. Such an actor holds no role.
   */
  organ?: OrganActor;
  /**
   * How the person proved who they are for this action, recorded on its timeline entry. Absent on
   * envelopes from before it was recorded, and on the workflow's own entries.
   */
  auth?: ActorAuth;
}

/** A staff member's signed-in session, an integration token (with its id), or an organ's session. */
export type ActorAuth =
  { method: 'session' } | { method: 'api_token'; tokenId: string } | { method: 'organ_session' };

/** The administrative organ acting online on its own recommendation, through `contact` (a name). */
export interface OrganActor {
  organId: string;
  recommendationId: string;
  contact: string;
}

/** `claim_change` (撤回起诉, 变更诉讼请求) is the chief's alone: no delegation names it. */
export type DecisionKind = 'filing' | 'recommendation' | 'litigation' | 'claim_change';
/** The decisions the chief may delegate to a head (decision_delegations.kind). */
export const DELEGABLE_DECISIONS: readonly DecisionKind[] = ['filing', 'recommendation', 'litigation'];

export interface ReminderState {
  stepId: string;
  fireAt: number;
  recipients: RecipientRole[];
  suggestEscalation: boolean;
  done: boolean;
}

export type ClockStatus = 'running' | 'met' | 'expired' | 'cancelled';

/** Where a clock's length comes from: the catalogue (default or urgent) or the action itself. */
export type ClockLength =
  { source: 'default' } | { source: 'urgent' } | { source: 'explicit'; period: PeriodLength };

export interface ClockState {
  key: string;
  clockId: ClockId;
  recommendationId?: string;
  length: ClockLength;
  request: DeadlineRequest;
  /** Name and basis from the catalogue, for reminders and the timeline. */
  name: string;
  basis: string;
  /** The explanation of the due date, one line per step. */
  explanation: string[];
  due: CivilDate | null;
  provisional: boolean;
  suspended: boolean;
  status: ClockStatus;
  metOn?: CivilDate;
  /** Once the expiry consequence (e.g. moving to follow-up) has been applied. */
  expiryHandled: boolean;
  reminders: ReminderState[];
  /** Once the organ's contact has been reminded of this clock (reply and rectification; once only). */
  organReminded?: boolean;
  /** From the clock catalogue when computed: statutory or internal target, and who may extend it. */
  target: 'statutory' | 'internal';
  extension: { grantedBy: string; by: { unit: 'days' | 'months'; count: number }; beyond: string } | null;
  /** Extensions granted so far (each also sits in request.extensions). */
  extensionsGranted: number;
  /**
   * Excluded spans (appraisal and the like), counted in request.exclusions (dated) or, for spans
   * recorded before exclusions were dated, in request.excludedDays. `to` is absent while it runs.
   */
  exclusions?: { from: CivilDate; to?: CivilDate; kind: string }[];
  versions: { catalogue: string; policy: string; schedule: string; reminders: string };
}

export type ReplyClaim = 'rectified' | 'partially_rectified' | 'in_progress' | 'refused';
export type FindingResult = 'rectified' | 'partially_rectified' | 'not_rectified' | 'no_reply';

export interface Recommendation {
  id: string;
  organId: string;
  urgent: boolean;
  rectificationPeriod: PeriodLength;
  summary: string;
  status: 'approved' | 'served' | 'replied' | 'reply_overdue' | 'rebound' | 'settled';
  decidedOn?: CivilDate;
  servedOn?: CivilDate;
  receivedOn?: CivilDate;
  filedAboveOn?: CivilDate;
  reply?: { repliedOn: CivilDate; onTime: boolean; claim: ReplyClaim };
  /** The item numbers the organ has answered online (each answered once, never changed). */
  answeredItems?: number[];
  /** The organ's request for more time to rectify, while the prosecutor has not decided it. */
  extensionRequest?: { requestedOn: CivilDate; until: CivilDate };
  finding?: {
    checkedOn: CivilDate;
    result: FindingResult;
    reasons: string[];
    /** Why non-performance was found before the rectification period ended (Rules art. 47). */
    earlyGround?: EarlyFindingGround;
  };
  /**
   * rectified: closed for this organ; non_performance: leads to litigation review; superseded: it
   * rebounded and a new recommendation (`supersededBy`) took its place.
   */
  outcome?: 'rectified' | 'non_performance' | 'superseded';
  supersededBy?: string;
  rebounds: number;
}

/** The head's review of a proposal before it reaches the decision (absent: no review asked). */
export interface ProposalReview {
  status: 'pending' | 'approved';
  reviewedBy?: string;
  reviewedOn?: CivilDate;
}

export interface Proposal {
  kind: DecisionKind;
  proposedBy: string;
  proposedOn: CivilDate;
  reason: string;
  review?: ProposalReview;
  recommendations?: {
    organId: string;
    urgent: boolean;
    rectificationPeriod: PeriodLength;
    summary: string;
  }[];
  organIds?: string[];
  /** The civil defendants (CaseState.parties) the suit is to be brought against. */
  partyIds?: string[];
  /** A proposal to withdraw the suit or change its claims (Rules arts. 84, 99). */
  claimChange?: { change: ClaimChange; ground: ClaimChangeGround; claims: string | null };
}

/** A decided withdrawal or change of the claims, and its filing with the court. */
export interface ClaimChangeDecision {
  change: ClaimChange;
  ground: ClaimChangeGround;
  decidedOn: CivilDate;
  filedWithCourtOn?: CivilDate;
}

export interface Litigation {
  organIds: string[];
  /** On a civil case: the parties sued (absent on suits decided before parties were recorded). */
  partyIds?: string[];
  decidedOn: CivilDate;
  instance: 1 | 2;
  court?: string;
  filedOn?: CivilDate;
  servedOn?: CivilDate;
  /** A civil suit brought together with the prosecution of the linked criminal case (刑事附带民事). */
  withProsecution?: true;
  reportedAboveOn?: CivilDate;
  decision?: {
    kind: 'judgment' | 'ruling';
    decidedOn: CivilDate;
    servedOn: CivilDate;
    outcome: string;
    appealedBy?: string;
    appealedOn?: CivilDate;
  };
  /** Withdrawals and changes of the claims the chief decided, in order (absent until the first). */
  claimChanges?: ClaimChangeDecision[];
  /**
   * The defendant's appeal: the copy of the appeal (上诉状副本) received, and its report to the
   * procuratorate above (Rules art. 62).
   */
  defendantAppeal?: { copyReceivedOn: CivilDate; reportedAboveOn?: CivilDate; reportRef?: string | null };
}

/**
 * The rungs of 《人民检察院检察建议工作规定》 art. 25, in its order: report to the procuratorate above,
 * notify the organ's superior or competent department, report to the People's Congress, notify the
 * same-level government, notify the discipline commission.
 */
export const ESCALATION_LADDER = [
  'report_above',
  'notify_superior_organ',
  'report_congress',
  'notify_government',
  'notify_discipline',
] as const;
/** The rungs offered before the ladder was completed (cases whose suggestions came earlier). */
export const EARLIER_ESCALATION_LADDER = ['report_above', 'report_congress', 'notify_discipline'] as const;
/** Rungs the chief confirms (a head may propose them); the rest a head or the chief confirms. */
export const CHIEF_ESCALATIONS: readonly EscalationStep[] = [
  'report_above',
  'report_congress',
  'notify_government',
  'notify_discipline',
];
export type EscalationStep = (typeof ESCALATION_LADDER)[number];

export interface EscalationSuggestion {
  clockKey: string;
  step: EscalationStep;
  suggestedAt: string;
  /** A head proposed that the chief confirm it. */
  proposedBy?: string;
  proposedOn?: CivilDate;
  confirmedBy?: string;
  confirmedOn?: CivilDate;
}

/** A major lead (重大线索, Rules art. 25): flagged, then reported to the procuratorate above. */
export interface MajorLead {
  flaggedOn: CivilDate;
  flaggedBy: string;
  reason: string;
  reportedOn?: CivilDate;
  reportRef?: string | null;
}

/** A transfer (移送) of the lead or case to another body; its letter's content stays on the timeline. */
export interface OutgoingTransfer {
  id: string;
  to: TransferTarget;
  recipient: string;
  transferredOn: CivilDate;
  letterRef: string | null;
}

/** A party a civil case is brought against (民事公益诉讼的被告), recorded by the handler. */
export interface CivilParty {
  id: string;
  name: string;
  kind: PartyKind;
  /** 统一社会信用代码 or 身份证件号码: what tells two parties of the same name apart. */
  identifier: string;
  recordedOn: CivilDate;
}

/**
 * A suit a qualified organ or organisation brought (after the announcement or during the review),
 * the support the procuratorate gave it (Rules art. 101) and how it ended.
 */
export interface PlaintiffSuit {
  plaintiff: string;
  suedOn: CivilDate;
  court?: string;
  supports: { supportedOn: CivilDate; forms: SupportForm[] }[];
  result?: SupportedSuitResult;
  endedOn?: CivilDate;
}

export interface CaseInfo {
  caseId: string;
  procuratorateId: string;
  workflowId: string;
  title: string;
  track: Track;
  domainCode: string;
  source: LeadSource;
  receivedOn: CivilDate;
  externalRef: string | null;
  createdAt: string;
  /** The date the chief decided to file (立案). */
  filedOn?: CivilDate;
  closedOn?: CivilDate;
}

export interface CaseState {
  info: CaseInfo;
  stage: Stage;
  /** Where a suspended case returns to on resumption. */
  stageBeforeSuspension?: Stage;
  handlerId: string;
  /** Every organ the case has addressed (consultation, filing notice, recommendation). */
  organIds: string[];
  proposal?: Proposal;
  recommendations: Recommendation[];
  clocks: Record<string, ClockState>;
  litigation?: Litigation;
  announcement?: { publishedOn: CivilDate; outcome?: 'sued_by_other' | 'nobody_sued'; plaintiff?: string };
  escalations: EscalationSuggestion[];
  typical: boolean;
  /** Set once the lead is flagged as major (absent on every other case). */
  majorLead?: MajorLead;
  /** Suspensions under Rules art. 78 and their filing with the procuratorate above (absent until the first). */
  suspensions?: { decidedOn: CivilDate; filedAboveOn?: CivilDate; reportRef?: string | null }[];
  /** The parties a civil case is brought against (absent until the first is recorded). */
  parties?: CivilParty[];
  /** Suits qualified organs or organisations brought, the current one last (absent until the first). */
  plaintiffSuits?: PlaintiffSuit[];
  /**
   * Support withdrawn (撤回支持起诉, Rules art. 102): the situation and the decision's delivery to
   * the court and the plaintiff; the case may be filed anew (art. 103).
   */
  supportWithdrawal?: {
    situation: SupportWithdrawalSituation;
    decidedOn: CivilDate;
    deliveredOn?: CivilDate;
  };
  /**
   * The 生态环境损害赔偿 right-holder told by the announcement to start its procedure (Rules art.
   * 91(二)), and how that procedure ended.
   */
  compensation?: {
    rightHolder: string;
    notifiedOn: CivilDate;
    outcome?: CompensationOutcome;
    on?: CivilDate;
  };
  /**
   * The criminal case this civil case goes with (刑事附带民事公益诉讼, 两高解释 art. 20): its case
   * number, the court trying it and its defendants; `filedWithProsecutionOn` once the civil suit was
   * brought together with the prosecution.
   */
  criminalCase?: {
    caseNumber: string;
    court: string;
    defendants: string[];
    linkedOn: CivilDate;
    filedWithProsecutionOn?: CivilDate;
  };
  /**
   * A hero or martyr's close relatives asked whether they will sue (Rules art. 92; 两高解释 art. 13
   * para. 2), instead of the announcement, and their answer.
   */
  relativesInquiry?: {
    inquiredOn: CivilDate;
    relatives: string;
    answer?: RelativesAnswer;
    answeredOn?: CivilDate;
  };
  /**
   * A hero or martyr with no close relatives: nobody to ask (Rules art. 92), recorded with how it was
   * established; the case went straight to the civil litigation review.
   */
  noCloseRelatives?: { recordedOn: CivilDate; summary: string };
  /** Transfers to other bodies, in order (absent until the first). */
  transfers?: OutgoingTransfer[];
  /** Timeline sequence number of the last entry written. */
  seq: number;
  /** Failures staff must see, newest last (absent on cases that never had one). */
  alerts?: CaseAlert[];
}

/**
 * Something the case could not record: an action the database refused (and that therefore
 * did not happen), a reminder or expiry left off the timeline, a message not sent. Names
 * only, never the data involved.
 */
export const ALERT_KINDS = ['action_refused', 'alarm_not_recorded', 'mail_not_sent'] as const;

export interface CaseAlert {
  at: string;
  kind: (typeof ALERT_KINDS)[number];
  /** The action, alarm or message kind concerned, e.g. `addNote`, `reminder`. */
  subject: string;
  /** The failure type, e.g. `DataRejected`, `JournalUnavailable`. */
  errorType: string;
  /** Who saw to it, and when: an acknowledged alert is no longer open but stays on the case. */
  acknowledged?: { by: string; on: string; note: string | null };
}

/** The alerts nobody has acknowledged yet: what the case page and the case list show. */
export function openAlerts(state: Pick<CaseState, 'alerts'>): CaseAlert[] {
  return (state.alerts ?? []).filter((a) => !a.acknowledged);
}

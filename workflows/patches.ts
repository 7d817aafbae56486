/**
 * Patch IDs for `patched()`: each guards a change to the commands a live case can reach, so that
 * histories written before it still replay. Listed with the date the patch was added; once no
 * open case predates it, a patch becomes `deprecatePatch()` and later goes.
 */
import type { RuleChange } from '../domain/case/rules/common';

export const PATCHES = {
  /**
   * 2026-12-01: the recompute signal handler returns its work, so `allHandlersFinished()` waits
   * for a recompute in flight before the case continues as new or ends.
   */
  awaitRecompute: 'await-recompute-2026-12-01',
  /**
   * 2026-12-01: continue-as-new leaves the description out of the carried input; it stays in the
   * database (`case_creations.input`) and the workflow never reads it.
   */
  continueWithoutDescription: 'continue-without-description-2026-12-01',
  /** 2026-12-01: an action whose timeline write fails is refused, undone and alerted on. */
  refuseUnrecordedAction: 'refuse-unrecorded-action-2026-12-01',
  /** 2026-12-01: a reminder, expiry, recomputation or mail that cannot be recorded raises an alert. */
  alertUnrecordedWork: 'alert-unrecorded-work-2026-12-01',
  /** 2026-12-02: nobody decides a proposal they made themselves (rule `noSelfDecision`). */
  noSelfDecision: 'no-self-decision-2026-12-02',
  /**
   * 2026-12-02: a finding of non-performance waits for the end of the rectification period unless
   * the organ refused or never replied (rule `findingAfterRectification`).
   */
  findingAfterRectification: 'finding-after-rectification-2026-12-02',
  /**
   * 2026-12-02: excluded spans (鉴定 and the like) are recorded with their dates and counted like
   * suspensions (from the first day, resuming on the last: to − from days), in the order they
   * happened; cases that recorded spans before keep their bare day totals (both end days counted).
   * The same patch admits the open appraisal (startAppraisal / endAppraisal).
   */
  datedExclusions: 'dated-exclusions-2026-12-02',
  /**
   * 2026-12-02: a lead flagged as major at registration (重大线索, Rules art. 25) is marked so and
   * starts its report clock to the procuratorate above.
   */
  majorLeads: 'major-leads-2026-12-02',
  /** 2026-12-02: a registration the API would refuse ends the workflow at once, naming the field. */
  refuseInvalidRegistration: 'refuse-invalid-registration-2026-12-02',
  /**
   * 2026-12-02: the filing decision issues the 立案决定书, proposing a recommendation drafts its
   * 检察建议书 per organ and the decision issues them (activities, then `document_*` entries).
   */
  statutoryDocuments: 'statutory-documents-2026-12-02',
  /**
   * 2026-12-02: a refused filing issues the 不立案决定书, a termination the 终结案件决定书, suspend
   * and resume the 中止 and 恢复审查决定书, recording a recommendation's service its 送达回证, and
   * publishing the pre-suit notice the 诉前公告 (activity issueActionDocument, then `document_issued`).
   */
  moreStatutoryDocuments: 'more-statutory-documents-2026-12-02',
  /**
   * 2026-12-02: suspension (中止审查, Rules art. 78) only in an administrative case's follow-up or
   * litigation review, stopping only the rectification follow-up and review clocks; the decision's
   * filing with the procuratorate above is recorded (rule `suspensionArt78`).
   */
  suspensionArt78: 'suspension-art78-2026-12-02',
  /**
   * 2026-12-02: a rebound found at the revisit starts a follow-up clock per organ (policy, 1 month),
   * and a new recommendation may be proposed to that organ from the follow-up (rule `reboundFollowUp`).
   */
  reboundFollowUp: 'rebound-follow-up-2026-12-02',
  /**
   * 2026-12-02: a closure schedules a revisit per rectified recommendation, also after litigation,
   * and archives a case where no organ rectified (rule `revisitPerRectified`).
   */
  revisitPerRectified: 'revisit-per-rectified-2026-12-02',
  /**
   * 2026-12-02: a termination names its ground (Rules art. 74 / art. 90) or the transfer to another
   * procuratorate at the end of the review (arts. 79(三), 94(三)) (rule `structuredTermination`).
   */
  structuredTermination: 'structured-termination-2026-12-02',
  /**
   * 2026-12-02: evidence files are attached to a case, each recorded on its timeline with its
   * SHA-256 (action `attachEvidence`, rule `evidenceFiles`).
   */
  evidenceFiles: 'evidence-files-2026-12-02',
  /**
   * 2026-12-02: a proposal made under the procuratorate's head-review policy waits for the head's
   * review (approve or send back) before its decision (rule `headReview`); a proposal pending
   * before stays without review and goes straight to the decision.
   */
  headReview: 'review-head-review-2026-12-02',
  /**
   * 2026-12-02: a delegated head may decide to sue but not to refuse it, as refusing terminates the
   * case, which is the chief's alone (rule `delegationBounds`).
   */
  delegationBounds: 'delegation-bounds-2026-12-02',
  /**
   * 2026-12-02: the art. 25 ladder offers all its rungs (also the organ's superior and the
   * same-level government), and confirming a report above, to the People's Congress, the
   * government or the discipline commission is the chief's decision (rule `escalationLadder`).
   */
  escalationLadder: 'ladder-escalation-ladder-2026-12-02',
  /**
   * 2026-12-02: a civil case records its defendants and a civil suit is proposed against them
   * (rule `civilParties`).
   */
  civilParties: 'civil-parties-2026-12-02',
  /**
   * 2026-12-02: 支持起诉 records the court, the support given (Rules art. 101) and the suit's result;
   * a withdrawn suit or one refused for standing returns the case to litigation review; a suit
   * brought during the review is recorded (rule `supportContent`).
   */
  supportContent: 'civil-support-content-2026-12-02',
  /**
   * 2026-12-02: after suing, withdrawing or changing the claim (Rules arts. 84, 99) on the chief's
   * decision with its 3-day filing with the court; withdrawing support (art. 102) with its 3-day
   * delivery to the court and the plaintiff (rule `claimChanges`).
   */
  claimChanges: 'ending-claim-changes-2026-12-02',
  /**
   * 2026-12-02: the copy of a defendant's appeal starts the 3-day report to the procuratorate above
   * (Rules art. 62, rule `defendantAppealReport`).
   */
  defendantAppealReport: 'ending-defendant-appeal-report-2026-12-02',
  /**
   * 2026-12-02: the 生态环境损害赔偿 right-holder's notice and outcome on a civil ecology case (Rules
   * arts. 90(二), 91(二), 96(一), rule `ecoCompensation`).
   */
  ecoCompensation: 'ending-eco-compensation-2026-12-02',
  /**
   * 2026-12-02: an issued recommendation is mailed to its organ's registered contact with a link to
   * its own page, where the organ confirms receipt and answers item by item (rule `organAccess`).
   */
  organAccess: 'organ-access-2026-12-02',
  /**
   * 2026-12-02: the documents of the end of the investigation, the review and the suit — 调查终结
   * and 审查终结报告, both 起诉书 and the 撤回起诉决定书 drafted on the proposal and issued on the
   * decision; 支持起诉意见书, 撤回支持起诉决定书 and 派员出庭通知书 issued by their action
   * (activity makeLitigationDocuments, then `document_drafted` and `document_issued`).
   */
  litigationDocuments: 'litigation-documents-2026-12-02',
  /**
   * 2026-12-02: the organ's registered contact is reminded once, by mail with its link, before its
   * reply is due and before its rectification period ends (with the first staff reminder on or
   * before the day; the reminder's timeline entry says `organReminded`).
   */
  organReminders: 'organ-reminders-2026-12-02',
  /**
   * 2026-12-02: a civil case linked to its criminal case and its suit brought together with the
   * prosecution (刑事附带民事公益诉讼, rule `criminalIncidental`).
   */
  criminalIncidental: 'civil-criminal-incidental-2026-12-02',
  /**
   * 2026-12-02: a 英雄烈士保护 case asks the close relatives whether they will sue, with its own
   * waiting period (Rules art. 92, rule `heroesRelatives`).
   */
  heroesRelatives: 'civil-heroes-relatives-2026-12-02',
  /**
   * 2026-12-02: no conclusion of a supported suit while its support's withdrawal is pending; a
   * termination because another plaintiff sued needs that suit recorded (rule `civilEndingChecks`).
   */
  civilEndingChecks: 'civil-ending-checks-2026-12-02',
  /**
   * 2026-12-03: an action's timeline entry records how its actor authenticated (a signed-in
   * session, an integration token and its id, or an organ's session), from the envelope's `auth`.
   */
  timelineAuth: 'timeline-auth-2026-12-03',
  /**
   * 2026-12-03: a 英雄烈士保护 case with no close relatives records so and goes to the civil review
   * (rule `heroesNoRelatives`).
   */
  heroesNoRelatives: 'civil-heroes-no-relatives-2026-12-03',
  /**
   * 2026-12-03: terminating on the relatives' objection needs that objection recorded (rule
   * `relativesObjectionRecorded`).
   */
  relativesObjectionRecorded: 'relatives-objection-recorded-2026-12-03',
  /**
   * 2026-12-03: the chief records the date of an extension recorded without one, and the clock is
   * counted again in the order things happened (rule `undatedExtensionCorrection`).
   */
  undatedExtensionCorrection: 'undated-extension-correction-2026-12-03',
  /**
   * 2026-12-03: every journal batch carries the case's page state (domain/case/page-state.ts), which
   * the read model keeps with the timeline entries, so the case page never queries the workflow.
   */
  readModelState: 'read-model-state-2026-12-03',
  /**
   * 2026-12-04: the journal write and the clock computation are local activities (same bounds),
   * so an action is recorded and answered within the workflow task that accepted it.
   */
  localJournalAndClocks: 'local-journal-and-clocks-2026-12-04',
  /**
   * 2026-12-04: the case keeps one timer for its next reminder or expiry and restarts it only when
   * that moment changes, instead of a new timer at every wake (an action added a cancel and a start).
   */
  steadyAlarmTimer: 'steady-alarm-timer-2026-12-04',
  /**
   * 2026-12-04: the journal write is a queued activity again (the clock computation stays local):
   * a local write whose workflow task Temporal lost could be followed by another under its numbers.
   */
  queuedJournal: 'queued-journal-2026-12-04',
} as const;

/** The patch that turns each later rule of the case on (domain/case/rules/common.ts `RuleChange`). */
export const RULE_PATCHES: Record<RuleChange, string> = {
  noSelfDecision: PATCHES.noSelfDecision,
  findingAfterRectification: PATCHES.findingAfterRectification,
  datedExclusions: PATCHES.datedExclusions,
  suspensionArt78: PATCHES.suspensionArt78,
  reboundFollowUp: PATCHES.reboundFollowUp,
  revisitPerRectified: PATCHES.revisitPerRectified,
  structuredTermination: PATCHES.structuredTermination,
  evidenceFiles: PATCHES.evidenceFiles,
  headReview: PATCHES.headReview,
  delegationBounds: PATCHES.delegationBounds,
  escalationLadder: PATCHES.escalationLadder,
  civilParties: PATCHES.civilParties,
  supportContent: PATCHES.supportContent,
  claimChanges: PATCHES.claimChanges,
  defendantAppealReport: PATCHES.defendantAppealReport,
  ecoCompensation: PATCHES.ecoCompensation,
  organAccess: PATCHES.organAccess,
  criminalIncidental: PATCHES.criminalIncidental,
  heroesRelatives: PATCHES.heroesRelatives,
  civilEndingChecks: PATCHES.civilEndingChecks,
  heroesNoRelatives: PATCHES.heroesNoRelatives,
  relativesObjectionRecorded: PATCHES.relativesObjectionRecorded,
  undatedExtensionCorrection: PATCHES.undatedExtensionCorrection,
};

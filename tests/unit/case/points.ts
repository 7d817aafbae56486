/**
 * Named points of the procedure, each reached from the one before by the actions a real case
 * takes, on 2025 dates. A test starts a story at a point and takes the action it is about.
 */
import { ESCALATION_LADDER } from '../../../domain/case/model';
import { ACTORS, ORGANS, Story } from './story';

/** The dates the stories use, in the order things happen. */
export const D = {
  received: '2025-03-03',
  filed: '2025-03-10',
  investigated: '2025-03-12',
  recommended: '2025-03-20',
  served: '2025-03-24',
  received2: '2025-03-25',
  replied: '2025-04-15',
  found: '2025-06-10',
  suedDecided: '2025-06-20',
  courtFiled: '2025-06-25',
  courtServed: '2025-06-26',
  judged: '2025-08-01',
  judgmentServed: '2025-08-04',
  claimChangeDecided: '2025-07-10',
  appealed: '2025-08-10',
  appealCopy: '2025-08-12',
  published: '2025-09-05',
  rightHolderNotified: '2025-09-08',
  supportWithdrawn: '2025-10-20',
  relativesInquired: '2025-03-14',
  criminalLinked: '2025-03-13',
  incidentalFiled: '2025-10-28',
};

/** The criminal case (illegal fishing) to which the civil suit is joined, as the handler enters it. */
export const CRIMINAL_CASE = {
  caseNumber: '（2025）沪0115刑初123号',
  court: '上海市浦东新区人民法院',
  defendants: '王某\n李某',
  linkedOn: D.criminalLinked,
};
/** The same, as the case keeps it: one defendant an entry. */
export const LINKED_CRIMINAL_CASE = { ...CRIMINAL_CASE, defendants: ['王某', '李某'] };

const ADMIN = {
  LEAD: () => new Story(),
  EVALUATION: () => ADMIN.LEAD().does('startEvaluation', 'prosecutor', {}),
  MAJOR_LEAD: () =>
    ADMIN.LEAD().does('flagMajorLead', 'prosecutor', { flaggedOn: D.received, reason: '涉及饮用水水源地' }),
  FILING_PROPOSED: () => ADMIN.EVALUATION().does('proposeFiling', 'prosecutor', { reason: '线索查证属实' }),
  /** Proposed where the procuratorate's policy asks the head to review proposals first. */
  FILING_UNDER_REVIEW: () =>
    ADMIN.EVALUATION().does(
      'proposeFiling',
      { ...ACTORS.prosecutor, headReview: 'required' },
      { reason: '线索查证属实' },
    ),
  FILED: () =>
    ADMIN.FILING_PROPOSED().does('decideFiling', 'chief', {
      approve: true,
      decidedOn: D.filed,
      reason: '符合立案条件',
    }),
  INVESTIGATION: () =>
    ADMIN.FILED().does('recordInvestigation', 'prosecutor', { on: D.investigated, summary: '现场勘查' }),
  RECOMMENDATION_PROPOSED: () =>
    ADMIN.INVESTIGATION().does('proposeRecommendation', 'prosecutor', {
      reason: '行政机关未依法履职',
      recommendations: [
        {
          organId: ORGANS.eco,
          urgent: false,
          rectificationPeriod: { unit: 'months', count: 2 },
          summary: '依法查处',
        },
      ],
    }),
  RECOMMENDATION: () =>
    ADMIN.RECOMMENDATION_PROPOSED().does('decideRecommendation', 'chief', {
      approve: true,
      decidedOn: D.recommended,
      reason: '同意',
    }),
  SERVED: () =>
    ADMIN.RECOMMENDATION().does('recordRecommendationService', 'prosecutor', {
      recommendationId: 'rec-1',
      servedOn: D.served,
      receivedOn: D.received2,
    }),
  /** Served, and the organ has asked online for more time to rectify. */
  EXTENSION_REQUESTED: () =>
    ADMIN.SERVED().does('requestRectificationExtension', 'ecoOrgan', {
      recommendationId: 'rec-1',
      until: '2026-03-31',
      reasons: '需完成招投标',
    }),
  FOLLOW_UP: () =>
    ADMIN.SERVED().does('recordReply', 'prosecutor', {
      recommendationId: 'rec-1',
      repliedOn: D.replied,
      claim: 'in_progress',
      summary: '正在整改',
    }),
  LITIGATION_REVIEW: () =>
    ADMIN.FOLLOW_UP().does('recordFinding', 'prosecutor', {
      recommendationId: 'rec-1',
      checkedOn: D.found,
      result: 'not_rectified',
      reasons: ['measures_not_implemented'],
      summary: '未整改',
    }),
  APPRAISAL: () =>
    ADMIN.LITIGATION_REVIEW().does('startAppraisal', 'prosecutor', {
      clockKey: 'litigation_review_admin',
      kind: 'appraisal',
      startedOn: '2025-06-11',
    }),
  /** The review extended by a month, recorded (as before extensions were dated) without its date. */
  UNDATED_EXTENSION: () => {
    const s = ADMIN.LITIGATION_REVIEW().does('extendDeadline', 'chief', {
      clockKey: 'litigation_review_admin',
      by: { unit: 'months', count: 1 },
      basis: '《人民检察院公益诉讼办案规则》第四十七条',
      reason: '案情复杂',
    });
    delete s.state.clocks.litigation_review_admin!.request.extensions![0]!.decidedOn;
    return s;
  },
  LITIGATION_PROPOSED: () =>
    ADMIN.LITIGATION_REVIEW().does('proposeLitigation', 'prosecutor', {
      reason: '拒不整改',
      organIds: [ORGANS.eco],
    }),
  LITIGATION: () =>
    ADMIN.LITIGATION_PROPOSED().does('decideLitigation', 'chief', {
      approve: true,
      decidedOn: D.suedDecided,
      reason: '提起行政公益诉讼',
    }),
  COURT_FILED: () =>
    ADMIN.LITIGATION().does('recordCourtFiling', 'prosecutor', {
      court: '某区人民法院',
      filedOn: D.courtFiled,
      servedOn: D.courtServed,
    }),
  JUDGMENT: () =>
    ADMIN.COURT_FILED().does('recordJudgment', 'prosecutor', {
      kind: 'judgment',
      decidedOn: D.judged,
      servedOn: D.judgmentServed,
      outcome: 'upheld',
      summary: '确认违法，责令履职',
    }),
  ENFORCEMENT: () => ADMIN.JUDGMENT().expired('appeal'),
  CLAIM_CHANGE_PROPOSED: () =>
    ADMIN.COURT_FILED().does('proposeClaimChange', 'prosecutor', {
      change: 'withdraw',
      ground: 'organ_performed',
      reason: '行政机关已依法履职，诉讼请求全部实现',
    }),
  CLAIM_CHANGE_DECIDED: () =>
    ADMIN.CLAIM_CHANGE_PROPOSED().does('decideClaimChange', 'chief', {
      approve: true,
      decidedOn: D.claimChangeDecided,
      reason: '同意撤回起诉',
    }),
  DEFENDANT_APPEALED: () =>
    ADMIN.JUDGMENT().does('recordAppeal', 'prosecutor', { appealedBy: 'defendant', filedOn: D.appealed }),
  APPEAL_COPY_RECEIVED: () =>
    ADMIN.DEFENDANT_APPEALED().does('recordAppealCopyReceived', 'prosecutor', { receivedOn: D.appealCopy }),
  CLOSED: () =>
    ADMIN.FOLLOW_UP().does('recordFinding', 'prosecutor', {
      recommendationId: 'rec-1',
      checkedOn: D.found,
      result: 'rectified',
      reasons: [],
      summary: '整改到位',
    }),
  REVISIT: () => ADMIN.CLOSED().expired('revisit:rec-1'),
  SUSPENDED: () =>
    ADMIN.FOLLOW_UP().does('suspend', 'chief', { decidedOn: D.replied, reason: '客观原因无法完成整改' }),
  /** Reply overdue, and the workflow has offered the escalation ladder (检察建议工作规定 art. 25) for it. */
  ESCALATED: () => {
    const s = ADMIN.SERVED().expired('reply:rec-1');
    for (const step of ESCALATION_LADDER)
      s.state.escalations.push({ clockKey: 'reply:rec-1', step, suggestedAt: '2025-06-03T01:00:00.000Z' });
    return s;
  },
  /** A note the database refused: the case carries an open alert for it. */
  ALERTED: () => {
    const s = ADMIN.LEAD();
    s.state.alerts = [
      {
        at: '2025-03-04T02:00:00.000Z',
        kind: 'action_refused',
        subject: 'addNote',
        errorType: 'DataRejected',
      },
    ];
    return s;
  },
  TERMINATED: () =>
    ADMIN.INVESTIGATION().does('terminate', 'chief', {
      decidedOn: D.investigated,
      reason: '公益损害已消除',
      ground: 'interest_protected',
    }),
  REJECTED: () =>
    ADMIN.FILING_PROPOSED().does('decideFiling', 'chief', {
      approve: false,
      decidedOn: D.filed,
      reason: '不符合立案条件',
    }),
};

const CIVIL = {
  CIVIL_INVESTIGATION: () =>
    new Story('civil')
      .does('proposeFiling', 'prosecutor', { reason: '损害社会公共利益' })
      .does('decideFiling', 'chief', { approve: true, decidedOn: D.filed, reason: '立案' })
      .does('recordInvestigation', 'prosecutor', { on: D.investigated, summary: '调查取证' }),
  ANNOUNCEMENT: () =>
    CIVIL.CIVIL_INVESTIGATION().does('publishAnnouncement', 'prosecutor', {
      publishedOn: D.published,
      medium: '正义网',
    }),
  SUPPORT: () =>
    CIVIL.ANNOUNCEMENT().does('recordAnnouncementOutcome', 'prosecutor', {
      on: '2025-09-20',
      outcome: 'sued_by_other',
      plaintiff: '某环保协会',
    }),
  SUPPORT_WITHDRAWN: () =>
    CIVIL.SUPPORT().does('withdrawSupport', 'chief', {
      decidedOn: D.supportWithdrawn,
      situation: 'withdrawn_or_settled',
      reason: '原告与被告和解，致使社会公共利益不能得到有效保护',
    }),
  RIGHT_HOLDER_NOTIFIED: () =>
    CIVIL.ANNOUNCEMENT().does('recordRightHolderNotified', 'prosecutor', {
      notifiedOn: D.rightHolderNotified,
      rightHolder: '某市生态环境局',
    }),
  CIVIL_REVIEW: () =>
    CIVIL.ANNOUNCEMENT().does('recordAnnouncementOutcome', 'prosecutor', {
      on: '2025-10-10',
      outcome: 'nobody_sued',
    }),
  HEROES_INVESTIGATION: () => {
    const s = CIVIL.CIVIL_INVESTIGATION();
    s.state.info.domainCode = 'heroes';
    return s;
  },
  RELATIVES_INQUIRED: () =>
    CIVIL.HEROES_INVESTIGATION().does('inquireRelatives', 'prosecutor', {
      inquiredOn: D.relativesInquired,
      relatives: '烈士之子张某、烈士之女张某某',
    }),
  CRIMINAL_LINKED: () => CIVIL.CIVIL_INVESTIGATION().does('linkCriminalCase', 'prosecutor', CRIMINAL_CASE),
  /** Linked, announced, nobody sued, the chief decided to sue: the suit awaits the prosecution. */
  INCIDENTAL_LITIGATION: () =>
    CIVIL.CRIMINAL_LINKED()
      .does('recordCivilParty', 'prosecutor', {
        name: '王某',
        kind: 'natural_person',
        identifier: '310101198001010011',
        recordedOn: '2025-03-15',
      })
      .does('publishAnnouncement', 'prosecutor', { publishedOn: D.published, medium: '正义网' })
      .does('recordAnnouncementOutcome', 'prosecutor', { on: '2025-10-10', outcome: 'nobody_sued' })
      .does('proposeLitigation', 'prosecutor', { reason: '公告期满无人起诉', partyIds: ['party-1'] })
      .does('decideLitigation', 'chief', { approve: true, decidedOn: '2025-10-20', reason: '一并提起' }),
};

export const POINTS = { ...ADMIN, ...CIVIL };
export type Point = keyof typeof POINTS;

export function at(point: Point): Story {
  return POINTS[point]();
}

/**
 * The stages the matrix needs cases in, each as the staff actions (through the API, as the
 * handling prosecutor or the chief) that lead to it from the stage before.
 */
import type { ActionName } from '../../../domain/case/payloads';
import type { TestOrg } from '../../helpers/fixtures';

export type Fixture =
  | 'lead'
  | 'typical'
  | 'majorLead'
  | 'filingProposed'
  | 'filed'
  | 'investigation'
  | 'recommendationProposed'
  | 'recommendation'
  | 'served'
  | 'replied'
  | 'closed'
  | 'review'
  | 'litigationProposed'
  | 'litigation'
  | 'courtFiled'
  | 'judgment'
  | 'appealed'
  | 'enforcement'
  | 'suspended'
  | 'civilLead'
  | 'civilInvestigation'
  | 'announcement'
  | 'support'
  | 'claimChangeProposed'
  | 'claimChangeDecided'
  | 'appealCopy'
  | 'supportWithdrawn'
  | 'rightHolderNotified';

type Payload = (org: TestOrg, today: string) => object;
export interface Step {
  by: 'prosecutor' | 'chief';
  action: ActionName;
  body: Payload;
}
interface Path {
  after?: Fixture;
  steps: Step[];
}

const by =
  (who: Step['by']) =>
  (action: ActionName, body: Payload): Step => ({ by: who, action, body });
const handler = by('prosecutor');
const chief = by('chief');
const approve: Payload = (_o, today) => ({ approve: true, decidedOn: today, reason: '同意' });
const finding =
  (result: string, reasons: string[], extra: object = {}): Payload =>
  (_o, today) => ({
    recommendationId: 'rec-1',
    checkedOn: today,
    result,
    reasons,
    summary: '跟进调查',
    ...extra,
  });
const reply =
  (claim: string): Payload =>
  (_o, today) => ({ recommendationId: 'rec-1', repliedOn: today, claim, summary: '书面回复' });
const judgment: Payload = (_o, today) => ({
  kind: 'judgment',
  decidedOn: today,
  servedOn: today,
  outcome: 'upheld',
  summary: '支持全部诉讼请求',
});

/** Each stage as the steps from the one before it; the two roots are a fresh case of each track. */
const PATHS: Record<Fixture, Path> = {
  lead: { steps: [] },
  typical: { after: 'lead', steps: [chief('markTypical', () => ({ typical: true, reason: '以案释法' }))] },
  majorLead: {
    after: 'lead',
    steps: [handler('flagMajorLead', (_o, today) => ({ flaggedOn: today, reason: '涉及饮用水水源地' }))],
  },
  filingProposed: { after: 'lead', steps: [handler('proposeFiling', () => ({ reason: '线索查证属实' }))] },
  filed: { after: 'filingProposed', steps: [chief('decideFiling', approve)] },
  investigation: {
    after: 'filed',
    steps: [handler('recordInvestigation', (_o, today) => ({ on: today, summary: '现场勘查' }))],
  },
  recommendationProposed: {
    after: 'investigation',
    steps: [
      handler('proposeRecommendation', (o) => ({
        reason: '行政机关未依法履职',
        recommendations: [
          {
            organId: o.organs.eco,
            urgent: false,
            rectificationPeriod: { unit: 'months', count: 2 },
            summary: '依法清运固体废物',
          },
        ],
      })),
    ],
  },
  recommendation: { after: 'recommendationProposed', steps: [chief('decideRecommendation', approve)] },
  served: {
    after: 'recommendation',
    steps: [
      handler('recordRecommendationService', (_o, today) => ({
        recommendationId: 'rec-1',
        servedOn: today,
        receivedOn: today,
      })),
    ],
  },
  replied: {
    after: 'served',
    steps: [handler('recordReply', reply('partially_rectified'))],
  },
  closed: { after: 'replied', steps: [handler('recordFinding', finding('rectified', []))] },
  // Found at once, before the rectification period ends: only an explicit refusal allows that (Rules art. 47).
  review: {
    after: 'served',
    steps: [
      handler('recordReply', reply('refused')),
      handler(
        'recordFinding',
        finding('not_rectified', ['replied_without_action'], { earlyGround: 'organ_refused' }),
      ),
    ],
  },
  litigationProposed: {
    after: 'review',
    steps: [handler('proposeLitigation', (o) => ({ reason: '整改不到位', organIds: [o.organs.eco] }))],
  },
  litigation: { after: 'litigationProposed', steps: [chief('decideLitigation', approve)] },
  courtFiled: {
    after: 'litigation',
    steps: [
      handler('recordCourtFiling', (_o, today) => ({
        court: '某区人民法院',
        filedOn: today,
        servedOn: today,
      })),
    ],
  },
  judgment: { after: 'courtFiled', steps: [handler('recordJudgment', judgment)] },
  appealed: {
    after: 'judgment',
    steps: [handler('recordAppeal', (_o, today) => ({ appealedBy: 'defendant', filedOn: today }))],
  },
  enforcement: { after: 'appealed', steps: [handler('recordJudgment', judgment)] },
  // Rules art. 78: the organ acted in time but cannot finish for objective reasons.
  suspended: {
    after: 'review',
    steps: [chief('suspend', (_o, today) => ({ decidedOn: today, reason: '客观原因无法按期完成整改' }))],
  },
  civilLead: { steps: [] },
  civilInvestigation: {
    after: 'civilLead',
    steps: [
      handler('proposeFiling', () => ({ reason: '线索查证属实' })),
      chief('decideFiling', approve),
      handler('recordInvestigation', (_o, today) => ({ on: today, summary: '调查取证' })),
    ],
  },
  announcement: {
    after: 'civilInvestigation',
    steps: [handler('publishAnnouncement', (_o, today) => ({ publishedOn: today, medium: '检察日报' }))],
  },
  support: {
    after: 'announcement',
    steps: [
      handler('recordAnnouncementOutcome', (_o, today) => ({
        on: today,
        outcome: 'sued_by_other',
        plaintiff: '某环保公益组织',
      })),
    ],
  },
  claimChangeProposed: {
    after: 'courtFiled',
    steps: [
      handler('proposeClaimChange', () => ({
        change: 'withdraw',
        ground: 'organ_performed',
        reason: '行政机关已依法履职',
      })),
    ],
  },
  claimChangeDecided: { after: 'claimChangeProposed', steps: [chief('decideClaimChange', approve)] },
  appealCopy: {
    after: 'appealed',
    steps: [handler('recordAppealCopyReceived', (_o, today) => ({ receivedOn: today }))],
  },
  supportWithdrawn: {
    after: 'support',
    steps: [
      chief('withdrawSupport', (_o, today) => ({
        decidedOn: today,
        situation: 'withdrawn_or_settled',
        reason: '原告与被告和解',
      })),
    ],
  },
  rightHolderNotified: {
    after: 'announcement',
    steps: [
      handler('recordRightHolderNotified', (_o, today) => ({
        notifiedOn: today,
        rightHolder: '某市生态环境局',
      })),
    ],
  },
};

/** Where a fixture starts (a fresh case of its track) and every step from there. */
export function chain(fixture: Fixture): { root: Fixture; steps: Step[] } {
  const path = PATHS[fixture];
  if (!path.after) return { root: fixture, steps: [] };
  const before = chain(path.after);
  return { root: before.root, steps: [...before.steps, ...path.steps] };
}

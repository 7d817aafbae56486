/**
 * Sample data of each kind, made by the same functions as a real document's: what an uploaded
 * template is rendered with before it is accepted, and the placeholders it may use.
 */
import { issuedData, recommendationData, filingDecisionData, type CaseFacts } from './content';
import {
  notFilingData,
  pretrialNoticeData,
  serviceReceiptData,
  suspensionData,
  terminationData,
} from './decisions';
import type { DocumentKind } from './kinds';
import {
  administrativeComplaintData,
  civilComplaintData,
  courtAppearanceData,
  investigationReportData,
  reviewReportData,
  suitWithdrawalData,
  supportOpinionData,
  supportWithdrawalData,
} from './litigation';

const CASE: CaseFacts = {
  procuratorate: '示例区人民检察院',
  caseNumber: 'SAMPLE-2026-00001',
  caseTitle: '示例案件',
  source: '自行发现',
  domain: '生态环境和资源保护',
  domainBasis: '《中华人民共和国行政诉讼法》第二十五条第四款',
  description: '示例事实。',
};
const ON = '2026-01-05';
const reason = '示例理由。';
const court = '示例人民法院';
const party = { name: '示例公司', kind: '法人', identifier: '91000000000000000X' };
const admin = { track: 'administrative' as const };

const SAMPLES: Record<DocumentKind, () => Record<string, unknown>> = {
  filing_decision: () => filingDecisionData(CASE, { reason }),
  recommendation: () => ({
    ...recommendationData(CASE, {
      organName: '示例局',
      harmFacts: reason,
      nonPerformance: reason,
      legalBasis: reason,
      items: ['示例建议'],
      rectificationPeriod: { unit: 'months', count: 2 },
      urgent: false,
      otherMatters: reason,
    }),
    verifyUrl: 'https://example.invalid/verify/sample',
    organUrl: 'https://example.invalid/organ/sample',
  }),
  service_receipt: () =>
    serviceReceiptData(CASE, {
      documentTitle: '检察建议书',
      documentNumber: '示检行公建〔2026〕1号',
      recipient: '示例局',
      servedOn: ON,
      receivedOn: ON,
      server: '示例检察官',
    }),
  not_filing_decision: () => notFilingData(CASE, { ...admin, reason }),
  termination_decision: () => terminationData(CASE, { ...admin, reason }),
  suspension_decision: () => suspensionData(CASE, { decidedOn: ON, reason }),
  resumption_decision: () => suspensionData(CASE, { decidedOn: ON, reason }),
  pretrial_notice: () => pretrialNoticeData(CASE, { medium: '示例媒体', contactPerson: '示例检察官' }),
  investigation_report: () =>
    investigationReportData(CASE, { ...admin, reason, handler: '示例检察官', proposals: [reason] }),
  review_report: () =>
    reviewReportData(CASE, { ...admin, reason, handler: '示例检察官', defendants: ['示例局'] }),
  administrative_complaint: () =>
    administrativeComplaintData(CASE, { organs: [{ name: '示例局', recommendationNumber: null }], reason }),
  civil_complaint: () => civilComplaintData(CASE, { defendants: [party], reason, announcedOn: ON }),
  support_opinion: () =>
    supportOpinionData(CASE, { plaintiff: '示例组织', court, forms: ['support_opinion'], summary: reason }),
  suit_withdrawal_decision: () => suitWithdrawalData(CASE, { ...admin, ground: 'other', reason, court }),
  support_withdrawal_decision: () =>
    supportWithdrawalData(CASE, { situation: 'other', reason, plaintiff: '示例组织', court }),
  court_appearance_notice: () =>
    courtAppearanceData(CASE, { ...admin, court, filedOn: ON, prosecutors: ['示例检察官'] }),
};

/** The sample data of an issued document of the kind. */
export function sampleData(kind: DocumentKind): Record<string, unknown> {
  return issuedData(SAMPLES[kind](), '示检〔2026〕1号', ON);
}

/**
 * The templates documents are rendered from: one default .docx per kind, shipped in
 * documents/templates/ (built by scripts/build-document-templates.ts). Each document records the
 * template id and version that made it; a procuratorate's own uploaded templates will join these
 * as further versions.
 */
import { join } from 'node:path';
import { APP_ROOT } from '../config/app-root';
import type { DocumentKind } from '../domain/documents/kinds';

export const TEMPLATE_DIR = join(APP_ROOT, 'documents', 'templates');

export interface TemplateRef {
  id: string;
  version: number;
}

/** Version 1 of each kind's default template, in the file named after the kind. */
function firstVersions<K extends DocumentKind>(kinds: K[]): Record<K, TemplateRef & { file: string }> {
  const refs = kinds.map((k) => [k, { id: `default/${k}`, version: 1, file: `${k}.docx` }]);
  return Object.fromEntries(refs) as Record<K, TemplateRef & { file: string }>;
}

/**
 * The default template of each kind. A changed layout is a new version in a new file: documents
 * drafted from an earlier version are issued with that version (EARLIER_DEFAULT_TEMPLATES).
 */
export const DEFAULT_TEMPLATES: Record<DocumentKind, TemplateRef & { file: string }> = {
  filing_decision: { id: 'default/filing_decision', version: 1, file: 'filing_decision.docx' },
  // Version 2 carries the QR code of the verification page; version 3 also the organ's page's.
  recommendation: { id: 'default/recommendation', version: 3, file: 'recommendation-v3.docx' },
  service_receipt: { id: 'default/service_receipt', version: 1, file: 'service_receipt.docx' },
  not_filing_decision: { id: 'default/not_filing_decision', version: 1, file: 'not_filing_decision.docx' },
  termination_decision: { id: 'default/termination_decision', version: 1, file: 'termination_decision.docx' },
  suspension_decision: { id: 'default/suspension_decision', version: 1, file: 'suspension_decision.docx' },
  resumption_decision: { id: 'default/resumption_decision', version: 1, file: 'resumption_decision.docx' },
  pretrial_notice: { id: 'default/pretrial_notice', version: 1, file: 'pretrial_notice.docx' },
  ...firstVersions([
    'investigation_report',
    'review_report',
    'administrative_complaint',
    'civil_complaint',
    'support_opinion',
    'suit_withdrawal_decision',
    'support_withdrawal_decision',
    'court_appearance_notice',
  ]),
};

export const EARLIER_DEFAULT_TEMPLATES: readonly (TemplateRef & { file: string })[] = [
  { id: 'default/recommendation', version: 1, file: 'recommendation.docx' },
  { id: 'default/recommendation', version: 2, file: 'recommendation-v2.docx' },
];

/** The templates of period reports, which belong to no case (api/statistics/situation-report.ts). */
export const REPORT_TEMPLATES = {
  situation_report: { id: 'default/situation_report', version: 1, file: 'situation_report.docx' },
  typical_case: { id: 'default/typical_case', version: 1, file: 'typical_case.docx' },
} as const;

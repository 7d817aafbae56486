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

/** The default template of each kind. Bump the version whenever its file changes. */
export const DEFAULT_TEMPLATES: Record<DocumentKind, TemplateRef & { file: string }> = {
  filing_decision: { id: 'default/filing_decision', version: 1, file: 'filing_decision.docx' },
  recommendation: { id: 'default/recommendation', version: 1, file: 'recommendation.docx' },
};

/**
 * Renders a document from its template and its data with docx-templates. Runs in activities and
 * tests only, never in workflow code. A placeholder without a value fails the whole rendering:
 * never a half-made document.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createReport } from 'docx-templates';
import type { DocumentKind } from '../domain/documents/kinds';
import { DEFAULT_TEMPLATES, TEMPLATE_DIR, type TemplateRef } from './templates';

export interface TemplateSource {
  /** The template a new document of the kind is made from, and its bytes. */
  templateFor(kind: DocumentKind): Promise<TemplateRef & { bytes: Buffer }>;
  /** The bytes of the template a draft was made from: its issue is rendered with the same one. */
  bytesOf(ref: TemplateRef): Promise<Buffer>;
}

/** The templates shipped with the product. */
export const defaultTemplates: TemplateSource = {
  async templateFor(kind) {
    const t = DEFAULT_TEMPLATES[kind];
    return { id: t.id, version: t.version, bytes: await readFile(join(TEMPLATE_DIR, t.file)) };
  },
  async bytesOf(ref) {
    const t = Object.values(DEFAULT_TEMPLATES).find((d) => d.id === ref.id && d.version === ref.version);
    if (!t) throw new Error(`no template ${ref.id} version ${ref.version}`);
    return readFile(join(TEMPLATE_DIR, t.file));
  },
};

export async function renderDocx(template: Buffer, data: Record<string, unknown>): Promise<Buffer> {
  const out = await createReport({
    template,
    data,
    cmdDelimiter: ['{{', '}}'],
    rejectNullish: true,
    failFast: true,
    processLineBreaks: true,
    processLineBreaksAsNewText: true,
  });
  return Buffer.from(out);
}

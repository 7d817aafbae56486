/**
 * Renders a document from its template and its data with docx-templates. Runs in activities and
 * tests only, never in workflow code. A placeholder without a value fails the whole rendering:
 * never a half-made document.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createReport } from 'docx-templates';
import QRCode from 'qrcode';
import type { DocumentKind } from '../domain/documents/kinds';
import { DEFAULT_TEMPLATES, EARLIER_DEFAULT_TEMPLATES, TEMPLATE_DIR, type TemplateRef } from './templates';

export interface TemplateSource {
  /**
   * The template a new document of the kind is made from, and its bytes: the procuratorate's
   * latest upload where the source knows uploads, otherwise the shipped default.
   */
  templateFor(kind: DocumentKind, procuratorateId?: string): Promise<TemplateRef & { bytes: Buffer }>;
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
    const t = [...Object.values(DEFAULT_TEMPLATES), ...EARLIER_DEFAULT_TEMPLATES].find(
      (d) => d.id === ref.id && d.version === ref.version,
    );
    if (!t) throw new Error(`no template ${ref.id} version ${ref.version}`);
    return readFile(join(TEMPLATE_DIR, t.file));
  },
};

/**
 * Renders a template. `verifyUrl` in the data (set on an issued document, empty on a draft) is
 * also drawn as a QR code where the template says `{{IMAGE qrCode()}}`; another address of the
 * data as one where it says `{{IMAGE qrCode(organUrl)}}`.
 */
/** The QR code's image as the documents carry it (the same address gives the same bytes). */
export const qrPng = (text: string): Promise<Buffer> =>
  QRCode.toBuffer(text, { type: 'png', margin: 1, width: 300 });

export async function renderDocx(template: Buffer, data: Record<string, unknown>): Promise<Buffer> {
  const verifyUrl = typeof data.verifyUrl === 'string' ? data.verifyUrl : '';
  const out = await createReport({
    template,
    data,
    additionalJsContext: {
      qrCode: async (url?: unknown) => ({
        width: 2.5,
        height: 2.5,
        data: await qrPng((typeof url === 'string' ? url : verifyUrl) || '-'),
        extension: '.png',
      }),
    },
    cmdDelimiter: ['{{', '}}'],
    rejectNullish: true,
    failFast: true,
    processLineBreaks: true,
    processLineBreaksAsNewText: true,
  });
  return Buffer.from(out);
}

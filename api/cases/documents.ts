/**
 * A case's statutory documents: the list, and each one's DOCX. Scoped like the case itself: a
 * case of another procuratorate is not found.
 */
import type { Response } from 'express';
import { z } from 'zod';
import { DOCUMENT_KIND_IDS } from '../../domain/documents/kinds';
import { storable } from '../../domain/text';
import { findCaseInScope } from '../../store/case-reads';
import { systemPdfConverter, PdfUnavailableError, type PdfConverter } from '../../documents/pdf';
import { cachedPdf, caseDocuments, documentContent, savePdf, sha256Of } from '../../store/documents';
import type { Db } from '../../store/pool';
import { problems } from '../problem';
import { defineReadRoute } from '../route-kit';
import { defineRoute, type RouteTarget } from '../routing';
import { caseIdParam } from './schemas';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF_TYPE = 'application/pdf';

export interface DocumentDeps {
  db: Db;
  /** Converts to PDF; the process's LibreOffice when not given. */
  pdf?: PdfConverter;
}

const PDF_UNAVAILABLE = '本服务器未安装 LibreOffice，暂不能提供 PDF；请下载 Word 文档（DOCX）';

const downloadQuery = z.strictObject({
  format: z.enum(['docx', 'pdf']).default('docx').describe('docx（默认）或 pdf'),
});

const documentParam = caseIdParam.extend({
  docId: storable('文书编号').regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, '文书编号格式不正确'),
});

export const documentResponse = z.object({
  id: z.string(),
  kind: z.enum(DOCUMENT_KIND_IDS).describe('filing_decision 立案决定书，recommendation 检察建议书'),
  number: z.string().nullable().describe('文号（签发前为空）'),
  title: z.string(),
  status: z
    .enum(['draft', 'issued', 'superseded'])
    .describe('draft 草稿，issued 已签发，superseded 已被替代'),
  version: z.number(),
  sha256: z.string().nullable().describe('已签发文书 DOCX 内容的 SHA-256（与时间线一致）'),
  createdAt: z.string(),
  createdBy: z.string(),
  issuedAt: z.string().nullable(),
  template: z.object({ id: z.string(), version: z.number() }).describe('制作该文书所用的模板及其版本'),
  formats: z.array(z.enum(['docx', 'pdf'])).describe('可下载的格式：服务器未安装 LibreOffice 时只有 docx'),
});

async function requireCase(db: Db, caseId: string, procuratorateId: string): Promise<void> {
  if (!(await findCaseInScope(db, caseId, procuratorateId))) throw problems.notFound(`案件 ${caseId} 不存在`);
}

export function documentListRoute(target: RouteTarget, deps: DocumentDeps): void {
  defineReadRoute(
    target,
    {
      tag: '法律文书',
      path: '/:id/documents',
      summary: '案件的法律文书（立案决定书、检察建议书等）：草稿与已签发',
      params: caseIdParam,
      answer: { description: '文书清单，按制作先后', schema: z.array(documentResponse) },
      otherResponses: { 404: { description: '本院无此案件' } },
    },
    async ({ params, principal }) => {
      await requireCase(deps.db, params.id, principal.procuratorateId);
      const docs = await caseDocuments(deps.db, params.id);
      const formats: ('docx' | 'pdf')[] = (deps.pdf ?? systemPdfConverter()).available()
        ? ['docx', 'pdf']
        : ['docx'];
      return docs.map(({ subject: _subject, ...doc }) => ({ ...doc, formats }));
    },
  );
}

export function documentDownloadRoute(target: RouteTarget, deps: DocumentDeps): void {
  defineRoute(
    target,
    {
      method: 'get',
      path: '/:id/documents/:docId',
      tag: '法律文书',
      summary: '下载法律文书（Word 文档；?format=pdf 为 PDF）',
      description:
        'PDF 由 LibreOffice 转换，每份文书的每个版本只转换一次。服务器未安装 LibreOffice 时 ?format=pdf 答 503，文书清单的 formats 也只有 docx。',
      auth: 'user',
      params: documentParam,
      query: downloadQuery,
      responses: {
        200: { description: '文书的 DOCX（或 PDF）', contentType: DOCX_TYPE, alsoAs: [PDF_TYPE] },
        404: { description: '本院无此案件或该案件没有这份文书' },
        503: { description: '本服务器不能提供 PDF（未安装 LibreOffice 或转换失败）' },
      },
    },
    async ({ res, params, query, principal }) => {
      await requireCase(deps.db, params.id, principal.procuratorateId);
      const doc = await documentContent(deps.db, params.id, params.docId);
      if (!doc) throw problems.notFound(`案件 ${params.id} 没有文书 ${params.docId}`);
      const name = doc.number ? `${doc.title}${doc.number}` : `${doc.title}（草稿）`;
      if (query.format === 'pdf') {
        const pdf = await pdfOf(deps, doc.id, doc.content);
        return void sendFile(res, `${name}.pdf`, PDF_TYPE, pdf, 'inline');
      }
      sendFile(res, `${name}.docx`, DOCX_TYPE, doc.content, 'attachment');
    },
  );
}

/** The document's PDF: converted once per content, then served from the database. */
async function pdfOf(deps: DocumentDeps, documentId: string, docx: Buffer): Promise<Buffer> {
  const converter = deps.pdf ?? systemPdfConverter();
  const hash = sha256Of(docx);
  const cached = await cachedPdf(deps.db, documentId, hash);
  if (cached) return cached;
  if (!converter.available()) throw problems.unavailable(PDF_UNAVAILABLE);
  try {
    const pdf = await converter.convert(docx);
    await savePdf(deps.db, documentId, hash, pdf);
    return pdf;
  } catch (err) {
    if (err instanceof PdfUnavailableError)
      throw problems.unavailable(`暂不能生成 PDF（${err.message}）；请下载 Word 文档`, 30);
    throw err;
  }
}

/**
 * RFC 6266: an ASCII fallback name, and the Chinese name in filename* (RFC 8187 encoding). A PDF
 * is shown inline, so the browser can preview it.
 */
function sendFile(
  res: Response,
  name: string,
  type: string,
  content: Buffer,
  disposition: 'attachment' | 'inline',
): void {
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const ext = name.slice(name.lastIndexOf('.'));
  res.setHeader('Content-Type', type);
  res.setHeader(
    'Content-Disposition',
    `${disposition}; filename="document${ext}"; filename*=UTF-8''${encoded}`,
  );
  res.setHeader('Cache-Control', 'private, no-store');
  res.send(content);
}

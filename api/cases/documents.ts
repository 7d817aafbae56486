/**
 * A case's statutory documents: the list, and each one's DOCX. Scoped like the case itself: a
 * case of another procuratorate is not found.
 */
import type { Response } from 'express';
import { z } from 'zod';
import {
  DRAFT_PART_LABELS,
  EDITABLE_FIELDS,
  editableParts,
  foreignPart,
} from '../../domain/documents/content';
import { DOCUMENT_KIND_IDS, DOCUMENT_KINDS } from '../../domain/documents/kinds';
import type { Client } from '@temporalio/client';
import { createHash, randomUUID } from 'node:crypto';
import { storable, text } from '../../domain/text';
import { caseWorkflowId, reviseDocumentUpdate } from '../../workflows/contract';
import { within } from './bounded';
import { systemPdfConverter, PdfUnavailableError, type PdfConverter } from '../../documents/pdf';
import { cachedPdf, caseDocuments, documentContent, savePdf, sha256Of } from '../../store/documents';
import type { Db } from '../../store/pool';
import { problems } from '../problem';
import { defineReadRoute } from '../route-kit';
import { defineRoute, type RouteTarget } from '../routing';
import { caseIdParam } from './schemas';
import { readableCase, writableCase } from '../oversight/scope';

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
  kind: z
    .enum(DOCUMENT_KIND_IDS)
    .describe(DOCUMENT_KIND_IDS.map((k) => `${k} ${DOCUMENT_KINDS[k].title}`).join('，')),
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
  editable: z
    .object({
      harmFacts: z.string().optional(),
      nonPerformance: z.string().optional(),
      legalBasis: z.string().optional().describe('法律依据全文，每行一条'),
      legalBases: z.array(z.string()).optional().describe('检察建议书的法律依据，每条一项'),
      items: z.array(z.string()).optional(),
      otherMatters: z.string().optional(),
      claims: z.array(z.string()).optional().describe('起诉书的诉讼请求，每项一条（不含编号）'),
    })
    .nullable()
    .describe(
      '草稿可修改部分的现有内容：检察建议书草稿为事实、理由、法律依据、建议事项和其他事项，起诉书草稿为诉讼请求；已签发或不可修改的文书为空',
    ),
});

/** A document as the API lists it: no subject or data, its formats and its editable parts. */
function listed(
  deps: DocumentDeps,
  { subject: _subject, data, ...doc }: Awaited<ReturnType<typeof caseDocuments>>[number],
): z.infer<typeof documentResponse> {
  const formats: ('docx' | 'pdf')[] = (deps.pdf ?? systemPdfConverter()).available()
    ? ['docx', 'pdf']
    : ['docx'];
  return { ...doc, formats, editable: editableParts(doc.kind, doc.status, data) };
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
      await readableCase(deps.db, params.id, principal);
      return (await caseDocuments(deps.db, params.id)).map((doc) => listed(deps, doc));
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
      await readableCase(deps.db, params.id, principal);
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
 * RFC 6266: an ASCII fallback name (the name itself when it is plain ASCII, else `fallback` with
 * the name's extension), and the full name in filename* (RFC 8187 encoding).
 */
export function attachmentDisposition(name: string, inline = false, fallback = 'file'): string {
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const extension = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? '';
  const ascii = /^[\x20-\x7e]+$/.test(name) && !/["\\]/.test(name) ? name : `${fallback}${extension}`;
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A document's bytes; a PDF is shown inline, so the browser can preview it. */
export function sendFile(
  res: Response,
  name: string,
  type: string,
  content: Buffer,
  disposition: 'attachment' | 'inline',
): void {
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', attachmentDisposition(name, disposition === 'inline', 'document'));
  res.setHeader('Cache-Control', 'private, no-store');
  res.send(content);
}

export const reviseDraftBody = z
  .strictObject({
    harmFacts: text('侵害事实', 5000).optional(),
    nonPerformance: text('不依法履职的事实和理由', 5000).optional(),
    legalBasis: text('法律依据', 2000).optional().describe('法律依据全文，每行一条（与 legalBases 二选一）'),
    legalBases: z
      .array(text('法律依据', 300))
      .min(1, '至少一条法律依据')
      .max(20, '法律依据最多 20 条')
      .optional()
      .describe('检察建议书的法律依据，每条一项，如《中华人民共和国行政诉讼法》第二十五条第四款'),
    items: z
      .array(text('建议事项', 1000))
      .min(1, '至少一项建议')
      .max(20, '建议事项最多 20 项')
      .optional()
      .describe('具体建议，每项一条（编号自动生成）'),
    otherMatters: text('其他事项', 2000).optional(),
    claims: z
      .array(text('诉讼请求', 1000))
      .min(1, '至少一项诉讼请求')
      .max(20, '诉讼请求最多 20 项')
      .optional()
      .describe('起诉书的诉讼请求，每项一条（编号自动生成）'),
  })
  .refine((b) => Object.keys(b).length > 0, { message: '没有要修改的内容' })
  .refine((b) => b.legalBasis === undefined || b.legalBases === undefined, {
    message: '法律依据请只用 legalBases（每条一项）或 legalBasis（每行一条）中的一种',
    path: ['legalBases'],
  });

/**
 * The handler's edits to a draft 检察建议书 before the chief's decision. Sent to the case
 * workflow (the decision and an edit never cross); an issued document is refused with 409.
 */
export function documentReviseRoute(
  target: RouteTarget,
  deps: DocumentDeps & { temporal: Client; answerMs: number },
): void {
  defineRoute(
    target,
    {
      method: 'put',
      path: '/:id/documents/:docId',
      tag: '法律文书',
      summary:
        '修改文书草稿的正文（检察建议书的事实、理由、法律依据各条、建议事项、其他事项；起诉书的诉讼请求）',
      description:
        '只能在决定签发之前由承办检察官或部门负责人修改；已签发的文书不能修改（409）。只能修改该类文书有的部分：如检察建议书没有诉讼请求（422）。',
      auth: 'user',
      roles: ['prosecutor', 'head'],
      params: documentParam,
      body: reviseDraftBody,
      responses: {
        200: { description: '修改后的文书', schema: documentResponse },
        403: { description: '不是本案承办检察官' },
        404: { description: '本院无此案件或该案件没有这份文书' },
        409: { description: '文书已签发或已被替代，或该类文书没有可修改的内容' },
        422: { description: '内容有误' },
        503: { description: '办案流程暂未响应（见 Retry-After）' },
      },
    },
    async ({ req, res, params, body, principal }) => {
      await writableCase(deps.db, params.id, principal);
      const doc = (await caseDocuments(deps.db, params.id)).find((d) => d.id === params.docId);
      if (!doc) throw problems.notFound(`案件 ${params.id} 没有文书 ${params.docId}`);
      if (doc.status !== 'draft')
        throw problems.conflict(
          'document-final',
          `文书已${doc.status === 'issued' ? '签发' : '被替代'}，不能修改`,
        );
      if (!EDITABLE_FIELDS[doc.kind])
        throw problems.conflict('document-not-editable', `${doc.title}没有可修改的草稿内容`);
      const foreign = foreignPart(doc.kind, body);
      if (foreign) {
        const message = `${doc.title}没有可修改的“${DRAFT_PART_LABELS[foreign]}”`;
        throw problems.validation(message, [{ path: foreign, message }]);
      }
      const key = req.get('idempotency-key') ?? randomUUID();
      const updateId = createHash('sha256')
        .update(`revise:${principal.userId}:${key}`)
        .digest('hex')
        .slice(0, 32);
      const handle = deps.temporal.workflow.getHandle(caseWorkflowId(params.id));
      const done = await within(deps.temporal, deps.answerMs, () =>
        handle.executeUpdate(reviseDocumentUpdate, {
          args: [
            {
              actor: {
                userId: principal.userId,
                roles: principal.roles,
                procuratorateId: principal.procuratorateId,
              },
              idempotencyKey: key,
              documentId: params.docId,
              changes: body,
            },
          ],
          updateId,
        }),
      );
      if (!done.done)
        throw problems.unavailable('办案流程暂未响应，请稍后用同一请求（同一 Idempotency-Key）重试', 5);
      const after = (await caseDocuments(deps.db, params.id)).find((d) => d.id === params.docId)!;
      res.json(listed(deps, after));
    },
  );
}

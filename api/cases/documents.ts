/**
 * A case's statutory documents: the list, and each one's DOCX. Scoped like the case itself: a
 * case of another procuratorate is not found.
 */
import type { Response } from 'express';
import { z } from 'zod';
import { DOCUMENT_KIND_IDS } from '../../domain/documents/kinds';
import { storable } from '../../domain/text';
import { findCaseInScope } from '../../store/case-reads';
import { caseDocuments, documentContent } from '../../store/documents';
import type { Db } from '../../store/pool';
import { problems } from '../problem';
import { defineReadRoute } from '../route-kit';
import { defineRoute, type RouteTarget } from '../routing';
import { caseIdParam } from './schemas';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

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
});

async function requireCase(db: Db, caseId: string, procuratorateId: string): Promise<void> {
  if (!(await findCaseInScope(db, caseId, procuratorateId))) throw problems.notFound(`案件 ${caseId} 不存在`);
}

export function documentListRoute(target: RouteTarget, deps: { db: Db }): void {
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
      return docs.map(({ subject: _subject, ...doc }) => doc);
    },
  );
}

export function documentDownloadRoute(target: RouteTarget, deps: { db: Db }): void {
  defineRoute(
    target,
    {
      method: 'get',
      path: '/:id/documents/:docId',
      tag: '法律文书',
      summary: '下载法律文书（Word 文档）',
      auth: 'user',
      params: documentParam,
      responses: {
        200: { description: '文书的 DOCX', contentType: DOCX_TYPE },
        404: { description: '本院无此案件或该案件没有这份文书' },
      },
    },
    async ({ res, params, principal }) => {
      await requireCase(deps.db, params.id, principal.procuratorateId);
      const doc = await documentContent(deps.db, params.id, params.docId);
      if (!doc) throw problems.notFound(`案件 ${params.id} 没有文书 ${params.docId}`);
      sendDocx(res, doc.number ? `${doc.title}${doc.number}` : `${doc.title}（草稿）`, doc.content);
    },
  );
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

function sendDocx(res: Response, name: string, content: Buffer): void {
  res.setHeader('Content-Type', DOCX_TYPE);
  res.setHeader('Content-Disposition', attachmentDisposition(`${name}.docx`, false, 'document'));
  res.setHeader('Cache-Control', 'private, no-store');
  res.send(content);
}

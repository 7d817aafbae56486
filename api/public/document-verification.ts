/**
 * The verification of an issued document by the token its QR code carries (/verify/<token>): no
 * account; the number, kind, date, issuing procuratorate and hash — nothing else about the case.
 * A draft has no token, so it is never verifiable.
 */
import type { Router } from 'express';
import { z } from 'zod';
import { DOCUMENT_KINDS, DOCUMENT_KIND_IDS } from '../../domain/documents/kinds';
import type { Db } from '../../store/pool';
import { documentByVerificationToken } from '../../store/documents';
import { problems } from '../problem';
import { defineReadRoute, routerOf } from '../route-kit';
import type { RouteRegistry, RouteTarget } from '../routing';

const tokenParam = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '核验码格式不正确'),
});

export const verifiedDocumentResponse = z.object({
  number: z.string().describe('文号'),
  kind: z.enum(DOCUMENT_KIND_IDS),
  kindTitle: z.string().describe('文书种类，如 检察建议书'),
  status: z.enum(['issued', 'superseded']).describe('issued 有效，superseded 已被新版本替代'),
  issuedOn: z.string().describe('落款日期（YYYY-MM-DD）'),
  procuratorate: z.string().describe('制发文书的检察院'),
  sha256: z.string().describe('签发的 DOCX 文件的 SHA-256'),
});

export function documentVerificationRoutes(deps: { db: Db }, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/public/documents', deps, [verifyRoute]);
}

function verifyRoute(target: RouteTarget, deps: { db: Db }): void {
  defineReadRoute(
    target,
    {
      tag: '文书核验（公开）',
      auth: 'public',
      path: '/:token',
      summary: '按文书上二维码的核验码核验已签发的法律文书（无需登录）',
      params: tokenParam,
      answer: { description: '文书的文号、种类、日期、制发单位和哈希', schema: verifiedDocumentResponse },
      otherResponses: { 404: { description: '没有以此核验码签发的文书' } },
    },
    async ({ params }) => {
      const doc = await documentByVerificationToken(deps.db, params.token);
      if (!doc || doc.status === 'draft') throw problems.notFound('没有以此核验码签发的文书');
      return { ...doc, status: doc.status, kindTitle: DOCUMENT_KINDS[doc.kind].title };
    },
  );
}

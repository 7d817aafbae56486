import type { Response, Router } from 'express';
import { CASE_ACTING_ROLES } from '../../domain/roles';
import type { Db } from '../../store/pool';
import { findPublicLead, listPublicLeads, type PublicLeadRow } from '../../store/public-leads';
import { declinePublicLead, findAttachment, listAttachments } from '../../store/public-lead-staff';
import { problems } from '../problem';
import { defineReadRoute, routerOf } from '../route-kit';
import { defineRoute, type RouteRegistry, type RouteTarget } from '../routing';
import {
  attachmentParam,
  declineBody,
  leadIdParam,
  leadQueueResponse,
  listLeadsQuery,
  staffLeadDetailResponse,
} from './schemas';

const READERS = {
  tag: '群众线索（办案）',
  auth: 'user',
  roles: ['prosecutor', 'head', 'chief', 'case_office'],
} as const;
const DECIDERS = { ...READERS, roles: CASE_ACTING_ROLES };

/** Staff side of the public intake: the evaluation queue of the procuratorate. */
export function publicLeadStaffRoutes(deps: { db: Db }, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/leads/public', deps, [
    queueRoute,
    detailRoute,
    attachmentRoute,
    declineRoute,
  ]);
}

function queueRoute(target: RouteTarget, { db }: { db: Db }): void {
  defineReadRoute(
    target,
    {
      ...READERS,
      summary: '群众反映的线索（评估队列，先到先列，分页）',
      query: listLeadsQuery,
      answer: { description: '一页线索及总数', schema: leadQueueResponse },
    },
    async ({ query, principal }) => {
      const { rows, total } = await listPublicLeads(db, principal.procuratorateId, query);
      return { items: rows.map(presentLead), total };
    },
  );
}

function detailRoute(target: RouteTarget, { db }: { db: Db }): void {
  defineReadRoute(
    target,
    {
      ...READERS,
      path: '/:id',
      summary: '群众线索详情（含联系方式与附件清单）',
      params: leadIdParam,
      answer: { description: '线索', schema: staffLeadDetailResponse },
      otherResponses: { 404: { description: '本院没有这条线索' } },
    },
    ({ params, principal }) => leadDetail(db, params.id, principal.procuratorateId),
  );
}

function attachmentRoute(target: RouteTarget, deps: { db: Db }): void {
  const { db } = deps;
  defineRoute(
    target,
    {
      method: 'get',
      path: '/:id/attachments/:n',
      summary: '下载群众线索的附件',
      ...READERS,
      params: attachmentParam,
      responses: {
        200: { description: '附件内容', contentType: 'application/octet-stream' },
        404: { description: '没有这个附件' },
      },
    },
    async ({ res, params, principal }) => {
      const file = await findAttachment(db, {
        leadId: params.id,
        n: params.n,
        procuratorateId: principal.procuratorateId,
      });
      if (!file) throw problems.notFound('没有这个附件');
      sendAttachment(res, file);
    },
  );
}

function declineRoute(target: RouteTarget, deps: { db: Db }): void {
  const { db } = deps;
  defineRoute(
    target,
    {
      method: 'post',
      path: '/:id/decline',
      summary: '不予受理（不登记为案件）',
      ...DECIDERS,
      params: leadIdParam,
      body: declineBody,
      responses: {
        200: { description: '已不予受理', schema: staffLeadDetailResponse },
        404: { description: '本院没有这条线索' },
        409: { description: '已登记为案件或已不予受理' },
      },
    },
    async ({ res, params, body, principal }) => {
      const claim = await declinePublicLead(db, {
        id: params.id,
        procuratorateId: principal.procuratorateId,
        by: principal.userId,
        reason: body.reason,
      });
      if (claim === 'missing') throw problems.notFound('本院没有这条线索');
      if (claim === 'has_case') throw problems.conflict('lead-has-case', '该线索已登记为案件');
      if (claim === 'declined') throw problems.conflict('lead-declined', '该线索已不予受理');
      res.json(await leadDetail(db, params.id, principal.procuratorateId));
    },
  );
}

async function leadDetail(db: Db, id: string, procuratorateId: string) {
  const row = await findPublicLead(db, id, procuratorateId);
  if (!row) throw problems.notFound('本院没有这条线索');
  const attachments = await listAttachments(db, id);
  return {
    ...presentLead(row),
    contact: { name: row.contact_name, phone: row.contact_phone, email: row.contact_email },
    declinedBy: row.declined_by,
    declinedAt: row.declined_at?.toISOString() ?? null,
    attachments: attachments.map((a) => ({
      n: a.n,
      fileName: a.file_name,
      mediaType: a.media_type,
      size: a.size,
      sha256: a.sha256,
    })),
  };
}

function presentLead(row: PublicLeadRow) {
  return {
    id: row.id,
    procuratorateId: row.procuratorate_id,
    status: row.status,
    description: row.description,
    location: row.location,
    domainGuess: row.domain_code,
    hasContact: Boolean(row.contact_name || row.contact_phone || row.contact_email),
    attachmentCount: row.attachment_count,
    caseId: row.case_id,
    declineReason: row.decline_reason,
    submittedAt: row.submitted_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A file from the public, sent so that no browser renders or sniffs it in our origin. */
function sendAttachment(
  res: Response,
  file: { n: number; file_name: string; media_type: string; content: Buffer },
) {
  const ext = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' }[file.media_type] ?? 'bin';
  res.setHeader('Content-Type', file.media_type);
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="attachment-${file.n}.${ext}"; filename*=UTF-8''${encodeURIComponent(file.file_name)}`,
  );
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.setHeader('Cache-Control', 'private, no-store');
  res.send(file.content);
}

/** What the organs answered online, item by item beside each recommendation's items, for the case page. */
import { z } from 'zod';
import { recommendationsOf } from '../../store/case-reads';
import { organReplyOf } from '../../store/organ-access';
import { defineReadRoute, type RouteDeclaration } from '../route-kit';
import { organReplyResponse } from '../organ/schemas';
import type { EvidenceDeps } from './evidence';
import { caseIdParam } from './schemas';
import { readableCase } from '../oversight/scope';

const organReply = organReplyResponse.extend({ recommendationId: z.string(), organId: z.string() });

export const organRepliesRoute: RouteDeclaration<EvidenceDeps> = (target, deps) =>
  defineReadRoute(
    target,
    {
      tag: '行政机关在线办理',
      path: '/:id/organ-replies',
      summary: '各检察建议的建议事项，及被建议机关在线逐项答复和上传的材料',
      params: caseIdParam,
      answer: { description: '每份检察建议一项', schema: z.array(organReply) },
      otherResponses: { 404: { description: '本院无此案件' } },
    },
    async ({ params, principal }) => {
      await readableCase(deps.db, params.id, principal);
      const recs = await recommendationsOf(deps.db, params.id);
      return Promise.all(
        recs.map(async (r) => ({
          recommendationId: r.recommendation_id,
          organId: r.organ_id,
          ...(await organReplyOf(deps.db, {
            caseId: params.id,
            recommendationId: r.recommendation_id,
            organId: r.organ_id,
          })),
        })),
      );
    },
  );

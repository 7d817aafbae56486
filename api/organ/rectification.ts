/**
 * The organ during the rectification period: it reports progress (added, never changed) and asks
 * for more time with its reasons. The period moves only when the prosecutor grants the request
 * (the staff action decideRectificationExtension on the case).
 */
import { ACTION_SCHEMAS } from '../../domain/case/payloads';
import { shanghaiDate } from '../../domain/time';
import { problems } from '../problem';
import type { RouteDeclaration } from '../route-kit';
import { defineRoute } from '../routing';
import { act, SESSION_NOTE, TAG, viewOf, type OrganDeps } from './acting';
import { organViewResponse } from './schemas';
import { requireOrganSession } from './session';

const REFUSED = {
  401: { description: '未凭验证码进入或会话已过期' },
  409: { description: '尚未签收、整改期限已不在进行中，或案件已办结' },
  410: { description: '检察建议已撤回或被替代' },
  422: { description: '参数有误' },
} as const;

export const progressRoute: RouteDeclaration<OrganDeps> = (target, deps) =>
  defineRoute(
    target,
    {
      method: 'post',
      path: '/recommendation/progress',
      ...TAG,
      summary: `整改期间报送整改进展（只增不改）（${SESSION_NOTE}）`,
      body: ACTION_SCHEMAS.reportRectificationProgress.omit({ recommendationId: true }),
      responses: { 200: { description: '已记录', schema: organViewResponse }, ...REFUSED },
    },
    async ({ req, res, body }) => {
      const { access, actor } = await requireOrganSession(deps, req);
      const today = shanghaiDate(deps.now());
      if (body.asOf > today)
        throw problems.validation(`进展截至日期（${body.asOf}）不能晚于今日（${today}）`, [
          { path: 'asOf', message: '不能晚于今日' },
        ]);
      const recommendationId = access.recommendation_id;
      await act(deps, access, actor, 'reportRectificationProgress', { recommendationId, ...body });
      res.json(await viewOf(deps, access));
    },
  );

export const extensionRoute: RouteDeclaration<OrganDeps> = (target, deps) =>
  defineRoute(
    target,
    {
      method: 'post',
      path: '/recommendation/extension-requests',
      ...TAG,
      summary: `申请延长整改期限，说明理由；由检察机关决定是否准予（${SESSION_NOTE}）`,
      description: '同一时间只能有一项待决定的申请；申请的日期须晚于现在的整改期限。',
      body: ACTION_SCHEMAS.requestRectificationExtension.omit({ recommendationId: true }),
      responses: { 200: { description: '已提交，待检察机关决定', schema: organViewResponse }, ...REFUSED },
    },
    async ({ req, res, body }) => {
      const { access, actor } = await requireOrganSession(deps, req);
      const today = shanghaiDate(deps.now());
      if (body.until <= today)
        throw problems.validation(`申请延长至的日期（${body.until}）须晚于今日（${today}）`, [
          { path: 'until', message: '须晚于今日' },
        ]);
      const recommendationId = access.recommendation_id;
      await act(deps, access, actor, 'requestRectificationExtension', { recommendationId, ...body });
      res.json(await viewOf(deps, access));
    },
  );

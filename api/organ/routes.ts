/**
 * The administrative organ's pages of one recommendation (no staff account): open the link, get a
 * code by mail, sign in with it, then read the recommendation, confirm receipt, answer its items,
 * add files, report progress and ask for more time (./rectification.ts). Every access and every step goes to the case workflow, which records it.
 */
import type { Router } from 'express';
import { z } from 'zod';
import { itemAnswer } from '../../domain/case/payloads';
import type { Payloads } from '../../domain/case/payloads';
import { text } from '../../domain/text';
import { codeWait, type OrganAccessRow } from '../../store/organ-access';
import {
  attachPayload,
  discardRest,
  discardUnrecorded,
  fileTooLarge,
  limitsOf,
  storeBody,
} from '../cases/evidence';
import { problems } from '../problem';
import { routerOf, type RouteDeclaration } from '../route-kit';
import { defineRoute, type RouteRegistry } from '../routing';
import { act, SESSION_NOTE, TAG, viewOf, type OrganDeps } from './acting';
import { extensionRoute, progressRoute } from './rectification';
import {
  openLink,
  organActor,
  requireOrganSession,
  sendCode,
  signIn,
  tooManyWrong,
  wrongCode,
} from './session';
import { organReplyResponse, organViewResponse } from './schemas';

export type { OrganDeps } from './acting';

const tokenParam = z.strictObject({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/, '链接格式不正确')
    .describe('检察建议书链接中的访问码'),
});

export function organRoutes(deps: OrganDeps, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/organ', deps, [
    linkRoute,
    codeRoute,
    sessionRoute,
    viewRoute,
    receiptRoute,
    answersRoute,
    fileRoute,
    progressRoute,
    extensionRoute,
  ]);
}

/** Logs an access on the case's timeline; a workflow that does not answer in time does not stop the organ. */
async function logAccess(
  deps: OrganDeps,
  access: OrganAccessRow,
  event: Payloads['recordOrganAccess']['event'],
): Promise<void> {
  const actor = organActor(access, access.email);
  await act(deps, access, actor, 'recordOrganAccess', { recommendationId: access.recommendation_id, event });
}

const linkRoute: RouteDeclaration<OrganDeps> = (target, deps) =>
  defineRoute(
    target,
    {
      method: 'get',
      path: '/links/:token',
      ...TAG,
      summary: '打开检察建议书链接：被建议机关的名称和接收验证码的邮箱（部分隐去）',
      params: tokenParam,
      responses: {
        200: {
          description: '链接有效',
          schema: z.object({ organName: z.string(), maskedEmail: z.string() }),
        },
        404: { description: '链接无效' },
        409: { description: '案件已办结归档，链接不再受理' },
        410: { description: '检察建议已撤回或被替代（不显示其他内容）' },
      },
    },
    async ({ res, params }) => {
      const access = await openLink(deps.db, params.token);
      res.json({ organName: access.organ_name, maskedEmail: masked(access.email) });
    },
  );

const codeRoute: RouteDeclaration<OrganDeps> = (target, deps) =>
  defineRoute(
    target,
    {
      method: 'post',
      path: '/links/:token/code',
      ...TAG,
      summary: '向被建议机关登记的邮箱发送一次性验证码',
      description: '每个链接每小时至多发送 5 次验证码；验证码 10 分钟内有效，仅可使用一次。',
      params: tokenParam,
      idempotent: false,
      responses: {
        202: { description: '验证码已发出', schema: z.object({ sentTo: z.string(), minutes: z.number() }) },
        404: { description: '链接无效' },
        409: { description: '案件已办结归档，链接不再受理' },
        410: { description: '检察建议已撤回或被替代' },
        429: { description: '发送过于频繁（Retry-After）' },
        503: { description: '邮件暂未发出' },
      },
    },
    async ({ res, params }) => {
      const access = await openLink(deps.db, params.token);
      await sendCode(deps, access);
      await logAccess(deps, access, 'code_sent');
      res.status(202).json({ sentTo: masked(access.email), minutes: deps.limits.codeMinutes });
    },
  );

const sessionRoute: RouteDeclaration<OrganDeps> = (target, deps) =>
  defineRoute(
    target,
    {
      method: 'post',
      path: '/links/:token/session',
      ...TAG,
      summary: '凭验证码进入：设置仅限该份检察建议的短时会话 Cookie',
      description:
        '验证码错误或过期时答复 422；15 分钟内错误 5 次后答复 429，并在 Retry-After 中说明等待秒数。',
      params: tokenParam,
      body: z.strictObject({
        code: z
          .string()
          .regex(/^\d{6}$/, '验证码为 6 位数字')
          .describe('邮件中的验证码'),
      }),
      idempotent: false,
      beforeBody: async (req) => {
        const token = String(req.params.token ?? '');
        const wait = await codeWait(deps.db, token, deps.limits.wrongCodes, 'failures').catch(() => 0);
        if (wait > 0) throw tooManyWrong(wait);
      },
      responses: {
        204: { description: '已进入（Set-Cookie）' },
        404: { description: '链接无效' },
        409: { description: '案件已办结归档，链接不再受理' },
        410: { description: '检察建议已撤回或被替代' },
        422: { description: '验证码错误或已过期' },
        429: { description: '错误次数过多（Retry-After）' },
      },
    },
    async ({ res, params, body }) => {
      const access = await openLink(deps.db, params.token);
      const ok = await signIn(deps, access, body.code, res);
      await logAccess(deps, access, ok ? 'signed_in' : 'code_refused');
      if (!ok) throw wrongCode();
      res.status(204).end();
    },
  );

const viewRoute: RouteDeclaration<OrganDeps> = (target, deps) =>
  defineRoute(
    target,
    {
      method: 'get',
      path: '/recommendation',
      ...TAG,
      summary: `本机关的这份检察建议：逐项内容、签收与回复期限、已提交的答复和文件（${SESSION_NOTE}）`,
      responses: {
        200: { description: '检察建议', schema: organViewResponse },
        401: { description: '未凭验证码进入或会话已过期' },
        409: { description: '案件已办结归档，链接不再受理' },
        410: { description: '检察建议已撤回或被替代' },
      },
    },
    async ({ req, res }) => {
      const { access } = await requireOrganSession(deps, req);
      res.json(await viewOf(deps, access));
    },
  );

const receiptRoute: RouteDeclaration<OrganDeps> = (target, deps) =>
  defineRoute(
    target,
    {
      method: 'post',
      path: '/recommendation/receipt',
      ...TAG,
      summary: `在线确认签收检察建议书：回复期限自今日起算（${SESSION_NOTE}）`,
      body: z.strictObject({ confirmedBy: text('确认签收人姓名', 100) }),
      responses: {
        200: { description: '已签收', schema: organViewResponse },
        401: { description: '未凭验证码进入或会话已过期' },
        409: { description: '已登记签收，或案件已办结' },
        410: { description: '检察建议已撤回或被替代' },
        422: { description: '参数有误' },
      },
    },
    async ({ req, res, body }) => {
      const { access, actor } = await requireOrganSession(deps, req);
      const recommendationId = access.recommendation_id;
      await act(deps, access, actor, 'confirmReceiptOnline', {
        recommendationId,
        confirmedBy: body.confirmedBy,
      });
      res.json(await viewOf(deps, access));
    },
  );

const answersRoute: RouteDeclaration<OrganDeps> = (target, deps) =>
  defineRoute(
    target,
    {
      method: 'post',
      path: '/recommendation/answers',
      ...TAG,
      summary: `逐项答复（每项只能答复一次，已提交的不能修改）（${SESSION_NOTE}）`,
      body: z.strictObject({ answers: z.array(itemAnswer).min(1).max(100) }),
      responses: {
        200: { description: '已记录', schema: organViewResponse },
        401: { description: '未凭验证码进入或会话已过期' },
        409: { description: '尚未签收、该项已答复，或案件已办结' },
        410: { description: '检察建议已撤回或被替代' },
        422: { description: '参数有误' },
      },
    },
    async ({ req, res, body }) => {
      const { access, actor } = await requireOrganSession(deps, req);
      const { items } = await viewOf(deps, access);
      const beyond = body.answers.find((a) => a.item > items.length);
      if (beyond)
        throw problems.validation(`检察建议共 ${items.length} 项，没有第 ${beyond.item} 项`, [
          { path: 'answers.item', message: '超出建议事项' },
        ]);
      const recommendationId = access.recommendation_id;
      await act(deps, access, actor, 'answerRecommendationItems', {
        recommendationId,
        answers: body.answers,
      });
      res.json(await viewOf(deps, access));
    },
  );

const fileRoute: RouteDeclaration<OrganDeps> = (target, deps) =>
  defineRoute(
    target,
    {
      method: 'post',
      path: '/recommendation/files',
      ...TAG,
      summary: `上传整改材料（照片、PDF 等，请求体即文件，流式保存）（${SESSION_NOTE}）`,
      query: z.strictObject({
        name: text('文件名', 255).refine((n) => !/[\\/]/.test(n), '文件名不能包含路径分隔符'),
      }),
      rawBody: { contentType: 'application/octet-stream', description: '文件内容' },
      idempotent: false,
      responses: {
        201: { description: '已保存并记入时间线', schema: organReplyResponse.shape.files.element },
        401: { description: '未凭验证码进入或会话已过期' },
        409: { description: '案件已办结归档，链接不再受理' },
        410: { description: '检察建议已撤回或被替代' },
        413: { description: '超过大小上限' },
        415: { description: '文件类型不接受' },
        422: { description: '参数有误' },
      },
    },
    async ({ req, res, query }) => {
      try {
        const { access, actor } = await requireOrganSession(deps, req);
        const declared = Number(req.get('content-length') ?? NaN);
        if (Number.isFinite(declared) && declared > limitsOf(deps).fileBytes)
          throw fileTooLarge(limitsOf(deps));
        const recommendationId = access.recommendation_id;
        const stored = await storeBody(deps, req, {
          caseId: access.case_id,
          procuratorateId: access.procuratorate_id,
          name: query.name,
          addedBy: actor.userId,
          recommendationId,
        });
        const file = attachPayload({ ...stored, source: 'upload' });
        try {
          await act(deps, access, actor, 'attachEvidence', { file, recommendationId }, stored.id);
        } catch (err) {
          // Not on the timeline: the file and its bytes go, as a staff upload's do.
          await discardUnrecorded(deps, stored.id);
          throw err;
        }
        res.status(201).json({ ...stored, addedAt: new Date().toISOString() });
      } catch (err) {
        discardRest(req, res);
        throw err;
      }
    },
  );

/** The address with most of its local part hidden: enough for the organ to know which mailbox. */
function masked(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 2)}***@${domain}`;
}

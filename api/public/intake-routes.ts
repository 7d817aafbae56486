import type { Request, Router } from 'express';
import { currentDomain } from '../../store/reference';
import type { Db } from '../../store/pool';
import { findStatusByCode, insertPublicLead, submissionWait } from '../../store/public-leads';
import { currentDomains, procuratorateExists, publicProcuratorates } from '../../store/public-lead-staff';
import { keyedHash } from '../auth/keyed-hash';
import { newId } from '../auth/opaque-tokens';
import { problems } from '../problem';
import { defineReadRoute, routerOf } from '../route-kit';
import { defineRoute, type RouteRegistry, type RouteTarget } from '../routing';
import { checkAttachments } from './attachments';
import { clientNetwork } from './client-network';
import { checkProof, issueChallenge, proofRequired } from './proof-of-work';
import { INTAKE_PROOF_HEADER } from '../../domain/intake-proof';
import { spendIntakeProof } from '../../store/intake-proofs';
import {
  challengeResponse,
  domainItems,
  namedItems,
  publicStatusResponse,
  submitLeadBody,
  submittedResponse,
  trackingCodeParam,
  type SubmitLeadBody,
} from './schemas';
import { newTrackingCode, normaliseTrackingCode, TRACKING_CODE_PATTERN } from './tracking-code';

const PUBLIC = { tag: '群众线索（公开）', auth: 'public' } as const;

export interface IntakeDeps {
  db: Db;
  secret: string;
  /** Leads one sender (an IPv4 address, an IPv6 /64) may submit per hour. */
  leadsPerHour: number;
  /** Leads the public may submit to one procuratorate per day (Asia/Shanghai). */
  leadsPerDay: number;
  /** Zero bits the proof of work must find (each one doubles the sender's work; 18 ≈ a second). */
  proofBits: number;
  now: () => Date;
}

/** The public intake form: no account; a tracking code instead. */
export function publicIntakeRoutes(deps: IntakeDeps, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/public', deps, [
    challengeRoute,
    submitRoute,
    statusRoute,
    procuratoratesRoute,
    domainsRoute,
  ]);
}

function submitRoute(target: RouteTarget, deps: IntakeDeps): void {
  defineRoute(
    target,
    {
      method: 'post',
      path: '/leads',
      ...PUBLIC,
      summary: '反映公益诉讼线索',
      description:
        '无需登录。须带 X-Intake-Proof 头：GET /api/public/challenge 取得的验证题 challenge 与解 nonce，格式 `<challenge>:<nonce>`，SHA-256(`<challenge>:<nonce>`) 须以 difficulty 个 0 比特开头；每个解只能用一次。同一地址（IPv6 按 /64 网段计）每小时至多提交 5 次；验证与频率都在读取请求体之前检查。每个检察院每天受理的群众线索有总量上限。请求体至多约 9 MB（含附件）。',
      headers: [{ name: 'X-Intake-Proof', description: '提交前验证：`<challenge>:<nonce>`', required: true }],
      bodyLimit: '9mb',
      beforeBody: async (req) => {
        checkProof(deps.secret, req.get(INTAKE_PROOF_HEADER), deps.proofBits, deps.now());
        const wait = await submissionWait(deps.db, submitterOf(deps, req), deps.leadsPerHour);
        if (wait > 0) throw tooFrequent(wait);
      },
      body: submitLeadBody,
      responses: {
        201: { description: '已收到；请保存查询码', schema: submittedResponse },
        428: { description: '缺少提交前验证，或验证无效、已过期、未完成、已使用过' },
        429: { description: '提交过于频繁' },
      },
    },
    async ({ req, res, body }) => {
      // Spent here, inside the Idempotency-Key's replay: a retry of the same request gets its
      // first answer, while the same solution on another request is refused.
      const proof = checkProof(deps.secret, req.get(INTAKE_PROOF_HEADER), deps.proofBits, deps.now());
      if (!(await spendIntakeProof(deps.db, proof.id, proof.expiresAt)))
        throw proofRequired('这次提交前验证已经用过，请重新提交（页面会自动完成新的验证）');
      const submitted = await submitLead(deps, body, submitterOf(deps, req));
      res.status(201).json(submitted);
    },
  );
}

/** Who a submission counts against: a keyed hash of the sender's network, never the address. */
function submitterOf(deps: IntakeDeps, req: Request): string {
  return keyedHash(deps.secret, 'submitter', clientNetwork(req.ip ?? ''));
}

const tooFrequent = (wait: number) =>
  problems.tooManyRequests(`提交过于频繁，请 ${Math.ceil(wait / 60)} 分钟后再试`, wait);

/** Stores a lead from the public and returns its tracking code. */
async function submitLead(deps: IntakeDeps, body: SubmitLeadBody, submitterKey: string) {
  await checkReferences(deps.db, body);
  const attachments = checkAttachments(body.attachments);
  const code = newTrackingCode();
  const contact = body.contact ?? {};
  const { wait, reason } = await insertPublicLead(
    deps.db,
    {
      id: newId('pl'),
      trackingCode: code,
      procuratorateId: body.procuratorateId,
      description: body.description,
      location: body.location,
      domainCode: body.domainGuess ?? null,
      contact: { name: contact.name ?? null, phone: contact.phone ?? null, email: contact.email ?? null },
      submitterKey,
      attachments,
    },
    { perHour: deps.leadsPerHour, perDay: deps.leadsPerDay },
  );
  if (reason === 'procuratorate')
    throw problems.tooManyRequests(
      '该检察院今日受理的网上线索已达上限，请明日再试，或拨打 12309 检察服务热线',
      wait,
    );
  if (wait > 0) throw tooFrequent(wait);
  const saved = (await findStatusByCode(deps.db, code))!;
  return { code, status: saved.status, submittedAt: saved.submitted_at.toISOString() };
}

function challengeRoute(target: RouteTarget, deps: IntakeDeps): void {
  defineRoute(
    target,
    {
      method: 'get',
      path: '/challenge',
      ...PUBLIC,
      summary: '取得提交线索前的验证题（工作量证明）',
      description:
        '求出 nonce，使 SHA-256(`<challenge>:<nonce>`) 以 difficulty 个 0 比特开头（浏览器约需一秒），然后随线索提交 X-Intake-Proof: `<challenge>:<nonce>`。验证题 10 分钟内有效，解只能用一次。',
      responses: { 200: { description: '验证题', schema: challengeResponse } },
    },
    async ({ res }) => {
      res.set('Cache-Control', 'no-store').json(issueChallenge(deps.secret, deps.proofBits, deps.now()));
    },
  );
}

function statusRoute(target: RouteTarget, { db }: IntakeDeps): void {
  defineReadRoute(
    target,
    {
      ...PUBLIC,
      path: '/leads/:code',
      summary: '凭查询码查询办理状态',
      params: trackingCodeParam,
      answer: { description: '办理状态', schema: publicStatusResponse },
      otherResponses: { 404: { description: '查询码不存在' } },
    },
    async ({ params }) => {
      const code = normaliseTrackingCode(params.code);
      const row = TRACKING_CODE_PATTERN.test(code) ? await findStatusByCode(db, code) : undefined;
      if (!row) throw problems.notFound('查询码不存在，请核对后重试');
      return {
        code: row.tracking_code,
        status: row.status,
        submittedAt: row.submitted_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
        declineReason: row.status === 'not_accepted' ? row.decline_reason : null,
      };
    },
  );
}

function procuratoratesRoute(target: RouteTarget, { db }: IntakeDeps): void {
  defineReadRoute(
    target,
    {
      ...PUBLIC,
      path: '/procuratorates',
      summary: '可以反映线索的检察院',
      answer: { description: '检察院', schema: namedItems },
    },
    () => publicProcuratorates(db),
  );
}

function domainsRoute(target: RouteTarget, { db }: IntakeDeps): void {
  defineReadRoute(
    target,
    {
      ...PUBLIC,
      path: '/domains',
      summary: '公益诉讼领域',
      answer: { description: '领域代码与名称', schema: domainItems },
    },
    () => currentDomains(db),
  );
}

async function checkReferences(db: Db, body: SubmitLeadBody): Promise<void> {
  if (!(await procuratorateExists(db, body.procuratorateId))) {
    throw problems.validation('没有这个检察院', [{ path: 'procuratorateId', message: '不存在' }]);
  }
  if (body.domainGuess && !(await currentDomain(db, body.domainGuess))) {
    throw problems.validation(`领域代码 ${body.domainGuess} 不存在`, [
      { path: 'domainGuess', message: '不存在' },
    ]);
  }
}

/**
 * Evidence files on a case: upload (the request body is the file, streamed into storage a chunk
 * at a time while it is hashed and counted), the list, the download (streamed out) and a check of
 * the stored bytes against the hash on the timeline. The API stores the bytes; the case workflow
 * records the file (`attachEvidence`), so nothing reaches the case behind its back.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Payloads } from '../../domain/case/payloads';
import { isFinalStage, STAGE_LABELS, type Stage } from '../../domain/case/stages';
import { ACCEPTED_KINDS, ACCEPTED_LABELS, sniff } from '../../domain/evidence/sniff';
import { CASE_ACTING_ROLES } from '../../domain/roles';
import { identifier, optionalText, text } from '../../domain/text';
import {
  beginFile,
  caseBytes,
  caseEvidence,
  CHUNK_BYTES,
  deleteUnrecorded,
  findEvidence,
  finishFile,
  pgChunkStorage,
  unrecordedEvidence,
  type EvidenceFileRow,
  type EvidenceStorage,
  type EvidenceWriter,
  type NewEvidenceFile,
} from '../../store/evidence';
import type { Principal } from '../auth/tokens';
import { problems } from '../problem';
import { defineReadRoute, type RouteDeclaration } from '../route-kit';
import { defineRoute } from '../routing';
import { performAction } from './act';
import type { CaseServiceDeps } from './create-case';
import { caseIdParam } from './schemas';
import { attachmentDisposition } from './documents';
import { readableCase, writableCase } from '../oversight/scope';

export interface EvidenceLimits {
  /** Largest single file, in bytes. */
  fileBytes: number;
  /** Largest total of one case's files, in bytes. */
  caseBytes: number;
}

export const DEFAULT_EVIDENCE_LIMITS: EvidenceLimits = {
  fileBytes: 200 * 1024 * 1024,
  caseBytes: 2048 * 1024 * 1024,
};

export type EvidenceDeps = CaseServiceDeps & {
  evidence?: { limits?: EvidenceLimits; storage?: EvidenceStorage };
};

const megabytes = (bytes: number): string => {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB` : `${mb.toFixed(2)} MB`;
};

const fileParam = caseIdParam.extend({
  fileId: z
    .string()
    .regex(/^ev-[0-9a-f-]{36}$/, '文件编号格式不正确')
    .describe('文件编号'),
});

const uploadQuery = z.strictObject({
  name: text('文件名', 255)
    .refine((n) => !/[\\/]/.test(n), '文件名不能包含路径分隔符')
    .describe('文件名（含扩展名，URL 编码）'),
  recommendationId: identifier('检察建议编号').optional().describe('所附的检察建议'),
  actionSeq: z.coerce.number().int().min(1).optional().describe('所附的办理操作（时间线条目序号）'),
  supersedes: fileParam.shape.fileId.optional().describe('本文件替代的文件编号'),
  reason: optionalText('替代理由', 2000).optional().describe('替代理由（替代已有文件时必填）'),
});

export const evidenceResponse = z.object({
  id: z.string(),
  name: z.string(),
  mediaType: z.string().describe('按文件内容识别的类型'),
  size: z.number(),
  sha256: z.string().describe('文件内容的 SHA-256（与时间线一致）'),
  source: z.enum(['upload', 'public_lead']).describe('upload 上传，public_lead 群众举报线索的附件'),
  publicLeadId: z.string().nullable(),
  recommendationId: z.string().nullable(),
  actionSeq: z.number().nullable(),
  supersedes: z.string().nullable(),
  supersedeReason: z.string().nullable(),
  supersededBy: z.string().nullable().describe('替代本文件的较新文件'),
  addedBy: z.string(),
  addedAt: z.string(),
  recordedSeq: z.number().nullable().describe('时间线上记录本文件的条目序号（尚未记录时为空）'),
});

const verificationResponse = z.object({
  id: z.string(),
  intact: z.boolean().describe('存储的内容与登记的 SHA-256 和大小一致'),
  expected: z.object({ sha256: z.string(), size: z.number() }),
  actual: z.object({ sha256: z.string(), size: z.number() }),
});

function present(f: EvidenceFileRow): z.infer<typeof evidenceResponse> {
  return {
    id: f.id,
    name: f.file_name,
    mediaType: f.media_type,
    size: Number(f.size),
    sha256: f.sha256,
    source: f.source,
    publicLeadId: f.public_lead_id,
    recommendationId: f.recommendation_id,
    actionSeq: f.action_seq,
    supersedes: f.supersedes,
    supersedeReason: f.supersede_reason,
    supersededBy: f.superseded_by,
    addedBy: f.added_by,
    addedAt: f.added_at.toISOString(),
    recordedSeq: f.recorded_seq,
  };
}

async function requireCase(
  deps: EvidenceDeps,
  caseId: string,
  principal: Principal,
  intent: 'read' | 'write',
) {
  return (intent === 'read' ? readableCase : writableCase)(deps.db, caseId, principal);
}

export const limitsOf = (deps: EvidenceDeps) => deps.evidence?.limits ?? DEFAULT_EVIDENCE_LIMITS;
const storageOf = (deps: EvidenceDeps) => deps.evidence?.storage ?? pgChunkStorage;

/** The storage a file was written to: PostgreSQL for the files kept there before an object store was set. */
function storageHolding(deps: EvidenceDeps, f: Pick<EvidenceFileRow, 'id' | 'storage'>): EvidenceStorage {
  if (f.storage === pgChunkStorage.name) return pgChunkStorage;
  const configured = storageOf(deps);
  if (f.storage === configured.name) return configured;
  throw problems.unavailable(`文件 ${f.id} 存放在未配置的存储（${f.storage}）中，请检查 OBJECT_STORE_URL`);
}

/** Deletes a file that did not reach the timeline, with its bytes. */
export async function discardUnrecorded(deps: EvidenceDeps, fileId: string): Promise<void> {
  const storage = await deleteUnrecorded(deps.db, fileId);
  if (storage && storage !== pgChunkStorage.name) await storageOf(deps).discard(fileId);
}

export const fileTooLarge = (limits: EvidenceLimits) =>
  problems.payloadTooLarge(`单个文件不得超过 ${megabytes(limits.fileBytes)}，未保存`);
const caseFull = (limits: EvidenceLimits, used: number) =>
  problems.payloadTooLarge(
    `每个案件的证据材料合计不得超过 ${megabytes(limits.caseBytes)}（已用 ${megabytes(used)}），未保存`,
  );

/**
 * The request body in chunks of exactly CHUNK_BYTES (the last one shorter), read without ending
 * the request early: a refusal still answers on the same connection.
 */
async function* chunksOf(req: Request): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let held = 0;
  for await (const piece of req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    parts.push(piece);
    held += piece.length;
    while (held >= CHUNK_BYTES) {
      const all = Buffer.concat(parts, held);
      yield all.subarray(0, CHUNK_BYTES);
      const rest = all.subarray(CHUNK_BYTES);
      parts = rest.length > 0 ? [rest] : [];
      held = rest.length;
    }
  }
  if (held > 0) yield Buffer.concat(parts, held);
}

interface Stored {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
}

type BodyFile = { caseId: string; procuratorateId: string; name: string; addedBy: string } & Pick<
  z.infer<typeof uploadQuery>,
  'recommendationId' | 'actionSeq' | 'supersedes' | 'reason'
>;

/**
 * Streams the body into storage in one transaction: refused (and nothing kept) over a limit or of
 * a refused type. The record commits only after the storage has every byte; an object store's
 * upload is aborted (and its object deleted) when the transaction does not commit.
 */
export async function storeBody(deps: EvidenceDeps, req: Request, file: BodyFile): Promise<Stored> {
  const limits = limitsOf(deps);
  const storage = storageOf(deps);
  const id = `ev-${randomUUID()}`;
  let writer: EvidenceWriter | undefined;
  try {
    return await deps.db.withTransaction(async (tx) => {
      const used = await caseBytes(tx, file.caseId);
      const declared = Number(req.get('content-length') ?? NaN);
      if (Number.isFinite(declared) && used + declared > limits.caseBytes) throw caseFull(limits, used);
      const hash = createHash('sha256');
      let size = 0;
      let mediaType: string | undefined;
      for await (const chunk of chunksOf(req)) {
        if (mediaType === undefined) {
          mediaType = acceptedType(chunk);
          await beginFile(tx, newFile(id, file, mediaType), storage);
          writer = storage.open(tx, id);
        }
        size += chunk.length;
        if (size > limits.fileBytes) throw fileTooLarge(limits);
        if (used + size > limits.caseBytes) throw caseFull(limits, used);
        hash.update(chunk);
        await writer!.write(chunk);
      }
      if (mediaType === undefined)
        throw problems.validation('文件为空', [{ path: 'body', message: '文件内容为空' }]);
      await writer!.finish();
      const sha256 = hash.digest('hex');
      await finishFile(tx, id, size, sha256);
      return { id, name: file.name, mediaType, size, sha256 };
    });
  } catch (err) {
    await writer?.abort();
    throw err;
  }
}

/** The type sniffed from the first chunk, or 415 naming what is accepted. */
function acceptedType(first: Buffer): string {
  const kind = sniff(first);
  if (!kind.accepted)
    throw problems.unsupportedMediaType(
      `${kind.reason === 'executable' ? `不接受可执行文件（${kind.what}）` : '无法识别的文件类型'}；可上传：${ACCEPTED_LABELS}`,
    );
  return kind.kind.mediaType;
}

function newFile(id: string, file: BodyFile, mediaType: string): NewEvidenceFile {
  return {
    id,
    caseId: file.caseId,
    procuratorateId: file.procuratorateId,
    fileName: file.name,
    mediaType,
    ...(file.recommendationId ? { recommendationId: file.recommendationId } : {}),
    ...(file.actionSeq ? { actionSeq: file.actionSeq } : {}),
    ...(file.supersedes ? { supersedes: { id: file.supersedes, reason: file.reason ?? '' } } : {}),
    addedBy: file.addedBy,
  };
}

/** A refused upload answers at once; the rest of its body is read and thrown away, then the connection closes. */
export function discardRest(req: Request, res: Response): void {
  res.setHeader('Connection', 'close');
  if (!req.readableEnded) req.resume();
}

export function attachPayload(
  f: Stored & { source: 'upload' | 'public_lead'; publicLeadId?: string | null },
) {
  return {
    id: f.id,
    sha256: f.sha256,
    size: f.size,
    mediaType: f.mediaType,
    name: f.name,
    source: f.source,
    ...(f.publicLeadId ? { publicLeadId: f.publicLeadId } : {}),
  };
}

/**
 * Sends the case workflow `attachEvidence` for the case's files not yet on its timeline (a public
 * lead's attachments, adopted when the case was registered). Best effort: a file left unrecorded
 * is tried again with the next upload.
 */
export async function recordPendingEvidence(
  deps: CaseServiceDeps,
  principal: Principal,
  caseId: string,
): Promise<void> {
  for (const f of await unrecordedEvidence(deps.db, caseId)) {
    if (f.source !== 'public_lead') continue;
    const payload: Payloads['attachEvidence'] = {
      file: attachPayload({
        id: f.id,
        name: f.file_name,
        mediaType: f.media_type,
        size: Number(f.size),
        sha256: f.sha256,
        source: f.source,
        publicLeadId: f.public_lead_id,
      }),
    };
    await performAction(deps, principal, caseId, 'attachEvidence', payload, f.id).catch(() => undefined);
  }
}

const uploadRoute: RouteDeclaration<EvidenceDeps> = (target, deps) =>
  defineRoute(
    target,
    {
      method: 'post',
      path: '/:id/evidence',
      tag: '证据材料',
      summary: '上传证据材料（请求体即文件内容，流式保存）',
      description: [
        '请求体为文件的原始字节（任意 Content-Type，建议 application/octet-stream），文件名在查询参数 `name` 中（URL 编码）。',
        `文件类型按内容识别，可上传：${ACCEPTED_LABELS}；可执行文件和无法识别的类型 415。`,
        '单个文件和每个案件合计的大小有上限（EVIDENCE_MAX_FILE_MB、EVIDENCE_MAX_CASE_MB），超出 413，不保存任何内容。',
        '保存后由案件流程在时间线上记录文件的 SHA-256、大小、类型、文件名和上传人；文件不能修改，只能由新文件替代（`supersedes` 与 `reason`）。',
      ].join('\n\n'),
      auth: 'user',
      roles: CASE_ACTING_ROLES,
      params: caseIdParam,
      query: uploadQuery,
      rawBody: { contentType: 'application/octet-stream', description: '文件内容' },
      idempotent: false,
      responses: {
        201: { description: '已保存并记入时间线', schema: evidenceResponse },
        202: { description: '已保存，办案流程尚未记入时间线', schema: evidenceResponse },
        403: { description: '角色无权办理' },
        404: { description: '本院无此案件，或被替代的文件不存在' },
        409: { description: '案件已结束' },
        413: { description: '超过单个文件或案件合计的大小上限（说明上限）' },
        415: { description: '文件类型不接受（说明可上传的类型）' },
        422: { description: '参数有误' },
        503: { description: '办案流程暂未响应（文件未保存）' },
      },
    },
    async ({ req, res, params, query, principal }) => {
      try {
        const row = await requireCase(deps, params.id, principal, 'write');
        if (isFinalStage(row.stage as Stage))
          throw problems.conflict(
            'case-closed',
            `案件已${STAGE_LABELS[row.stage as Stage]}，不能再添加证据材料`,
          );
        if (query.supersedes && !(await findEvidence(deps.db, params.id, query.supersedes)))
          throw problems.notFound(`案件 ${params.id} 没有文件 ${query.supersedes}`);
        if (query.supersedes && !query.reason)
          throw problems.validation('替代已有文件须说明理由', [{ path: 'reason', message: '必填' }]);
        if (!query.supersedes && query.reason)
          throw problems.validation('只有替代已有文件时才填写替代理由', [
            { path: 'reason', message: '不应填写' },
          ]);
        const limits = limitsOf(deps);
        const declared = Number(req.get('content-length') ?? NaN);
        if (Number.isFinite(declared) && declared > limits.fileBytes) throw fileTooLarge(limits);
        const stored = await storeBody(deps, req, {
          caseId: params.id,
          procuratorateId: principal.procuratorateId,
          name: query.name,
          addedBy: principal.userId,
          recommendationId: query.recommendationId,
          actionSeq: query.actionSeq,
          supersedes: query.supersedes,
          reason: query.reason,
        });
        const payload: Payloads['attachEvidence'] = {
          file: attachPayload({ ...stored, source: 'upload' }),
          ...(query.recommendationId ? { recommendationId: query.recommendationId } : {}),
          ...(query.actionSeq ? { actionSeq: query.actionSeq } : {}),
          ...(query.supersedes ? { supersedes: query.supersedes, reason: query.reason } : {}),
        };
        let outcome;
        try {
          outcome = await performAction(deps, principal, params.id, 'attachEvidence', payload, stored.id);
        } catch (err) {
          await discardUnrecorded(deps, stored.id);
          throw err;
        }
        await recordPendingEvidence(deps, principal, params.id);
        const saved = await findEvidence(deps.db, params.id, stored.id);
        res.location(`/api/cases/${params.id}/evidence/${stored.id}`);
        res.status(outcome.kind === 'done' ? 201 : 202).json(present(saved!));
      } catch (err) {
        discardRest(req, res);
        throw err;
      }
    },
  );

const listRoute: RouteDeclaration<EvidenceDeps> = (target, deps) =>
  defineReadRoute(
    target,
    {
      tag: '证据材料',
      path: '/:id/evidence',
      summary: '案件的证据材料（含群众举报线索的附件），按添加先后',
      params: caseIdParam,
      answer: { description: '文件清单', schema: z.array(evidenceResponse) },
      otherResponses: { 404: { description: '本院无此案件' } },
    },
    async ({ params, principal }) => {
      await requireCase(deps, params.id, principal, 'read');
      return (await caseEvidence(deps.db, params.id)).map(present);
    },
  );

const downloadRoute: RouteDeclaration<EvidenceDeps> = (target, deps) =>
  defineRoute(
    target,
    {
      method: 'get',
      path: '/:id/evidence/:fileId',
      tag: '证据材料',
      summary: '下载证据材料（流式）；?inline=true 在浏览器中显示（缩略图）',
      auth: 'user',
      params: fileParam,
      query: z.strictObject({
        inline: z.enum(['true', 'false']).default('false').describe('true：Content-Disposition: inline'),
      }),
      responses: {
        200: {
          description: '文件内容（Content-Type 为识别出的类型）',
          contentType: 'application/octet-stream',
          alsoAs: [...new Set(Object.values(ACCEPTED_KINDS).map((k) => k.mediaType))],
        },
        404: { description: '本院无此案件或该案件没有这个文件' },
      },
    },
    async ({ res, params, query, principal }) => {
      await requireCase(deps, params.id, principal, 'read');
      const f = await findEvidence(deps.db, params.id, params.fileId);
      if (!f) throw problems.notFound(`案件 ${params.id} 没有文件 ${params.fileId}`);
      res.setHeader('Content-Type', f.media_type);
      res.setHeader('Content-Length', f.size);
      res.setHeader('Content-Disposition', attachmentDisposition(f.file_name, query.inline === 'true'));
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('ETag', `"${f.sha256}"`);
      await pipeline(Readable.from(checkedRead(deps, f)), res);
    },
  );

const verifyRoute: RouteDeclaration<EvidenceDeps> = (target, deps) =>
  defineReadRoute(
    target,
    {
      tag: '证据材料',
      path: '/:id/evidence/:fileId/verification',
      summary: '校验存储的文件：重新计算 SHA-256 与时间线登记的比对，发现被篡改的内容',
      params: fileParam,
      answer: { description: '校验结果', schema: verificationResponse },
      otherResponses: { 404: { description: '本院无此案件或该案件没有这个文件' } },
    },
    async ({ params, principal }) => {
      await requireCase(deps, params.id, principal, 'read');
      const f = await findEvidence(deps.db, params.id, params.fileId);
      if (!f) throw problems.notFound(`案件 ${params.id} 没有文件 ${params.fileId}`);
      return verifyStored(deps, f);
    },
  );

/** A file's bytes changed in storage (`checkedRead`): the download is cut off before its last bytes. */
export class EvidenceTampered extends Error {
  override name = 'EvidenceTampered';
}

/**
 * The stored bytes, hashed as they go out; the last chunk is held back until the hash is compared
 * with the recorded one, so a file changed in storage never arrives whole (the connection is cut).
 */
async function* checkedRead(
  deps: EvidenceDeps,
  f: Pick<EvidenceFileRow, 'id' | 'sha256' | 'size' | 'storage' | 'recorded_sha256'>,
): AsyncGenerator<Buffer> {
  const hash = createHash('sha256');
  let size = 0;
  let held: Buffer | undefined;
  for await (const chunk of storageHolding(deps, f).read(deps.db, f.id)) {
    if (held) yield held;
    hash.update(chunk);
    size += chunk.length;
    held = chunk;
  }
  if (hash.digest('hex') !== (f.recorded_sha256 ?? f.sha256) || size !== Number(f.size))
    throw new EvidenceTampered(`evidence file ${f.id} does not match its recorded SHA-256`);
  if (held) yield held;
}

/** Re-reads a stored file and compares it with its recorded hash and size. */
export async function verifyStored(
  deps: { db: CaseServiceDeps['db']; evidence?: EvidenceDeps['evidence'] },
  f: Pick<EvidenceFileRow, 'id' | 'sha256' | 'size' | 'storage' | 'recorded_sha256'>,
) {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of storageHolding(deps as EvidenceDeps, f).read(deps.db, f.id)) {
    hash.update(chunk);
    size += chunk.length;
  }
  const actual = { sha256: hash.digest('hex'), size };
  // The timeline's hash when it has one: hash-chained, it cannot be changed along with the bytes.
  const expected = { sha256: f.recorded_sha256 ?? f.sha256, size: Number(f.size) };
  return {
    id: f.id,
    intact: actual.sha256 === expected.sha256 && actual.size === expected.size,
    expected,
    actual,
  };
}

export const evidenceRoutes: RouteDeclaration<EvidenceDeps>[] = [
  uploadRoute,
  listRoute,
  verifyRoute,
  downloadRoute,
];

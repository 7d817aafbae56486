// /api/admin/documents/templates: the admin's own procuratorate's .docx templates. Each kind has
// its shipped default; an upload, checked before it is stored (every placeholder known, renders
// with sample data), becomes the kind's next version and is used for documents drafted after it.
// A document drafted earlier is still issued with the version recorded on it.
import type { Request, Router } from 'express';
import { z } from 'zod';
import { DOCUMENT_KIND_IDS, DOCUMENT_KINDS, type DocumentKind } from '../../domain/documents/kinds';
import { sniff } from '../../domain/evidence/sniff';
import { text } from '../../domain/text';
import { defaultTemplates } from '../../documents/render';
import { checkTemplate } from '../../documents/template-check';
import { DEFAULT_TEMPLATES } from '../../documents/templates';
import {
  resetTemplate,
  saveTemplate,
  templateBytes,
  templateResets,
  uploadedTemplateId,
  uploadedTemplates,
  type TemplateReset,
  type UploadedTemplate,
} from '../../store/document-templates';
import type { Db } from '../../store/pool';
import { DOCX_TYPE, sendFile } from '../cases/documents';
import { discardRest } from '../cases/evidence';
import { problems } from '../problem';
import { defineReadRoute, routerOf, type RouteDeclaration } from '../route-kit';
import { defineRoute, type RouteRegistry } from '../routing';

const ADMIN = { tag: '法律文书', auth: 'user', roles: ['admin'] } as const;

/** Largest template accepted, in bytes (a template with a letterhead image is well below). */
export const TEMPLATE_MAX_BYTES = 5 * 1024 * 1024;

interface Deps {
  db: Db;
  maxBytes?: number;
}

const kindParam = z.strictObject({
  kind: z.enum(DOCUMENT_KIND_IDS).describe('文书种类'),
});

const versionParam = kindParam.extend({
  version: text('模板版本', 10)
    .regex(/^(default|[1-9][0-9]{0,5})$/, '模板版本须为正整数或 default')
    .describe('本院上传的版本号，或 default（系统默认模板）'),
});

const templateRef = z.object({ id: z.string(), version: z.number().int() });

const uploadResponse = z.object({
  kind: z.string(),
  id: z.string().describe('文书上记录的模板标识'),
  version: z.number().int(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});

const kindEntry = z.object({
  kind: z.string(),
  title: z.string(),
  default: templateRef.describe('系统默认模板'),
  uploads: z.array(uploadResponse).describe('本院上传的各版本，按版本号'),
  reset: z
    .object({ throughVersion: z.number().int(), resetBy: z.string(), resetAt: z.string() })
    .nullable()
    .describe('最近一次恢复默认模板：此前上传的版本（至 throughVersion）不再用于新起草的文书'),
  inUse: templateRef.describe(
    '此后起草的文书所用的模板：最新上传的版本；未上传或恢复默认后未再上传时为默认模板',
  ),
});

const listResponse = z.array(kindEntry);

const presentUpload = (u: UploadedTemplate) => ({
  kind: u.kind,
  id: uploadedTemplateId(u.procuratorateId, u.kind),
  version: u.version,
  size: u.size,
  sha256: u.sha256,
  uploadedBy: u.uploadedBy,
  uploadedAt: u.uploadedAt,
});

export function documentTemplateRoutes(deps: Deps, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/admin/documents/templates', deps, [
    listRoute,
    uploadRoute,
    downloadRoute,
    resetRoute,
  ]);
}

/** A kind's templates as the admin sees them: the default, the uploads and the one in use. */
function entryOf(
  kind: DocumentKind,
  uploads: UploadedTemplate[],
  resets: TemplateReset[],
): z.infer<typeof kindEntry> {
  const own = uploads.filter((u) => u.kind === kind).map(presentUpload);
  const found = resets.find((r) => r.kind === kind);
  const reset = found
    ? { throughVersion: found.throughVersion, resetBy: found.resetBy, resetAt: found.resetAt }
    : null;
  const { id, version } = DEFAULT_TEMPLATES[kind];
  const latest = own.at(-1);
  const usable = latest && latest.version > (reset?.throughVersion ?? 0) ? latest : undefined;
  return {
    kind,
    title: DOCUMENT_KINDS[kind].title,
    default: { id, version },
    uploads: own,
    reset,
    inUse: usable ? { id: usable.id, version: usable.version } : { id, version },
  };
}

const listRoute: RouteDeclaration<Deps> = (target, deps) =>
  defineReadRoute(
    target,
    {
      ...ADMIN,
      summary: '本院各类法律文书的模板：默认模板、上传的各版本与现用的版本',
      answer: { description: '各类文书的模板', schema: listResponse },
    },
    async ({ principal }) => {
      const uploads = await uploadedTemplates(deps.db, principal.procuratorateId);
      const resets = await templateResets(deps.db, principal.procuratorateId);
      return DOCUMENT_KIND_IDS.map((kind) => entryOf(kind, uploads, resets));
    },
  );

/** The request body, refused with 413 as soon as it passes `max` bytes. */
async function readBody(req: Request, max: number): Promise<Buffer> {
  const tooLarge = () => problems.payloadTooLarge(`模板文件不能超过 ${max / (1024 * 1024)} MB`);
  const declared = Number(req.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const uploadRoute: RouteDeclaration<Deps> = (target, deps) =>
  defineRoute(
    target,
    {
      ...ADMIN,
      method: 'put',
      path: '/:kind',
      summary:
        '上传本院某类文书的模板（请求体为 .docx 文件）：检查通过后成为该类文书的新版本，此后起草的文书使用它；此前起草的文书仍按其记录的版本签发',
      params: kindParam,
      rawBody: { contentType: DOCX_TYPE, description: '.docx 模板文件' },
      responses: {
        201: { description: '已保存为新版本', schema: uploadResponse },
        413: { description: '文件超过大小上限（说明上限）' },
        415: { description: '不是 .docx 文件' },
        422: { description: '模板未通过检查（说明是哪个占位符或什么问题）' },
      },
    },
    async ({ req, res, params, principal }) => {
      try {
        const bytes = await readBody(req, deps.maxBytes ?? TEMPLATE_MAX_BYTES);
        const sniffed = sniff(bytes.subarray(0, 256 * 1024));
        if (!sniffed.accepted || sniffed.kind.extension !== 'docx')
          throw problems.unsupportedMediaType('模板须为 Word 文档（.docx）');
        const check = await checkTemplate(params.kind, bytes);
        if (!check.ok) throw problems.validation(check.message, [{ path: 'body', message: check.message }]);
        const saved = await saveTemplate(deps.db, {
          procuratorateId: principal.procuratorateId,
          kind: params.kind,
          bytes,
          uploadedBy: principal.userId,
        });
        res.location(`/api/admin/documents/templates/${params.kind}/${saved.version}`);
        res.status(201).json(presentUpload(saved));
      } catch (err) {
        discardRest(req, res);
        throw err;
      }
    },
  );

async function bytesOfVersion(db: Db, procuratorateId: string, kind: DocumentKind, version: string) {
  if (version === 'default') return (await defaultTemplates.templateFor(kind)).bytes;
  const found = await templateBytes(db, procuratorateId, kind, Number(version));
  if (!found) throw problems.notFound(`本院没有上传过${DOCUMENT_KINDS[kind].title}模板的第 ${version} 版`);
  return found.bytes;
}

const downloadRoute: RouteDeclaration<Deps> = (target, deps) =>
  defineRoute(
    target,
    {
      ...ADMIN,
      method: 'get',
      path: '/:kind/:version',
      summary: '下载一个模板：本院上传的某个版本，或 default（系统默认模板，可据以修改后上传）',
      params: versionParam,
      responses: {
        200: { description: '模板的 .docx 文件', contentType: DOCX_TYPE },
        404: { description: '本院没有上传过这个版本' },
      },
    },
    async ({ res, params, principal }) => {
      const bytes = await bytesOfVersion(deps.db, principal.procuratorateId, params.kind, params.version);
      const title = DOCUMENT_KINDS[params.kind].title;
      const label = params.version === 'default' ? '默认' : `第${params.version}版`;
      sendFile(res, `${title}模板（${label}）.docx`, DOCX_TYPE, bytes, 'attachment');
    },
  );

const resetRoute: RouteDeclaration<Deps> = (target, deps) =>
  defineRoute(
    target,
    {
      ...ADMIN,
      method: 'delete',
      path: '/:kind',
      summary:
        '恢复某类文书使用系统默认模板：本院上传的各版本仍保留（可下载），此后起草的文书使用默认模板，直到再次上传',
      params: kindParam,
      responses: {
        200: { description: '该类文书的模板（现用默认模板）', schema: kindEntry },
      },
    },
    async ({ res, params, principal }) => {
      await resetTemplate(deps.db, {
        procuratorateId: principal.procuratorateId,
        kind: params.kind,
        resetBy: principal.userId,
      });
      const uploads = await uploadedTemplates(deps.db, principal.procuratorateId);
      const resets = await templateResets(deps.db, principal.procuratorateId);
      res.json(entryOf(params.kind, uploads, resets));
    },
  );

/** The bulk import of existing cases (既往案件批量导入): template, dry run, import job and its progress. */
import type { Router } from 'express';
import { z } from 'zod';
import { createCalendarStore, type CalendarStore } from '../../calendar/store';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '../../domain/case-import/columns';
import { findImportJob } from '../../store/case-imports';
import { discardRest } from '../cases/evidence';
import { sendFile } from '../cases/documents';
import { problems } from '../problem';
import { routerOf, type RouteDeclaration } from '../route-kit';
import { defineRoute } from '../routing';
import { idParam } from '../validation';
import { dryRun } from './dry-run';
import { startImport, type ImportDeps } from './run';
import { readCaseRows, readUpload, templateWorkbook, XLSX_TYPE } from './workbook';
import type { RouteRegistry } from '../routing';

type Deps = ImportDeps & { calendar: CalendarStore };

const IMPORTERS = { tag: '案件导入', auth: 'user', roles: ['case_office', 'admin'] } as const;
const LIMITS = `工作簿不超过 ${IMPORT_MAX_BYTES / (1024 * 1024)} MB、${IMPORT_MAX_ROWS} 行`;
const UPLOAD = { contentType: XLSX_TYPE, description: `按模板填写的 .xlsx 工作簿（${LIMITS}）` };
const UPLOAD_REFUSALS = {
  413: { description: `超过上限（${LIMITS}）` },
  415: { description: '不是 .xlsx 工作簿' },
  422: { description: '工作簿无法读取、缺少必需的列或没有案件行' },
};

const clockPreview = z.object({
  clockId: z.string(),
  name: z.string(),
  start: z.string(),
  due: z.string().nullable(),
  metOn: z.string().nullable(),
  state: z.string().describe('进行中、已逾期、按期完成或逾期完成'),
  overdue: z.boolean(),
});
const dryRunResponse = z.object({
  rows: z.array(
    z.object({
      row: z.number().describe('工作表中的行号'),
      key: z.string().nullable().describe('原案号'),
      status: z
        .enum(['ok', 'error', 'imported'])
        .describe('ok 将导入，error 有误不导入，imported 已导入将跳过'),
      summary: z.string(),
      errors: z.array(z.string()),
      clocks: z.array(clockPreview),
    }),
  ),
  totals: z.object({ rows: z.number(), ok: z.number(), errors: z.number(), imported: z.number() }),
});
const jobResponse = z.object({
  id: z.string(),
  fileName: z.string(),
  status: z.enum(['running', 'finished', 'failed']),
  total: z.number(),
  processed: z.number(),
  created: z.number(),
  skipped: z.number(),
  failed: z.number(),
  problems: z.array(z.object({ row: z.number(), key: z.string(), status: z.string(), message: z.string() })),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
const fileNameQuery = z.strictObject({
  fileName: z.string().max(200).optional().describe('上传的文件名（显示在进度中）'),
});

export function caseImportRoutes(deps: ImportDeps, registry: RouteRegistry): Router {
  const withCalendar: Deps = { ...deps, calendar: createCalendarStore(deps.db) };
  return routerOf(registry, '/api/case-imports', withCalendar, [
    templateRoute,
    dryRunRoute,
    importRoute,
    jobRoute,
  ]);
}

const templateRoute: RouteDeclaration<Deps> = (target) =>
  defineRoute(
    target,
    {
      ...IMPORTERS,
      method: 'get',
      path: '/template',
      summary: '下载导入模板（.xlsx）：“案件”表每行一个案件，“填写说明”表说明每一列',
      responses: { 200: { description: '导入模板', contentType: XLSX_TYPE } },
    },
    async ({ res }) =>
      sendFile(res, '既往案件导入模板.xlsx', XLSX_TYPE, await templateWorkbook(), 'attachment'),
  );

const dryRunRoute: RouteDeclaration<Deps> = (target, deps) =>
  defineRoute(
    target,
    {
      ...IMPORTERS,
      method: 'post',
      path: '/dry-run',
      summary:
        '试导入：逐行检查，报告每行将登记什么、将计算哪些期限（哪些已逾期）、有什么错误；不写入任何数据',
      rawBody: UPLOAD,
      idempotent: false,
      responses: { 200: { description: '逐行报告', schema: dryRunResponse }, ...UPLOAD_REFUSALS },
    },
    async ({ req, res, principal }) => {
      const rows = await uploadedRows(req, res);
      res.json(await dryRun(deps, principal.procuratorateId, rows));
    },
  );

const importRoute: RouteDeclaration<Deps> = (target, deps) =>
  defineRoute(
    target,
    {
      ...IMPORTERS,
      method: 'post',
      path: '/',
      summary: '正式导入：在后台逐行登记并补录办理过程；按原案号识别，已导入的行跳过，重复导入不会重复登记',
      query: fileNameQuery,
      rawBody: UPLOAD,
      idempotent: false,
      responses: {
        202: {
          description: '已开始导入（用 Location 查询进度）',
          schema: z.object({ id: z.string(), status: z.literal('running') }),
        },
        ...UPLOAD_REFUSALS,
      },
    },
    async ({ req, res, query, principal }) => {
      const rows = await uploadedRows(req, res);
      const id = await startImport(deps, principal, query.fileName ?? '工作簿.xlsx', rows);
      res.location(`/api/case-imports/${id}`).status(202).json({ id, status: 'running' });
    },
  );

const jobRoute: RouteDeclaration<Deps> = (target, deps) =>
  defineRoute(
    target,
    {
      ...IMPORTERS,
      method: 'get',
      path: '/:id',
      summary: '导入进度：已处理行数、新登记、跳过和失败的行（失败的行说明原因）',
      params: idParam,
      responses: {
        200: { description: '导入任务', schema: jobResponse },
        404: { description: '本院没有这个导入任务' },
      },
    },
    async ({ res, params, principal }) => {
      const job = await findImportJob(deps.db, params.id, principal.procuratorateId);
      if (!job) throw problems.notFound(`导入任务 ${params.id} 不存在`);
      res.json({
        id: job.id,
        fileName: job.file_name,
        status: job.status,
        total: job.total,
        processed: job.processed,
        created: job.created,
        skipped: job.skipped,
        failed: job.failed,
        // Rows finish out of order (several at a time): listed by their row in the sheet.
        problems: [...job.problems].sort((a, b) => a.row - b.row),
        createdAt: job.created_at.toISOString(),
        finishedAt: job.finished_at?.toISOString() ?? null,
      });
    },
  );

async function uploadedRows(req: Parameters<typeof readUpload>[0], res: Parameters<typeof discardRest>[1]) {
  try {
    return await readCaseRows(await readUpload(req));
  } catch (err) {
    discardRest(req, res);
    throw err;
  }
}

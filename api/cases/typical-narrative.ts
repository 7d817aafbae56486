/**
 * A typical case's narrative (典型案例: 基本案情, 检察机关履职过程, 典型意义) and its export as Word.
 * The narrative is text the staff write for publication, not case state: it is saved here like a
 * draft, while whether the case is typical stays the workflow's markTypical. The export is
 * refused (422) while any name the case knows is still written in it, listing each with its
 * section and place so the web can highlight it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { CASE_ACTING_ROLES } from '../../domain/roles';
import { optionalText } from '../../domain/text';
import { NARRATIVE_SECTIONS, namesLeft, type KnownName, type Narrative } from '../../domain/typical/names';
import { renderDocx } from '../../documents/render';
import { REPORT_TEMPLATES, TEMPLATE_DIR } from '../../documents/templates';
import type { CaseRow } from '../../store/case-reads';
import { currentDomain } from '../../store/reference';
import { procuratorateName } from '../../store/situation-report';
import { narrativeOf, saveNarrative, storedNamesOf } from '../../store/typical-cases';
import { Problem, problems } from '../problem';
import { defineReadRoute } from '../route-kit';
import { defineRoute, type RouteTarget } from '../routing';
import type { CaseServiceDeps } from './create-case';
import { pageStateOfCase } from './detail';
import { attachmentDisposition, DOCX_TYPE } from './documents';
import { caseIdParam } from './schemas';
import type { Principal } from '../auth/tokens';
import { readableCase, writableCase } from '../oversight/scope';

const SECTION_MAX = 5000;

export const narrativeBody = z.strictObject({
  basicFacts: optionalText(NARRATIVE_SECTIONS.basicFacts, SECTION_MAX),
  performance: optionalText(NARRATIVE_SECTIONS.performance, SECTION_MAX),
  significance: optionalText(NARRATIVE_SECTIONS.significance, SECTION_MAX),
});

export const narrativeResponse = narrativeBody.extend({
  updatedAt: z.string().nullable().describe('最后修改时间；尚未撰写时为空'),
  updatedBy: z.string().nullable(),
});

const sectionIds = Object.keys(NARRATIVE_SECTIONS) as [keyof Narrative, ...(keyof Narrative)[]];
export const nameFoundSchema = z.object({
  name: z.string(),
  who: z.string().describe('当事人、行政机关联系人、办案人员或举报人'),
  section: z
    .enum(sectionIds)
    .describe('basicFacts 基本案情，performance 检察机关履职过程，significance 典型意义'),
  start: z.number().describe('首次出现的位置（UTF-16 偏移）'),
  end: z.number(),
  occurrences: z.number(),
});

const EMPTY: Narrative = { basicFacts: '', performance: '', significance: '' };

async function typicalCase(
  deps: CaseServiceDeps,
  caseId: string,
  principal: Principal,
  intent: 'read' | 'write',
): Promise<CaseRow> {
  const row = await (intent === 'read' ? readableCase : writableCase)(deps.db, caseId, principal);
  if (!row.typical) throw problems.conflict('not-typical', '案件未标记为典型案例');
  return row;
}

export function narrativeReadRoute(target: RouteTarget, deps: CaseServiceDeps): void {
  defineReadRoute(
    target,
    {
      tag: '典型案例',
      path: '/:id/typical-narrative',
      summary: '典型案例的文字（基本案情、检察机关履职过程、典型意义）',
      params: caseIdParam,
      answer: { description: '典型案例文字；尚未撰写时各部分为空', schema: narrativeResponse },
      otherResponses: { 404: { description: '本院无此案件' }, 409: { description: '案件未标记为典型案例' } },
    },
    async ({ params, principal }) => {
      await typicalCase(deps, params.id, principal, 'read');
      return (await narrativeOf(deps.db, params.id)) ?? { ...EMPTY, updatedAt: null, updatedBy: null };
    },
  );
}

export function narrativeWriteRoute(target: RouteTarget, deps: CaseServiceDeps): void {
  defineRoute(
    target,
    {
      method: 'put',
      path: '/:id/typical-narrative',
      tag: '典型案例',
      summary: '撰写或修改典型案例的文字',
      description: '只保存文字，不改变案件状态；导出时再检查是否仍有当事人等人员的姓名或名称。',
      auth: 'user',
      roles: [...CASE_ACTING_ROLES],
      params: caseIdParam,
      body: narrativeBody,
      responses: {
        200: { description: '保存后的文字', schema: narrativeResponse },
        403: { description: '角色无权撰写' },
        404: { description: '本院无此案件' },
        409: { description: '案件未标记为典型案例' },
        422: { description: '内容有误' },
      },
    },
    async ({ res, params, body, principal }) => {
      await typicalCase(deps, params.id, principal, 'write');
      await saveNarrative(deps.db, params.id, body, { userId: principal.userId, at: deps.now() });
      res.json(await narrativeOf(deps.db, params.id));
    },
  );
}

export function typicalExportRoute(target: RouteTarget, deps: CaseServiceDeps): void {
  defineRoute(
    target,
    {
      method: 'get',
      path: '/:id/typical-case.docx',
      tag: '典型案例',
      summary: '导出典型案例（Word）：先检查文字中是否仍有本案当事人、联系人、办案人员或举报人的姓名',
      auth: 'user',
      params: caseIdParam,
      responses: {
        200: { description: '典型案例（docx）', contentType: DOCX_TYPE },
        404: { description: '本院无此案件' },
        409: { description: '案件未标记为典型案例' },
        422: { description: '文字未写完，或仍含姓名或名称（names 列出每一处）' },
        503: { description: '办案流程暂未响应，无法核对当事人' },
      },
    },
    async ({ res, params, principal }) => {
      const row = await typicalCase(deps, params.id, principal, 'read');
      const narrative = await narrativeOf(deps.db, params.id);
      const missing = Object.entries(NARRATIVE_SECTIONS).filter(([k]) => !narrative?.[k as keyof Narrative]);
      if (!narrative || missing.length)
        throw problems.validation(
          `典型案例文字未写完：${missing.map(([, label]) => label).join('、')}`,
          missing.map(([k, label]) => ({ path: k, message: `请填写${label}` })),
        );
      const names = namesLeft(narrative, await knownNames(deps, params.id));
      if (names.length) throw namesRemain(names);
      const [domain, procuratorate] = await Promise.all([
        currentDomain(deps.db, row.domain_code),
        procuratorateName(deps.db, principal.procuratorateId),
      ]);
      const template = await readFile(join(TEMPLATE_DIR, REPORT_TEMPLATES.typical_case.file));
      const docx = await renderDocx(template, {
        ...narrative,
        heading: `${domain?.name ?? row.domain_code}领域公益诉讼典型案例`,
        procuratorate,
      });
      res
        .type(DOCX_TYPE)
        .setHeader('Content-Disposition', attachmentDisposition(`典型案例-${row.id}.docx`, false, 'typical'))
        .send(docx);
    },
  );
}

/**
 * Every name the case knows; refused (503) when the parties are in no stored state and the
 * workflow holding them cannot answer.
 */
async function knownNames(deps: CaseServiceDeps, caseId: string): Promise<KnownName[]> {
  const [stored, state] = await Promise.all([storedNamesOf(deps.db, caseId), pageStateOfCase(deps, caseId)]);
  if (!state) throw problems.unavailable('办案流程暂未响应，无法核对当事人姓名，请稍后再试', 5);
  return [...(state.parties ?? []).map((p) => ({ name: p.name, who: '当事人' })), ...stored];
}

function namesRemain(names: z.infer<typeof nameFoundSchema>[]): Problem {
  const list = names.map((n) => `${NARRATIVE_SECTIONS[n.section]}中的“${n.name}”（${n.who}）`).join('；');
  return new Problem(422, 'names-remain', '未完成匿名化', `以下姓名或名称仍在文中，请替换后再导出：${list}`, {
    names,
  });
}

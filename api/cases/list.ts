/** The case list: filters, sorting and cursor pagination over the read model. */
import { z } from 'zod';
import { cursorValueFits, listCases, type CaseCursor, type CaseSort } from '../../store/case-list';
import type { Db } from '../../store/pool';
import { STAGES } from '../../domain/case/stages';
import { shanghaiDate } from '../../domain/time';
import type { Principal } from '../auth/tokens';
import { problems } from '../problem';
import { readScopeOf } from '../oversight/scope';
import { presentCase } from './present';
import { caseResponse } from './schemas';
import { storable, text } from '../../domain/text';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const caseListQuery = z.strictObject({
  stage: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',') : undefined))
    .pipe(z.array(z.enum(STAGES)).optional())
    .describe('阶段，可用逗号分隔多个'),
  domain: storable('领域代码').max(64).optional(),
  organ: storable('涉及的行政机关 ID').max(100).optional(),
  handler: storable('承办人用户 ID；me 表示本人').max(100).optional(),
  dueWithin: z.coerce.number().int().min(0).max(3660).optional().describe('最近期限在 N 日内届满'),
  overdue: flag.optional().describe('有逾期期限'),
  provisional: flag.optional().describe('有暂定期限'),
  q: text('按案件名称、编号、线索内容或来源说明搜索', 100).optional(),
  procuratorate: storable('检察院 ID：缺省为本院；上级院监督角色可查看任一下级院（只读）').max(64).optional(),
  sort: z.enum(['next_due', 'created', 'updated']).default('next_due'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: storable('上一页返回的 nextCursor').max(500).optional(),
});
export type CaseListQuery = z.infer<typeof caseListQuery>;

export const caseListResponse = z.object({
  items: z.array(caseResponse),
  nextCursor: z.string().nullable().describe('下一页的游标；null 表示没有更多'),
});

export async function caseList(db: Db, principal: Principal, query: CaseListQuery, now: Date) {
  const procuratorateId = query.procuratorate ?? principal.procuratorateId;
  if (!(await readScopeOf(db, principal)).procuratorateIds.includes(procuratorateId))
    throw problems.notFound(`检察院 ${procuratorateId} 不是本院或本院监督的下级院`);
  const { rows } = await listCases(
    db,
    {
      procuratorateId,
      stages: query.stage,
      domainCode: query.domain,
      organId: query.organ,
      handlerId: query.handler === 'me' ? principal.userId : query.handler,
      dueWithinDays: query.dueWithin,
      overdue: query.overdue,
      provisional: query.provisional,
      q: query.q,
      today: shanghaiDate(now),
    },
    {
      sort: query.sort,
      limit: query.limit,
      after: query.cursor ? decodeCursor(query.cursor, query.sort) : undefined,
    },
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentCase),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor({ value: last.sort_value, id: last.id }) : null,
  };
}

function encodeCursor(c: CaseCursor): string {
  return Buffer.from(JSON.stringify([c.value, c.id])).toString('base64url');
}

/** The cursor of a page of the same sort; one of another sort, or made up, is refused. */
function decodeCursor(text: string, sort: CaseSort): CaseCursor {
  try {
    const [value, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (typeof value === 'string' && typeof id === 'string' && cursorValueFits(sort, value))
      return { value, id };
  } catch {
    /* fall through */
  }
  throw problems.validation('cursor 无效：请使用同一排序下上一页返回的 nextCursor', [
    { path: 'cursor', message: '无效' },
  ]);
}

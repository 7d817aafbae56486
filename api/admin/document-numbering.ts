// /api/admin/documents/numbering: how the admin's own procuratorate numbers its documents (文号):
// its short name and each kind's code. Until set, the defaults derived from its name apply.
import type { Router } from 'express';
import { z } from 'zod';
import { DOCUMENT_KIND_IDS, DOCUMENT_KINDS, formatDocumentNumber } from '../../domain/documents/kinds';
import { text } from '../../domain/text';
import { shanghaiDate } from '../../domain/time';
import { numberingOf, saveNumbering, type StoredNumbering } from '../../store/document-numbering';
import type { Db } from '../../store/pool';
import { problems } from '../problem';
import { defineReadRoute, routerOf } from '../route-kit';
import { defineRoute, type RouteRegistry, type RouteTarget } from '../routing';

const ADMIN = { tag: '法律文书', auth: 'user', roles: ['admin'] } as const;

/** No brackets or digits of the number's own form inside a part of it. */
const part = (label: string, max: number) =>
  text(label, max).regex(/^[^\s〔〕[\]{}()（）0-9]+$/, `${label}不能含空白、括号或数字`);

const kindCodesShape = Object.fromEntries(
  DOCUMENT_KIND_IDS.map((k) => [k, part(`${DOCUMENT_KINDS[k].title}的代字`, 10).optional()]),
) as Record<(typeof DOCUMENT_KIND_IDS)[number], z.ZodOptional<ReturnType<typeof part>>>;

const numberingBody = z.strictObject({
  shortName: part('院简称（如 浦检）', 10),
  kindCodes: z
    .strictObject(kindCodesShape)
    .default({})
    .describe('各类文书的代字，如 recommendation: 行公建；未填的用默认'),
});

const numberingResponse = z.object({
  shortName: z.string(),
  kindCodes: z.record(z.string(), z.string()),
  configured: z.boolean().describe('false：本院尚未设置，按院名推定的默认'),
  examples: z.record(z.string(), z.string()).describe('按现行设置，各类文书本年第 1 号的样式'),
});

export function documentNumberingRoutes(deps: { db: Db; now: () => Date }, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/admin/documents/numbering', deps, [readRoute, saveRoute]);
}

function present(settings: StoredNumbering, year: number) {
  const examples = Object.fromEntries(
    DOCUMENT_KIND_IDS.map((k) => [k, formatDocumentNumber(settings, k, year, 1)]),
  );
  return { ...settings, examples };
}

async function load(db: Db, procuratorateId: string, year: number) {
  const settings = await numberingOf(db, procuratorateId);
  if (!settings) throw problems.notFound('没有这个检察院');
  return present(settings, year);
}

function readRoute(target: RouteTarget, deps: { db: Db; now: () => Date }): void {
  defineReadRoute(
    target,
    {
      ...ADMIN,
      summary: '本院法律文书的编号（文号）设置',
      answer: { description: '编号设置', schema: numberingResponse },
    },
    ({ principal }) => load(deps.db, principal.procuratorateId, Number(shanghaiDate(deps.now()).slice(0, 4))),
  );
}

function saveRoute(target: RouteTarget, deps: { db: Db; now: () => Date }): void {
  defineRoute(
    target,
    {
      ...ADMIN,
      method: 'put',
      path: '/',
      summary: '设置本院法律文书的编号（院简称与各类文书代字）；此后签发的文书按新设置编号',
      body: numberingBody,
      responses: {
        200: { description: '新的编号设置', schema: numberingResponse },
        422: { description: '输入有误' },
      },
    },
    async ({ res, body, principal }) => {
      await saveNumbering(deps.db, principal.procuratorateId, body, principal.userId);
      res.json(await load(deps.db, principal.procuratorateId, Number(shanghaiDate(deps.now()).slice(0, 4))));
    },
  );
}

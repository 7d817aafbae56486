// Adding domains and domain versions. A version is never changed once stored; a change takes
// effect from its in-force date, which may not lie in the past (it would rewrite what was in
// force when earlier cases were registered).
import {
  allDomainVersions,
  domainNamedAs,
  insertDomainVersion,
  latestDomainVersionForUpdate,
  type DomainVersionRow,
} from '../../store/domains';
import type { Db, Tx } from '../../store/pool';
import { isUniqueViolation } from '../../store/pool';
import type { Principal } from '../auth/tokens';
import { problems } from '../problem';
import type { DomainVersionBody, NewDomainBody } from './schemas';

type Content = Omit<DomainVersionRow, 'code' | 'version' | 'created_by' | 'created_at'>;
const CONTENT_FIELDS = [
  'name',
  'basis',
  'statutory',
  'allows_administrative',
  'allows_civil',
  'min_level',
] as const;

const invalid = (path: string, message: string, detail = message) =>
  problems.validation(detail, [{ path, message }]);

/** An exploratory (等外) domain: version 1, no statutory basis. */
export async function addExploratoryDomain(
  db: Db,
  admin: Principal,
  body: NewDomainBody,
  today: string,
): Promise<DomainVersionRow> {
  const content: Content = {
    name: body.name,
    basis: body.basis ?? null,
    statutory: false,
    allows_administrative: body.allowsAdministrative,
    allows_civil: body.allowsCivil,
    min_level: body.minLevel,
    in_force_from: body.inForceFrom ?? today,
  };
  checkContent(content, { today });
  const taken = () => problems.conflict('domain-code-taken', `领域代码 ${body.code} 已存在，请修改该领域`);
  try {
    return await db.withTransaction(async (tx) => {
      if (await latestDomainVersionForUpdate(tx, body.code)) throw taken();
      await checkNameFree(tx, content.name, body.code);
      return insertDomainVersion(tx, { code: body.code, version: 1, ...content, created_by: admin.userId });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw taken();
    throw err;
  }
}

/** A new version of `code`: the newest version with the changes applied. */
export async function addDomainVersion(
  db: Db,
  admin: Principal,
  code: string,
  body: DomainVersionBody,
  today: string,
): Promise<DomainVersionRow> {
  try {
    return await db.withTransaction(async (tx) => {
      const latest = await latestDomainVersionForUpdate(tx, code);
      if (!latest) throw problems.notFound(`没有领域代码 ${code}`);
      const content = changed(latest, body, today);
      checkContent(content, { today, previous: latest });
      if (CONTENT_FIELDS.every((f) => content[f] === latest[f]))
        throw invalid('', '与现行版本内容相同', '新版本与最新版本内容相同，无需新增');
      await checkNameFree(tx, content.name, code);
      const version = latest.version + 1;
      return insertDomainVersion(tx, { code, version, ...content, created_by: admin.userId });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw problems.conflict('domain-changed', '该领域刚被他人修改，请刷新后重试');
    throw err;
  }
}

function changed(latest: DomainVersionRow, body: DomainVersionBody, today: string): Content {
  return {
    name: body.name ?? latest.name,
    basis: body.basis === undefined ? latest.basis : body.basis,
    statutory: body.statutory ?? latest.statutory,
    allows_administrative: body.allowsAdministrative ?? latest.allows_administrative,
    allows_civil: body.allowsCivil ?? latest.allows_civil,
    min_level: body.minLevel ?? latest.min_level,
    in_force_from: body.inForceFrom ?? today,
  };
}

function checkContent(c: Content, at: { today: string; previous?: DomainVersionRow }): void {
  if (!c.allows_administrative && !c.allows_civil)
    throw invalid('allowsCivil', '至少适用行政或民事公益诉讼之一');
  if (c.statutory && !c.basis) throw invalid('basis', '法定领域须写明法律依据');
  if (c.in_force_from < at.today)
    throw invalid('inForceFrom', `不能早于今天（${at.today}）`, `施行日期不能早于今天（${at.today}）`);
  const before = at.previous?.in_force_from;
  if (before && c.in_force_from < before)
    throw invalid(
      'inForceFrom',
      `不能早于上一版本的施行日期（${before}）`,
      `施行日期不能早于上一版本的施行日期（${before}）`,
    );
}

async function checkNameFree(tx: Tx, name: string, code: string): Promise<void> {
  const other = await domainNamedAs(tx, name, code);
  if (other) throw problems.conflict('domain-name-taken', `领域名称“${name}”已被领域 ${other} 使用`);
}

export function presentDomain(row: DomainVersionRow) {
  return {
    code: row.code,
    version: row.version,
    name: row.name,
    basis: row.basis,
    statutory: row.statutory,
    allowsAdministrative: row.allows_administrative,
    allowsCivil: row.allows_civil,
    minLevel: row.min_level,
    inForceFrom: row.in_force_from,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

/** Every domain with the version in force today, the one scheduled next, and its history. */
export async function adminDomainList(db: Db, today: string) {
  const byCode = new Map<string, DomainVersionRow[]>();
  for (const row of await allDomainVersions(db)) byCode.set(row.code, [...(byCode.get(row.code) ?? []), row]);
  return {
    items: [...byCode.entries()].map(([code, versions]) => {
      const current = versions.find((v) => v.in_force_from <= today);
      const upcoming = versions.find((v) => v.in_force_from > today && v.version > (current?.version ?? 0));
      return {
        code,
        current: current ? presentDomain(current) : null,
        upcoming: upcoming ? presentDomain(upcoming) : null,
        versions: versions.map(presentDomain),
      };
    }),
  };
}

/**
 * Which cases a caller reads and which it may change. A case of the caller's own procuratorate
 * is read and changed as before; one below it (the oversight role) or one its procuratorate
 * assigned downward is read only: a change is refused with 403 saying so, not hidden as 404.
 */
import { hasAnyRole, onlyReads, READ_ONLY_REFUSAL } from '../../domain/roles';
import type { CaseRow } from '../../store/case-reads';
import type { Db } from '../../store/pool';
import { descendantsOf, findCaseInReadScope, type ReadScope } from '../../store/procuratorate-tree';
import type { Principal } from '../auth/tokens';
import { problems } from '../problem';

export async function readScopeOf(db: Db, principal: Principal): Promise<ReadScope> {
  const below = hasAnyRole(principal.roles, ['oversight'])
    ? (await descendantsOf(db, principal.procuratorateId)).map((p) => p.id)
    : [];
  return { procuratorateIds: [principal.procuratorateId, ...below], assignedBy: principal.procuratorateId };
}

/** The case if the caller may read it; 404 otherwise. */
export async function readableCase(db: Db, caseId: string, principal: Principal): Promise<CaseRow> {
  const row = await findCaseInReadScope(db, caseId, await readScopeOf(db, principal));
  if (!row) throw problems.notFound(`案件 ${caseId} 不存在`);
  return row;
}

/**
 * The case if the caller may change it (its own procuratorate's case, by a role that acts);
 * 403 naming why when it only reads it; 404 when it cannot see it at all.
 */
export async function writableCase(db: Db, caseId: string, principal: Principal): Promise<CaseRow> {
  const row = await readableCase(db, caseId, principal);
  if (row.procuratorate_id !== principal.procuratorateId)
    throw problems.forbidden(
      `案件 ${caseId} 由下级院办理，本院只能查看（上级院监督或上级交办的跟踪），不能办理或修改`,
    );
  if (onlyReads(principal.roles)) throw problems.forbidden(READ_ONLY_REFUSAL);
  return row;
}

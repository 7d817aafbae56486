/**
 * The procuratorate tree (procuratorates.parent_id, any depth) and what a caller may read in it:
 * its own procuratorate, every one below it when it holds the oversight role, and the cases its
 * procuratorate assigned downward (上级交办).
 */
import { CASE_COLUMNS, type CaseRow } from './case-reads';
import { firstRow, type Db } from './pool';

export interface ProcuratorateNode {
  id: string;
  name: string;
  level: string;
  parent_id: string | null;
  /** 1 for a direct child of the root, 2 for a grandchild, … */
  depth: number;
}

/** Every procuratorate below `rootId`, at any depth, parents before their children. */
export async function descendantsOf(db: Db, rootId: string): Promise<ProcuratorateNode[]> {
  return db.query<ProcuratorateNode>(
    `WITH RECURSIVE below AS (
       SELECT id, name, level, parent_id, 1 AS depth, ARRAY[name] AS path FROM procuratorates WHERE parent_id = $1
       UNION ALL
       SELECT p.id, p.name, p.level, p.parent_id, b.depth + 1, b.path || p.name
         FROM procuratorates p JOIN below b ON p.parent_id = b.id WHERE b.depth < 16
     )
     SELECT id, name, level, parent_id, depth FROM below ORDER BY path`,
    [rootId],
  );
}

export async function procuratorateNode(db: Db, id: string) {
  return firstRow<{ id: string; name: string; level: string; parent_id: string | null }>(
    db,
    'SELECT id, name, level, parent_id FROM procuratorates WHERE id = $1',
    [id],
  );
}

/** What a caller may read: these procuratorates' cases, and the cases `assignedBy` assigned downward. */
export interface ReadScope {
  procuratorateIds: readonly string[];
  assignedBy: string;
}

/** The condition on a row of `cases` that it is within a scope given as $2 (procuratorateIds) and $3 (assignedBy). */
export const IN_READ_SCOPE = `(procuratorate_id = ANY($2)
        OR EXISTS (SELECT 1 FROM case_assignments a WHERE a.case_id = cases.id AND a.assigned_by_procuratorate = $3))`;

/** A case within `scope`; any other is simply not found. */
export async function findCaseInReadScope(
  db: Db,
  caseId: string,
  scope: ReadScope,
): Promise<CaseRow | undefined> {
  return firstRow<CaseRow>(db, `SELECT ${CASE_COLUMNS} FROM cases WHERE id = $1 AND ${IN_READ_SCOPE}`, [
    caseId,
    scope.procuratorateIds,
    scope.assignedBy,
  ]);
}

/** Expected statuses of the case-import routes: the case office's and the administrator's. */
import { randomUUID } from 'node:crypto';
import { caseWorkbook } from '../../helpers/import-workbook';
import { allow, type RouteExpectation } from '../api/matrix/harness';

const IMPORTERS = ['case_office', 'admin'] as const;

/** A workbook whose one row lacks its required cells: checked and reported, never a case. */
const workbook = async () => new Uint8Array(await caseWorkbook([{ 原案号: `m-${randomUUID()}` }]));

export const matrix: RouteExpectation[] = [
  {
    route: 'GET /api/case-imports/template',
    request: async () => ({ path: '/api/case-imports/template' }),
    own: allow(IMPORTERS, 200),
  },
  {
    route: 'POST /api/case-imports/dry-run',
    request: async () => ({ path: '/api/case-imports/dry-run', body: await workbook() }),
    own: allow(IMPORTERS, 200),
  },
  {
    route: 'POST /api/case-imports',
    request: async () => ({ path: '/api/case-imports', body: await workbook() }),
    own: allow(IMPORTERS, 202),
  },
  {
    route: 'GET /api/case-imports/:id',
    request: async (w, owner) => {
      const id = `imp-${randomUUID()}`;
      await w.system.db.query(
        `INSERT INTO case_import_jobs (id, procuratorate_id, created_by, file_name, status, total)
         VALUES ($1, $2, $3, 'm.xlsx', 'finished', 0)`,
        [id, owner.procuratorateId, owner.admin.id],
      );
      return { path: `/api/case-imports/${id}` };
    },
    own: allow(IMPORTERS, 200),
    other: allow(IMPORTERS, 404),
  },
];

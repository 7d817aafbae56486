/**
 * Expected statuses of the document routes: a case's documents are read like the case (any role
 * of its procuratorate, nobody elsewhere); numbering and templates are for the procuratorate's admin.
 */
import { ROLES } from '../../../domain/roles';
import type { TestOrg } from '../../helpers/fixtures';
import { allow, everyone, type RouteExpectation } from '../api/matrix/harness';
import type { MatrixWorld } from '../api/matrix/world';
import { sharedCase } from '../cases/stage-fixtures';

/** A filed case of `owner` (its 立案决定书 issued) and that document's id. */
async function filedCaseDocument(
  world: MatrixWorld,
  owner: TestOrg,
): Promise<{ caseId: string; docId: string }> {
  const caseId = await sharedCase(world, owner, 'filed');
  const [doc] = await world.system.db.query<{ id: string }>(
    'SELECT id FROM case_documents WHERE case_id = $1 ORDER BY created_at LIMIT 1',
    [caseId],
  );
  return { caseId, docId: doc?.id ?? 'doc-none' };
}

export const matrix: RouteExpectation[] = [
  {
    route: 'GET /api/cases/:id/documents',
    request: async (world, owner) => ({
      path: `/api/cases/${(await filedCaseDocument(world, owner)).caseId}/documents`,
    }),
    own: allow(ROLES, 200),
    other: allow(ROLES, 404),
  },
  {
    route: 'GET /api/cases/:id/documents/:docId',
    request: async (world, owner) => {
      const { caseId, docId } = await filedCaseDocument(world, owner);
      return { path: `/api/cases/${caseId}/documents/${docId}` };
    },
    own: allow(ROLES, 200),
    other: allow(ROLES, 404),
  },
  {
    // Only the handler's side edits drafts; the filed case's 立案决定书 is issued, so it is final.
    route: 'PUT /api/cases/:id/documents/:docId',
    request: async (world, owner) => {
      const { caseId, docId } = await filedCaseDocument(world, owner);
      return { path: `/api/cases/${caseId}/documents/${docId}`, body: { items: ['改动'] } };
    },
    own: allow(['prosecutor', 'head'], 409),
    other: allow(['prosecutor', 'head'], 404),
  },
  {
    // Public: anyone holding the paper copy, with or without an account, of any procuratorate.
    route: 'GET /api/public/documents/:token',
    request: async (world, owner) => {
      const { docId } = await filedCaseDocument(world, owner);
      const [row] = await world.system.db.query<{ verification_token: string | null }>(
        'SELECT verification_token FROM case_documents WHERE id = $1',
        [docId],
      );
      return { path: `/api/public/documents/${row?.verification_token ?? 'AAAAAAAAAAAAAAAAAAAAAA'}` };
    },
    own: everyone(200),
  },
  {
    route: 'GET /api/admin/documents/numbering',
    request: async () => ({ path: '/api/admin/documents/numbering' }),
    own: allow(['admin'], 200),
  },
  {
    route: 'PUT /api/admin/documents/numbering',
    request: async () => ({ path: '/api/admin/documents/numbering', body: { shortName: '浦检' } }),
    own: allow(['admin'], 200),
  },
  {
    route: 'GET /api/admin/documents/templates',
    request: async () => ({ path: '/api/admin/documents/templates' }),
    own: allow(['admin'], 200),
  },
  {
    // A JSON body is no .docx: the admin's upload is refused before anything is stored.
    route: 'PUT /api/admin/documents/templates/:kind',
    request: async () => ({ path: '/api/admin/documents/templates/recommendation', body: {} }),
    own: allow(['admin'], 415),
  },
  {
    // Returning a kind to the default keeps the uploads; with none uploaded it changes nothing.
    route: 'DELETE /api/admin/documents/templates/:kind',
    request: async () => ({ path: '/api/admin/documents/templates/court_appearance_notice' }),
    own: allow(['admin'], 200),
  },
  {
    route: 'GET /api/admin/documents/templates/:kind/:version',
    request: async () => ({ path: '/api/admin/documents/templates/recommendation/default' }),
    own: allow(['admin'], 200),
  },
];

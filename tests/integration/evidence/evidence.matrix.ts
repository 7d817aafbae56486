/**
 * Expected statuses of the evidence reads: a case's files are read like the case (any role of its
 * procuratorate, nobody elsewhere). The upload is in cases.matrix.ts, with the actions.
 */
import { createHash, randomUUID } from 'node:crypto';
import { ROLES } from '../../../domain/roles';
import { beginFile, finishFile, pgChunkStorage } from '../../../store/evidence';
import type { TestOrg } from '../../helpers/fixtures';
import { allow, type RouteExpectation } from '../api/matrix/harness';
import type { MatrixWorld } from '../api/matrix/world';
import { sharedCase } from '../cases/stage-fixtures';

const files = new Map<string, string>();

/** A registered lead of `owner` holding one stored file (written directly: reads are what is tried here). */
async function caseFile(world: MatrixWorld, owner: TestOrg): Promise<{ caseId: string; fileId: string }> {
  const caseId = await sharedCase(world, owner, 'lead');
  let fileId = files.get(caseId);
  if (!fileId) {
    const id = `ev-${randomUUID()}`;
    const bytes = Buffer.from('%PDF-1.4\n%%EOF\n');
    await world.system.db.withTransaction(async (tx) => {
      await beginFile(
        tx,
        {
          id,
          caseId,
          procuratorateId: owner.procuratorateId,
          fileName: '报告.pdf',
          mediaType: 'application/pdf',
          addedBy: owner.prosecutor.id,
        },
        pgChunkStorage,
      );
      await pgChunkStorage.open(tx, id).write(bytes);
      // Its true hash: a download checks the bytes against it and cuts off a file that differs.
      await finishFile(tx, id, bytes.length, createHash('sha256').update(bytes).digest('hex'));
    });
    files.set(caseId, (fileId = id));
  }
  return { caseId, fileId };
}

const read = (route: RouteExpectation['route'], suffix: (fileId: string) => string): RouteExpectation => ({
  route,
  request: async (world, owner) => {
    const { caseId, fileId } = await caseFile(world, owner);
    return { path: `/api/cases/${caseId}/evidence${suffix(fileId)}` };
  },
  own: allow(ROLES, 200),
  other: allow(ROLES, 404),
});

export const matrix: RouteExpectation[] = [
  read('GET /api/cases/:id/evidence', () => ''),
  read('GET /api/cases/:id/evidence/:fileId', (id) => `/${id}`),
  read('GET /api/cases/:id/evidence/:fileId/verification', (id) => `/${id}/verification`),
];

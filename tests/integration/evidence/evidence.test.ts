/** The evidence tests (evidence-suite.ts) on the default storage: chunks in PostgreSQL. */
import { CHUNK_BYTES } from '../../../store/evidence';
import { evidenceSuite } from './evidence-suite';

evidenceSuite({
  storage: () => undefined,
  piecesPerFile: (size) => Math.ceil(size / CHUNK_BYTES),
  async stored(world, caseId) {
    const [row] = await world.system.db.query<{ pieces: number }>(
      `SELECT count(*)::int AS pieces FROM evidence_chunks c JOIN evidence_files f ON f.id = c.file_id
       WHERE f.case_id = $1`,
      [caseId],
    );
    // Chunks reference their file (ON DELETE CASCADE): none can outlive its record.
    return { pieces: row!.pieces, orphans: 0 };
  },
  async tamper(world, fileId) {
    // One byte of the second chunk inverted (not overwritten with a value it may already hold: the photo is random).
    await world.system.db.query(
      `UPDATE evidence_chunks SET bytes = set_byte(bytes, 99, get_byte(bytes, 99) # 255) WHERE file_id = $1 AND seq = 1`,
      [fileId],
    );
    const [row] = await world.system.db.query<{ tampered: string }>(
      `SELECT encode(sha256(string_agg(bytes, ''::bytea ORDER BY seq)), 'hex') AS tampered FROM evidence_chunks WHERE file_id = $1`,
      [fileId],
    );
    return row!.tampered;
  },
});

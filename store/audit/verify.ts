import { GENESIS_HASH, entryHash } from './chain';
import { rowToChainedFields, type TimelineRow } from '../timeline';

export interface ChainVerdict {
  ok: boolean;
  entries: number;
  /** The first entry that does not verify, and why. */
  broken?: { seq: number; reason: 'hash_mismatch' | 'link_mismatch' | 'sequence_gap' };
}

/** Re-walks one case's chain: each entry's hash over its own fields, linked to the one before. */
export function verifyChain(rows: readonly TimelineRow[]): ChainVerdict {
  let prev = GENESIS_HASH;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.seq !== i + 1)
      return { ok: false, entries: rows.length, broken: { seq: row.seq, reason: 'sequence_gap' } };
    if (row.prev_hash !== prev)
      return { ok: false, entries: rows.length, broken: { seq: row.seq, reason: 'link_mismatch' } };
    if (entryHash(rowToChainedFields(row)) !== row.hash) {
      return { ok: false, entries: rows.length, broken: { seq: row.seq, reason: 'hash_mismatch' } };
    }
    prev = row.hash;
  }
  return { ok: true, entries: rows.length };
}

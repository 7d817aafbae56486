import { GENESIS_HASH, entryHash } from './chain';
import { rowToChainedFields, type TimelineRow } from '../timeline';
import { checkSignature, type KeyRing, type SignedCheckpoint } from './signing';

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

export type CaseProblemReason =
  | NonNullable<ChainVerdict['broken']>['reason']
  | 'tail_missing'
  | 'checkpoint_mismatch'
  | 'checkpoint_signature'
  | 'checkpoint_unknown_key';

export interface CaseProblem {
  seq: number;
  reason: CaseProblemReason;
}

/**
 * One case's timeline against everything that vouches for it: its own hash chain, the number
 * of entries the case row says it has (`cases.last_seq`), and every signed checkpoint, whose
 * signature must be valid with a known key and whose head the chain must still hold.
 */
export function verifyCase(
  rows: readonly TimelineRow[],
  evidence: { lastSeq: number | null; checkpoints: readonly SignedCheckpoint[]; keys: KeyRing },
): { entries: number; problems: CaseProblem[] } {
  const problems: CaseProblem[] = [];
  const chain = verifyChain(rows);
  if (chain.broken) problems.push(chain.broken);
  const head = rows.at(-1)?.seq ?? 0;
  if (evidence.lastSeq !== null && evidence.lastSeq > head)
    problems.push({ seq: head + 1, reason: 'tail_missing' });
  const hashAt = new Map(rows.map((r) => [r.seq, r.hash]));
  const seen = new Set<string>();
  for (const cp of evidence.checkpoints) {
    const signature = checkSignature(evidence.keys, cp);
    const problem: CaseProblem | undefined =
      signature === 'unknown_key'
        ? { seq: cp.seq, reason: 'checkpoint_unknown_key' }
        : signature === 'invalid'
          ? { seq: cp.seq, reason: 'checkpoint_signature' }
          : !hashAt.has(cp.seq)
            ? { seq: head + 1, reason: 'tail_missing' }
            : hashAt.get(cp.seq) !== cp.headHash
              ? { seq: cp.seq, reason: 'checkpoint_mismatch' }
              : undefined;
    const key = problem && `${problem.seq}:${problem.reason}`;
    if (problem && !seen.has(key!)) {
      seen.add(key!);
      problems.push(problem);
    }
  }
  // One tail report is enough: the furthest-reaching evidence of the missing entries.
  const tails = problems.filter((p) => p.reason === 'tail_missing');
  const others = problems.filter((p) => p.reason !== 'tail_missing');
  return { entries: rows.length, problems: [...others, ...tails.slice(0, 1)] };
}

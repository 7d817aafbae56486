import { createHash, createPublicKey } from 'node:crypto';
import { GENESIS_HASH, entryHash } from '../../store/audit/chain';
import { checkSignature, generateSigningKey, signerFromPem, type KeyRing } from '../../store/audit/signing';
import { verifyCase } from '../../store/audit/verify';
import { rowToChainedFields, type TimelineRow } from '../../store/timeline';

function chain(n: number): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const row: TimelineRow = {
      case_id: 'c1',
      seq,
      at: new Date(Date.UTC(2026, 0, seq)),
      actor_id: 'u1',
      kind: 'note_added',
      stage: 'lead',
      data: { seq },
      reason: null,
      prev_hash: prev,
      hash: '',
    };
    row.hash = entryHash(rowToChainedFields(row));
    prev = row.hash;
    rows.push(row);
  }
  return rows;
}

const key = generateSigningKey();
const signer = signerFromPem(key.privatePem);
const ring: KeyRing = new Map([[signer.keyId, signer.publicKey]]);

describe('checkpoint signatures', () => {
  it('names a key by the first 16 hex digits of its public key’s SHA-256', () => {
    const der = createPublicKey(key.publicPem).export({ type: 'spki', format: 'der' });
    expect(signer.keyId).toBe(createHash('sha256').update(der).digest('hex').slice(0, 16));
    expect(key.keyId).toBe(signer.keyId);
  });

  it('accepts its own signature and refuses any changed field or an unknown key', () => {
    const cp = signer.sign({
      caseId: 'c1',
      seq: 3,
      headHash: 'a'.repeat(64),
      signedAt: '2026-12-02T00:00:00.000Z',
    });
    expect(checkSignature(ring, cp)).toBe('valid');
    expect(checkSignature(ring, { ...cp, seq: 4 })).toBe('invalid');
    expect(checkSignature(ring, { ...cp, headHash: 'b'.repeat(64) })).toBe('invalid');
    expect(checkSignature(new Map(), cp)).toBe('unknown_key');
  });
});

describe('verifyCase', () => {
  const rows = chain(5);
  const head = signer.sign({
    caseId: 'c1',
    seq: 5,
    headHash: rows[4]!.hash,
    signedAt: '2026-12-02T00:00:00.000Z',
  });

  it('passes a chain that holds its checkpoint and its case row’s count', () => {
    expect(verifyCase(rows, { lastSeq: 5, checkpoints: [head], keys: ring }).problems).toEqual([]);
  });

  it('reports a deleted tail once, from the furthest evidence', () => {
    expect(verifyCase(rows.slice(0, 3), { lastSeq: 5, checkpoints: [head], keys: ring }).problems).toEqual([
      { seq: 4, reason: 'tail_missing' },
    ]);
  });

  it('reports a head that differs from its checkpoint', () => {
    const rewritten = chain(5).map((r) => ({ ...r }));
    rewritten[4]!.data = { seq: 'x' };
    rewritten[4]!.hash = entryHash(rowToChainedFields(rewritten[4]!));
    expect(verifyCase(rewritten, { lastSeq: 5, checkpoints: [head], keys: ring }).problems).toEqual([
      { seq: 5, reason: 'checkpoint_mismatch' },
    ]);
  });
});

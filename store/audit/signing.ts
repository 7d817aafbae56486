import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from './chain';

/** What a checkpoint vouches for: a case's chain ended at `seq` with `headHash` at `signedAt`. */
export interface CheckpointClaim {
  caseId: string;
  seq: number;
  headHash: string;
  signedAt: string; // ISO 8601 with milliseconds, UTC
  keyId: string;
}

export interface SignedCheckpoint extends CheckpointClaim {
  /** Ed25519 signature over the claim's canonical JSON, base64. */
  signature: string;
}

export interface CheckpointSigner {
  keyId: string;
  publicKey: KeyObject;
  sign(claim: Omit<CheckpointClaim, 'keyId'>): SignedCheckpoint;
}

/** The first 16 hex digits of the SHA-256 of the public key (SubjectPublicKeyInfo, DER). */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

function claimBytes(claim: CheckpointClaim): Buffer {
  const { caseId, seq, headHash, signedAt, keyId } = claim;
  return Buffer.from(canonicalJson({ caseId, seq, headHash, signedAt, keyId }), 'utf8');
}

/** A signer from an Ed25519 private key in PEM (PKCS#8), as `duban audit keygen` writes it. */
export function signerFromPem(pem: string): CheckpointSigner {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the signing key is not an Ed25519 key');
  const publicKey = createPublicKey(privateKey);
  const keyId = keyIdOf(publicKey);
  return {
    keyId,
    publicKey,
    sign(claim) {
      const full = { ...claim, keyId };
      return { ...full, signature: sign(null, claimBytes(full), privateKey).toString('base64') };
    },
  };
}

export function loadSigner(file: string): CheckpointSigner {
  return signerFromPem(readFileSync(file, 'utf8'));
}

/** A new Ed25519 key pair in PEM, with its key id. */
export function generateSigningKey(): { privatePem: string; publicPem: string; keyId: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: keyIdOf(publicKey),
  };
}

/** Public keys by key id: the ones checkpoints may be signed with (the current and retired keys). */
export type KeyRing = Map<string, KeyObject>;

/**
 * The verification keys: every `*.pem` in `dir` (public keys, or private keys whose public part
 * is taken) and the public part of the current signing key file.
 */
export function loadKeyRing(options: { dir?: string; signingKeyFile?: string }): KeyRing {
  const ring: KeyRing = new Map();
  const add = (pem: string) => {
    const key = pem.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(pem)) : createPublicKey(pem);
    if (key.asymmetricKeyType === 'ed25519') ring.set(keyIdOf(key), key);
  };
  if (options.dir && existsSync(options.dir)) {
    for (const name of readdirSync(options.dir)
      .filter((n) => n.endsWith('.pem'))
      .sort())
      add(readFileSync(join(options.dir, name), 'utf8'));
  }
  if (options.signingKeyFile) add(readFileSync(options.signingKeyFile, 'utf8'));
  return ring;
}

export type SignatureVerdict = 'valid' | 'invalid' | 'unknown_key';

export function checkSignature(ring: KeyRing, checkpoint: SignedCheckpoint): SignatureVerdict {
  const key = ring.get(checkpoint.keyId);
  if (!key) return 'unknown_key';
  try {
    return verify(null, claimBytes(checkpoint), key, Buffer.from(checkpoint.signature, 'base64'))
      ? 'valid'
      : 'invalid';
  } catch {
    return 'invalid';
  }
}

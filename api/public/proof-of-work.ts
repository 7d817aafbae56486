/**
 * Challenges of the public intake's proof of work: issued signed (so the server keeps nothing
 * until one is used), checked before the request's body is read, spent once.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { NONCE_PATTERN } from '../../domain/intake-proof';
import { Problem } from '../problem';

/** Zero bits to find: about 2^18 hashes, a second of a phone's or a PC's browser. */
export const DEFAULT_INTAKE_PROOF_BITS = 18;

/** How long a challenge may be solved and used. */
export const CHALLENGE_SECONDS = 10 * 60;

export interface IssuedChallenge {
  challenge: string;
  difficulty: number;
  expiresAt: string;
}

/** A checked, solved challenge: its id (to spend once) and when it expires. */
export interface SolvedChallenge {
  id: string;
  expiresAt: Date;
}

const signature = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(`intake-proof\n${payload}`).digest('base64url');

export function issueChallenge(secret: string, difficulty: number, now: Date): IssuedChallenge {
  const expires = Math.floor(now.getTime() / 1000) + CHALLENGE_SECONDS;
  const payload = `${randomBytes(16).toString('base64url')}.${difficulty}.${expires}`;
  return {
    challenge: `${payload}.${signature(secret, payload)}`,
    difficulty,
    expiresAt: new Date(expires * 1000).toISOString(),
  };
}

export const proofRequired = (detail: string) =>
  new Problem(428, 'proof-of-work-required', '需要完成提交前验证', detail);

/** Leading zero bits of a digest. */
export function leadingZeroBits(digest: Buffer): number {
  let zeros = 0;
  for (const byte of digest) {
    if (byte === 0) {
      zeros += 8;
      continue;
    }
    return zeros + Math.clz32(byte) - 24;
  }
  return zeros;
}

/**
 * The challenge `header` solves, or a 428 saying why not: missing, not ours, expired, easier
 * than `difficulty` (issued before it was raised) or not solved. Costs one HMAC and one hash.
 */
export function checkProof(
  secret: string,
  header: string | undefined,
  difficulty: number,
  now: Date,
): SolvedChallenge {
  const again = '，请重新提交（页面会自动完成验证）';
  if (!header)
    throw proofRequired(
      `缺少提交前验证（${'X-Intake-Proof'}）；请先取得验证题（GET /api/public/challenge）并求解`,
    );
  const cut = header.lastIndexOf(':');
  const challenge = header.slice(0, cut);
  const nonce = header.slice(cut + 1);
  const [id, bits, expires, signed, ...rest] = challenge.split('.');
  const payload = `${id}.${bits}.${expires}`;
  if (
    cut < 0 ||
    rest.length > 0 ||
    !signed ||
    !NONCE_PATTERN.test(nonce) ||
    !sameText(signed, signature(secret, payload))
  )
    throw proofRequired(`提交前验证无效${again}`);
  if (Number(expires) * 1000 < now.getTime()) throw proofRequired(`提交前验证已过期${again}`);
  if (Number(bits) < difficulty) throw proofRequired(`提交前验证的难度不足${again}`);
  const digest = createHash('sha256').update(`${challenge}:${nonce}`).digest();
  if (leadingZeroBits(digest) < Number(bits)) throw proofRequired(`提交前验证未完成${again}`);
  return { id: id!, expiresAt: new Date(Number(expires) * 1000) };
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

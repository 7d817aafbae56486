/** Solves the public intake's proof of work as a browser would, for tests that submit leads. */
import { createHash } from 'node:crypto';
import { INTAKE_PROOF_HEADER } from '../../domain/intake-proof';

/** Whether SHA-256 of `<challenge>:<nonce>` starts with `bits` (at most 32) zero bits. */
export function solvesChallenge(challenge: string, nonce: number, bits: number): boolean {
  const head = createHash('sha256').update(`${challenge}:${nonce}`).digest().readUInt32BE(0);
  return bits === 0 || head >>> (32 - bits) === 0;
}

/** A fresh challenge from the server, solved: the header value, and the parts. */
export async function solvedChallenge(baseUrl: string) {
  const res = await fetch(new URL('/api/public/challenge', baseUrl));
  if (res.status !== 200) throw new Error(`challenge refused: ${res.status}`);
  const { challenge, difficulty } = (await res.json()) as { challenge: string; difficulty: number };
  let nonce = 0;
  while (!solvesChallenge(challenge, nonce, difficulty)) nonce += 1;
  return { challenge, difficulty, nonce, header: `${challenge}:${nonce}` };
}

/** The header of a solved challenge, to send with one public lead. */
export async function intakeProofHeaders(baseUrl: string): Promise<Record<string, string>> {
  return { [INTAKE_PROOF_HEADER]: (await solvedChallenge(baseUrl)).header };
}

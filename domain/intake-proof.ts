/**
 * The public intake's proof of work, as the server and the browser both see it. The server
 * issues a signed challenge with a difficulty; the browser finds a nonce such that SHA-256 of
 * `<challenge>:<nonce>` starts with that many zero bits, and sends `<challenge>:<nonce>` in the
 * header below with its lead. A solution is accepted once.
 */
export const INTAKE_PROOF_HEADER = 'x-intake-proof';

/** A nonce is a decimal number of at most 15 digits (a safe integer). */
export const NONCE_PATTERN = /^\d{1,15}$/;

/** The header's value for a solved challenge. */
export function intakeProof(challenge: string, nonce: number): string {
  return `${challenge}:${nonce}`;
}

import { createHash, createHmac } from 'node:crypto';

/**
 * A keyed hash of an identifying value (a login name, a submitter's address) for counting
 * and matching without storing the value itself. `purpose` keeps the uses apart.
 */
export function keyedHash(secret: string, purpose: string, value: string): string {
  return createHmac('sha256', secret).update(`${purpose}\n${value}`).digest('base64url');
}

/** Tokens are long random strings, so a plain SHA-256 is enough to store them. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

import { randomBytes } from 'node:crypto';

/** Integration tokens are recognisable by their prefix (also to secret scanners). */
export const API_TOKEN_PREFIX = 'duban_';
/** How many characters of an API token are kept in clear, to tell tokens apart in a list. */
const SHOWN_CHARS = API_TOKEN_PREFIX.length + 6;

export function newApiToken(): { token: string; prefix: string } {
  const token = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, prefix: token.slice(0, SHOWN_CHARS) };
}

export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A random identifier with a readable kind, e.g. newId('tok') → 'tok-3f9a…'. */
export function newId(kind: string): string {
  return `${kind}-${randomBytes(10).toString('hex')}`;
}

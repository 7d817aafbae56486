/**
 * HTTP hardening shared by every response: helmet's headers with one content security policy
 * (the web application's), HSTS only when the public address is https, and the bearer check of
 * /metrics.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import helmet from 'helmet';

/** The policy of every response; the API docs page and stored attachments narrow it further. */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'], // FullCalendar's arrow icons
  'style-src': ["'self'", "'unsafe-inline'"],
  'connect-src': ["'self'"],
  // A statutory document's PDF previewed in the page, fetched with the session's token as a blob.
  'frame-src': ["'self'", 'blob:'],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
  'base-uri': ["'self'"],
  'object-src': ["'none'"],
};

/** helmet's headers; `https` (PUBLIC_URL is https, so a TLS proxy is in front) turns HSTS on. */
export function securityHeaders(options: { https: boolean }): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    // The page loads only its own assets; cross-origin isolation would add nothing but breakage.
    crossOriginEmbedderPolicy: false,
  });
}

/** Whether the request carries `Authorization: Bearer <token>`, compared in constant time. */
export function bearerMatches(req: Request, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1] ?? '';
  // Hashing first makes both sides the same length, so the comparison leaks no length either.
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(token));
}

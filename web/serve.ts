/**
 * Serves the built web application (web/dist) at the API's port: its files, and index.html
 * for any other GET outside /api, /healthz and /metrics, so that a reload on /cases/… works.
 * Mounted before authentication: the page itself is public, the data behind it is not. Its
 * content security policy is the one every response carries (api/security.ts).
 * Without a build (API tests, `node api/main.ts` without `npm start`) it passes everything on.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type RequestHandler } from 'express';
import { APP_ROOT } from '../config/app-root';

const DIST = join(APP_ROOT, 'web', 'dist');
const NOT_UI = /^\/(api|healthz|metrics)(\/|$)/i;

export function webApp(dist: string = DIST): RequestHandler {
  const files = express.static(dist, {
    index: false,
    setHeaders: (res, path) => {
      res.setHeader(
        'Cache-Control',
        path.includes(`${join(dist, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_UI.test(req.path)) return next();
    const index = join(dist, 'index.html');
    if (!existsSync(index)) return next();
    files(req, res, () => {
      // A missing asset is a 404, not the page: only page paths fall back to index.html.
      if (/\.[a-z0-9]+$/i.test(req.path)) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  };
}

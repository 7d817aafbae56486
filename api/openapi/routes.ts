import { dirname, join } from 'node:path';
import type { Express, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { defineRoute, type RouteRegistry } from '../routing';
import { openApiDocument } from './document';

/** GET /api/openapi.json: built once, on first request, when every route is declared. */
export function openApiRoute(app: Express, routes: RouteRegistry): void {
  let document: Record<string, unknown> | undefined;
  defineRoute(
    { router: app, registry: routes, mountPath: '' },
    {
      method: 'get',
      path: '/api/openapi.json',
      tag: '文档',
      summary: 'OpenAPI 3.1 文档',
      auth: 'public',
      responses: { 200: { description: '本文档', schema: z.looseObject({ openapi: z.literal('3.1.0') }) } },
    },
    async ({ res }) => {
      document ??= openApiDocument(routes);
      res.json(document);
    },
  );
}

const ASSETS = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png', 'favicon-16x16.png']);

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>督办 API 参考</title>
<link rel="icon" type="image/png" href="/api/docs/favicon-32x32.png">
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>
`;

// The tags start folded: Swagger UI drawing all operations at once slows to a crawl past about 128 of them.
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true, docExpansion: 'none' });\n`;

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'";

/** /api/docs: the browsable reference, from swagger-ui-dist's local files (no CDN). */
export function apiDocs(): RequestHandler {
  const dir = dirname(require.resolve('swagger-ui-dist/package.json'));
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const name = req.path.replace(/^\//, '');
    if (name === '') return send(res, 'text/html; charset=utf-8', PAGE);
    if (name === 'init.js') return send(res, 'text/javascript; charset=utf-8', INIT);
    if (!ASSETS.has(name)) return next();
    res.sendFile(join(dir, name), { maxAge: '1d' }, (err) => err && next(err));
  };
}

function send(res: Response, type: string, body: string): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.type(type).send(body);
}

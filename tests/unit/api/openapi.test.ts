import { openApiDocument } from '../../../api/openapi/document';
import { stubApp } from './app-stub';

type Operation = {
  operationId: string;
  tags: string[];
  security: unknown[];
  parameters?: { name: string; in: string; required: boolean; schema: unknown }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
  'x-duban-auth': string;
  'x-duban-roles': string[];
};

const { routes } = stubApp();
const doc = openApiDocument(routes) as {
  openapi: string;
  tags: { name: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
};
const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ path, method, op })),
);

describe('the OpenAPI document', () => {
  it('when generated, then it is OpenAPI 3.1 with both security schemes and the problem schema', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['accessToken', 'apiToken']);
    expect(doc.components.schemas.Problem).toBeDefined();
  });

  it('when generated, then operation IDs are unique and every tag used is listed', () => {
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const listed = new Set(doc.tags.map((t) => t.name));
    expect(operations.filter((o) => !listed.has(o.op.tags[0]!))).toEqual([]);
  });

  it('when generated, then every 4xx and 5xx answer is problem JSON, except the health check’s own body', () => {
    for (const { path, op } of operations) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400 || path === '/healthz') continue;
        expect([path, status, Object.keys(response.content ?? {})]).toEqual([
          path,
          status,
          ['application/problem+json'],
        ]);
      }
    }
  });

  it('when generated, then every path parameter is declared and no schema carries $schema', () => {
    for (const { path, op } of operations) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      expect([path, declared.sort()]).toEqual([path, inPath.sort()]);
    }
    expect(JSON.stringify(doc)).not.toContain('"$schema"');
  });

  it('when a route needs an account, then it names its security and roles; public routes need none', () => {
    for (const { op } of operations) {
      if (op['x-duban-auth'] === 'public') expect(op.security).toEqual([]);
      else {
        expect(op.security).toEqual([{ accessToken: [] }, { apiToken: [] }]);
        expect(op.responses['401']).toBeDefined();
        expect(op['x-duban-roles'].length).toBeGreaterThan(0);
      }
    }
  });

  it('when a body is declared, then it rejects unknown fields (additionalProperties false)', () => {
    for (const { path, op } of operations) {
      const schema = op.requestBody?.content['application/json']?.schema;
      if (schema) expect([path, schema.additionalProperties]).toEqual([path, false]);
    }
  });
});

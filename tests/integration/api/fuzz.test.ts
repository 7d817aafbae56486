/**
 * A seeded property-based run over the OpenAPI document: for every documented operation
 * (except the national admin settings, which other tests rely on), a caller the operation
 * admits sends generated parameters, queries and bodies, shaped by the documented field
 * names. No answer may be a 5xx, and every answer must be one the document lists.
 */
import fc from 'fast-check';
import { ROLES, type Role } from '../../../domain/roles';
import { createTestOrg, type TestOrg } from '../../helpers/fixtures';
import { startSystem, type System } from '../../helpers/system';
import { stubApp } from '../../unit/api/app-stub';
import { Caller, expectNoInternals, signIn } from './helpers';
import { openApiDocument } from '../../../api/openapi/document';

type Schema = { properties?: Record<string, unknown> };
type Operation = {
  parameters?: { name?: string; in?: string }[];
  requestBody?: { content: { 'application/json': { schema: Schema } } };
  responses: Record<string, unknown>;
  'x-duban-roles': Role[];
};

const doc = openApiDocument(stubApp().routes) as { paths: Record<string, Record<string, Operation>> };
const operations = Object.entries(doc.paths)
  .filter(([path]) => !path.startsWith('/api/admin/'))
  .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));

let system: System;
let org: TestOrg;
const callers = {} as Record<Role | 'anonymous', Caller>;

beforeAll(async () => {
  system = await startSystem();
  org = await createTestOrg(system.db);
  callers.anonymous = new Caller(system.baseUrl, undefined);
  const users: Record<Role, keyof TestOrg> = {
    prosecutor: 'prosecutor',
    head: 'head',
    chief: 'chief',
    case_office: 'caseOffice',
    admin: 'admin',
    oversight: 'oversight',
    platform_admin: 'platformAdmin',
  };
  for (const role of ROLES)
    callers[role] = (await signIn(system.baseUrl, org[users[role]] as { username: string })).client;
});
afterAll(() => system.stop());

const segment = fc.oneof(
  fc.string({ minLength: 1, maxLength: 30 }),
  fc.constantFrom(`${'x'.repeat(5)}-2026-00001`, "1' OR '1'='1", '<script>', '..', '%00', '9'.repeat(30)),
);
const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string({ maxLength: 50 }));

function bodyFor(op: Operation) {
  const names = Object.keys(op.requestBody?.content['application/json']?.schema.properties ?? {});
  const shaped =
    names.length > 0
      ? fc.dictionary(fc.constantFrom(...names), value, { maxKeys: names.length })
      : fc.constant({});
  return fc.oneof(
    shaped,
    fc.jsonValue({ maxDepth: 2 }),
    fc.dictionary(fc.string({ maxLength: 10 }), value, { maxKeys: 4 }),
  );
}

function queryFor(op: Operation) {
  const names = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name!);
  if (names.length === 0) return fc.constant('');
  return fc
    .dictionary(fc.constantFrom(...names), fc.string({ maxLength: 20 }), { maxKeys: names.length })
    .map((q) => (Object.keys(q).length ? `?${new URLSearchParams(q).toString()}` : ''));
}

describe('fuzzing the documented operations', () => {
  it.each(operations.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))(
    'when %s gets generated input, then it never answers 5xx nor anything undocumented',
    async (_name, { path, method, op }) => {
      const caller = callers[op['x-duban-roles'][0] ?? 'anonymous'];
      const hasBody = op.requestBody !== undefined;
      const params = (path.match(/\{\w+\}/g) ?? []).length;
      await fc.assert(
        fc.asyncProperty(
          fc.array(segment, { minLength: params, maxLength: params }),
          queryFor(op),
          bodyFor(op),
          async (segs, query, body) => {
            let i = 0;
            const url = path.replace(/\{\w+\}/g, () => encodeURIComponent(segs[i++]!)) + query;
            const res = await caller.request(method.toUpperCase(), url, hasBody ? body : undefined);
            expectNoInternals(res);
            // A `..` segment makes the URL another path (RFC 3986 §5.2.4), whose refusals this operation does not list.
            const elsewhere = segs.includes('..') && res.status >= 400 && res.status < 500;
            expect({
              url,
              status: res.status,
              documented: elsewhere || String(res.status) in op.responses,
            }).toEqual({
              url,
              status: res.status,
              documented: true,
            });
          },
        ),
        { seed: 20261128, numRuns: 12 },
      );
    },
  );
});

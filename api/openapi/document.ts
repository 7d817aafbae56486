/**
 * The OpenAPI 3.1 document, generated from the same route declarations (and zod schemas)
 * that validate requests: what is documented is what is enforced.
 */
import { z } from 'zod';
import { ROLES } from '../../domain/roles';
import type { RegisteredRoute, RouteRegistry } from '../routing';
import { COMPONENTS, DOCUMENT_INFO, TAG_DESCRIPTIONS } from './components';
import { standardResponses } from './responses';

type Json = Record<string, unknown>;

export function openApiDocument(registry: RouteRegistry): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of registry.routes) {
    const path = route.fullPath.replace(/:(\w+)/g, '{$1}');
    (paths[path] ??= {})[route.spec.method] = operation(route, path);
  }
  const tags = [...new Set(registry.routes.map((r) => r.spec.tag))].map((name) => ({
    name,
    ...(TAG_DESCRIPTIONS[name] ? { description: TAG_DESCRIPTIONS[name] } : {}),
  }));
  return { openapi: '3.1.0', info: DOCUMENT_INFO, tags, paths, components: COMPONENTS };
}

/** A zod schema as JSON Schema 2020-12 (what OpenAPI 3.1 uses), without the $schema key. */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  return rest;
}

function operation(route: RegisteredRoute, path: string): Json {
  const { spec } = route;
  const idempotent = spec.method === 'post' && spec.idempotent !== false;
  const parameters = [
    ...schemaParameters(spec.params, 'path'),
    ...schemaParameters(spec.query, 'query'),
    ...(spec.headers ?? []).map((h) => ({
      name: h.name,
      in: 'header',
      required: h.required,
      description: h.description,
      schema: { type: 'string' },
    })),
    ...(idempotent ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : []),
  ];
  return {
    operationId: operationId(spec.method, path),
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    security: spec.auth === 'public' ? [] : [{ accessToken: [] }, { apiToken: [] }],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(spec.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } },
          },
        }
      : {}),
    ...(spec.rawBody
      ? {
          requestBody: {
            required: true,
            description: spec.rawBody.description,
            content: { [spec.rawBody.contentType]: { schema: { type: 'string', format: 'binary' } } },
          },
        }
      : {}),
    responses: responses(route, idempotent),
    'x-duban-auth': spec.auth,
    'x-duban-roles': spec.auth === 'public' ? [] : [...(spec.roles ?? ROLES)],
  };
}

function schemaParameters(schema: z.ZodType | undefined, where: 'path' | 'query'): Json[] {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || (json.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

function responses(route: RegisteredRoute, idempotent: boolean): Json {
  const out: Json = {};
  const all = { ...standardResponses(route.spec, idempotent), ...route.spec.responses };
  for (const [status, r] of Object.entries(all).sort(([a], [b]) => Number(a) - Number(b))) {
    const code = Number(status);
    if (code >= 400 && !r.schema) {
      out[status] = {
        description: r.description,
        ...(code === 429 ? { headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } } : {}),
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    } else if (r.schema) {
      const type = r.contentType ?? 'application/json';
      const others = (r.alsoAs ?? []).map((t) => [t, { schema: { type: 'string' } }]);
      out[status] = {
        description: r.description,
        content: { [type]: { schema: jsonSchema(r.schema, 'output') }, ...Object.fromEntries(others) },
      };
    } else if (r.contentType) {
      out[status] = {
        description: r.description,
        content: Object.fromEntries(
          [r.contentType, ...(r.alsoAs ?? [])].map((t) => [
            t,
            { schema: { type: 'string', format: 'binary' } },
          ]),
        ),
      };
    } else {
      out[status] = { description: r.description };
    }
  }
  return out;
}

/** 'post' '/api/leads/public/{id}/decline' → 'postLeadsPublicByIdDecline'. */
export function operationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\//, '/')
    .split(/[/._-]/)
    .filter(Boolean)
    .map((w) => (w.startsWith('{') ? `By${cap(w.slice(1, -1))}` : cap(w)));
  return method + words.join('');
}

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

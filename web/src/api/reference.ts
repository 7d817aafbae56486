/** Reference data every screen names things with, loaded once per session and shared. */
import { api } from './client';
import type { Domain, Named, Organ } from './types';

let domains: Promise<Domain[]> | null = null;
let procuratorates: Promise<Named[]> | null = null;
let organs: Promise<Organ[]> | null = null;
let actionLabels: Promise<Record<string, string>> | null = null;

export const reference = {
  domains: () =>
    (domains ??= api
      .get<Domain[]>('/api/public/domains')
      .catch((e) => ((domains = null), Promise.reject(e)))),
  procuratorates: () =>
    (procuratorates ??= api
      .get<Named[]>('/api/public/procuratorates')
      .catch((e) => ((procuratorates = null), Promise.reject(e)))),
  organs: () =>
    (organs ??= api.get<Organ[]>('/api/organs').catch((e) => ((organs = null), Promise.reject(e)))),
  /** The labels of the staff actions: the summaries of their routes in the OpenAPI document. */
  actionLabels: () => (actionLabels ??= openApi().then(labelsOf)),
  forget(): void {
    organs = null;
  },
};

let openApiDoc: Promise<OpenApi> | null = null;

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: string[];
  description?: string;
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  anyOf?: JsonSchema[];
}

interface OpenApi {
  paths: Record<
    string,
    Record<string, { summary?: string; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>
  >;
}

export function openApi(): Promise<OpenApi> {
  return (openApiDoc ??= api
    .get<OpenApi>('/api/openapi.json')
    .catch((e) => ((openApiDoc = null), Promise.reject(e))));
}

const ACTION_PATH = /^\/api\/cases\/\{id\}\/actions\/(\w+)$/;

function labelsOf(doc: OpenApi): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [path, ops] of Object.entries(doc.paths)) {
    const name = ACTION_PATH.exec(path)?.[1];
    if (name && ops.post?.summary) labels[name] = ops.post.summary;
  }
  return labels;
}

/** The request body schema of one staff action. */
export async function actionSchema(name: string): Promise<JsonSchema> {
  const doc = await openApi();
  const body = doc.paths[`/api/cases/{id}/actions/${name}`]?.post?.requestBody;
  return body?.content['application/json']?.schema ?? { type: 'object', properties: {} };
}

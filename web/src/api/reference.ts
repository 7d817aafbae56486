/** Reference data every screen names things with, loaded once per session and shared. */
import { api } from './client';
import { session } from './session';
import type { DirectoryUser, Domain, Named, Organ } from './types';

let domains: Promise<Domain[]> | null = null;
/** Each procuratorate's directory by its ID; '' is the user's own. */
let users = new Map<string, Promise<DirectoryUser[]>>();
let procuratorates: Promise<Named[]> | null = null;
let organs: Promise<Organ[]> | null = null;
let below: Promise<Named[]> | null = null;
let actionLabels: Promise<Record<string, string>> | null = null;

// What one procuratorate's user loaded is not another's: a different sign-in starts afresh.
let signedIn = session.user()?.id;
session.subscribe(() => {
  if (session.user()?.id === signedIn) return;
  signedIn = session.user()?.id;
  reference.forget();
});

export const reference = {
  /** The domains in force today, with what each allows. */
  domains: () =>
    (domains ??= api.get<Domain[]>('/api/domains').catch((e) => ((domains = null), Promise.reject(e)))),
  /**
   * The procuratorate's people, to show names instead of user IDs; with `procuratorateId`, those
   * of a procuratorate below (a case read from above names its district's staff).
   */
  users: (procuratorateId?: string) => {
    const key = procuratorateId && procuratorateId !== session.user()?.procuratorateId ? procuratorateId : '';
    let found = users.get(key);
    if (!found) {
      found = api
        .get<DirectoryUser[]>('/api/users/directory', { procuratorate: key || undefined })
        .catch((e) => (users.delete(key), Promise.reject(e)));
      users.set(key, found);
    }
    return found;
  },
  procuratorates: () =>
    (procuratorates ??= api
      .get<Named[]>('/api/public/procuratorates')
      .catch((e) => ((procuratorates = null), Promise.reject(e)))),
  organs: () =>
    (organs ??= api.get<Organ[]>('/api/organs').catch((e) => ((organs = null), Promise.reject(e)))),
  /** The labels of the staff actions: the summaries of their routes in the OpenAPI document. */
  actionLabels: () => (actionLabels ??= openApi().then(labelsOf)),
  /** The procuratorates below the user's (none for a district). */
  below: () =>
    (below ??= api.get<Named[]>('/api/oversight/below').catch((e) => ((below = null), Promise.reject(e)))),
  /** After a change (an organ, a domain or a user added), or another user signing in. */
  forget(): void {
    organs = null;
    domains = null;
    users = new Map();
    below = null;
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

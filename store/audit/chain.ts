import { createHash } from 'node:crypto';

/** The hash a case's first timeline entry links to. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of a timeline entry that its hash covers. */
export interface ChainedFields {
  caseId: string;
  seq: number;
  at: string; // ISO 8601 with milliseconds, UTC
  actorId: string;
  kind: string;
  stage: string;
  data: unknown;
  reason: string | null;
  prevHash: string;
}

/** JSON with object keys sorted at every level, so equal values always hash equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(fields: ChainedFields): string {
  return createHash('sha256').update(canonicalJson(fields), 'utf8').digest('hex');
}

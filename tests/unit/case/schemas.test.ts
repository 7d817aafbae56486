// The action schemas are the one contract of the payloads: one per action, and every text field
// in them refuses what PostgreSQL cannot store, naming the field.
import type { z } from 'zod';
import { ACTIONS } from '../../../domain/case/actions';
import { ACTION_SCHEMAS, type ActionName } from '../../../domain/case/payloads';
import { ACCEPTED } from './accepted-table';

type Path = (string | number)[];

/** The paths of the free-text fields of `schema` (strings without a format such as a date). */
function textPaths(schema: z.ZodType, at: Path = []): Path[] {
  const def = schema.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([k, s]) =>
        textPaths(s, [...at, k]),
      );
    case 'array':
      return textPaths(def.element as z.ZodType, [...at, 0]);
    case 'optional':
    case 'default':
    case 'nullable':
      return textPaths(def.innerType as z.ZodType, at);
    case 'string':
      return (schema as z.ZodString).format ? [] : [at];
    default:
      return [];
  }
}

function withValue(payload: unknown, path: Path, value: string): unknown {
  const copy = JSON.parse(JSON.stringify(payload ?? {})) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  path.slice(0, -1).forEach((key, i) => {
    node[key] ??= typeof path[i + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  });
  node[path.at(-1)!] = value;
  return copy;
}

const CELLS = (Object.keys(ACTION_SCHEMAS) as ActionName[]).flatMap((name) =>
  textPaths(ACTION_SCHEMAS[name]).map((path) => [name, path.join('.'), path] as const),
);

it('every action has its schema, and every schema its action', () => {
  expect(Object.keys(ACTION_SCHEMAS).sort()).toEqual(Object.keys(ACTIONS).sort());
});

it('the walk finds the text fields, nested ones included', () => {
  const found = CELLS.map(([name, field]) => `${name}.${field}`);
  expect(found).toEqual(
    expect.arrayContaining(['addNote.text', 'proposeRecommendation.recommendations.0.summary']),
  );
  expect(found).toContain('recordFilingService.organIds.0');
  expect(found).not.toContain('addNote.decidedOn');
  expect(CELLS.length).toBeGreaterThan(40);
});

describe.each(CELLS)('%s: %s', (name, field, path) => {
  const base = ACCEPTED[name].payload;

  it.each([
    ['a NUL', 'bad \u0000 byte'],
    ['a lone high surrogate', 'bad \uD800 half'],
    ['a lone low surrogate', '\uDC00 bad'],
  ])('refuses %s, naming the field', (_what, bad) => {
    const parsed = ACTION_SCHEMAS[name].safeParse(withValue(base, path, bad));
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues[0]!;
    expect(issue.path.join('.')).toBe(field);
    expect(issue.message).toMatch(/无法保存的字符/);
  });

  it('accepts a Chinese text with a full pair of surrogates', () => {
    const parsed = ACTION_SCHEMAS[name].safeParse(withValue(base, path, '某区生态环境局𠀀'));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });
});

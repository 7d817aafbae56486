/**
 * The import graph of the project's own TypeScript files, read with the compiler's parser:
 * which files a file imports (or re-exports from), and whether only for types — type-only
 * imports are erased when the workflow bundle is built, so they never reach it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(__dirname, '../..');

export interface Edge {
  /** Repository-relative path of a project file, or the bare name of a package. */
  to: string;
  typeOnly: boolean;
}

const cache = new Map<string, Edge[]>();

/** The imports of one repository-relative file. */
export function importsOf(file: string): Edge[] {
  const known = cache.get(file);
  if (known) return known;
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.ES2022);
  const edges: Edge[] = [];
  for (const statement of source.statements) {
    const edge = edgeOf(statement);
    if (edge) edges.push({ to: resolveSpecifier(file, edge.specifier), typeOnly: edge.typeOnly });
  }
  cache.set(file, edges);
  return edges;
}

function edgeOf(statement: ts.Statement): { specifier: string; typeOnly: boolean } | undefined {
  if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
    const clause = statement.importClause;
    const named = clause?.namedBindings;
    const allNamedTypes =
      named !== undefined &&
      ts.isNamedImports(named) &&
      named.elements.length > 0 &&
      named.elements.every((e) => e.isTypeOnly);
    const typeOnly =
      clause !== undefined && (clause.isTypeOnly || (clause.name === undefined && allNamedTypes));
    return { specifier: statement.moduleSpecifier.text, typeOnly };
  }
  if (
    ts.isExportDeclaration(statement) &&
    statement.moduleSpecifier &&
    ts.isStringLiteral(statement.moduleSpecifier)
  ) {
    const clause = statement.exportClause;
    const allNamedTypes =
      clause !== undefined &&
      ts.isNamedExports(clause) &&
      clause.elements.length > 0 &&
      clause.elements.every((e) => e.isTypeOnly);
    return { specifier: statement.moduleSpecifier.text, typeOnly: statement.isTypeOnly || allNamedTypes };
  }
  return undefined;
}

/** A relative specifier becomes the project file it names; a package stays its bare name. */
function resolveSpecifier(from: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const base = join(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  const found = candidates.find((c) => existsSync(join(ROOT, c)) && statSync(join(ROOT, c)).isFile());
  return found ?? base;
}

/** Every file reachable from `entry`, following value imports only when `valueOnly`. */
export function reachableFrom(entry: string, { valueOnly }: { valueOnly: boolean }): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!/\.tsx?$/.test(file)) return;
    for (const edge of importsOf(file)) if (!(valueOnly && edge.typeOnly)) visit(edge.to);
  };
  visit(entry);
  return seen;
}

/** The `.ts` files under the given repository-relative folders, tests and declarations left out. */
export function sourceFiles(folders: string[]): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
      const path = join(dir, d.name);
      if (d.isDirectory()) return d.name === 'node_modules' ? [] : walk(path);
      return /\.tsx?$/.test(d.name) && !d.name.endsWith('.d.ts') ? [path] : [];
    });
  return folders.filter((f) => existsSync(join(ROOT, f))).flatMap(walk);
}

/**
 * Every import circle among `files` (type imports included), each as the files round it;
 * `edges` reads a file's imports (the real files' unless given).
 */
export function importCycles(files: string[], edges: (file: string) => Edge[] = importsOf): string[][] {
  const inScope = new Set(files);
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const { to } of edges(file)) {
      if (!inScope.has(to)) continue;
      if (state.get(to) === 'open') cycles.push([...stack.slice(stack.indexOf(to)), to]);
      else if (!state.has(to)) visit(to);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...files].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

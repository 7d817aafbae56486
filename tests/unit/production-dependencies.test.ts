/**
 * The image installs `dependencies` only (npm ci --omit=dev): every package the production
 * code loads at run time must be listed there, and build-only packages need not be.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const PRODUCTION = [
  'api',
  'worker',
  'workflows',
  'activities',
  'store',
  'mail',
  'calendar',
  'domain',
  'documents',
  'config',
  'cli',
];
/** Outside those folders but loaded by them, or run in the image (compose's demo profile). */
const ALSO_RUN = ['web/serve.ts', 'dev/demo-data.ts'];
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

function sourceFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return /\.tsx?$/.test(path) && !path.endsWith('.d.ts') ? [path] : [];
  return readdirSync(path).flatMap((name) => sourceFiles(join(path, name)));
}

/** Module specifiers a file loads at run time: type-only imports and exports are erased. */
function runtimeSpecifiers(source: string): string[] {
  const patterns = [
    /^\s*(?:import|export)\s+(?!type\s)[^'";]*?\sfrom\s+'([^']+)'/gm,
    /^\s*import\s+'([^']+)'/gm,
    /\brequire(?:\.resolve)?\(\s*'([^']+)'\s*\)/g,
    /\bimport\(\s*'([^']+)'\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1]!));
}

/** The package a bare specifier names ('@temporalio/worker/lib/x' → '@temporalio/worker'), or undefined. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return undefined;
  if (specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

describe('production dependencies', () => {
  const files = [...PRODUCTION, ...ALSO_RUN].flatMap((path) => sourceFiles(join(ROOT, path)));
  const used = new Map<string, string>();
  for (const file of files) {
    for (const specifier of runtimeSpecifiers(readFileSync(file, 'utf8'))) {
      const name = packageOf(specifier);
      if (name !== undefined && !used.has(name)) used.set(name, file.slice(ROOT.length + 1));
    }
  }

  it('when the production code is read, then its imports are found', () => {
    expect([...used.keys()]).toEqual(expect.arrayContaining(['pg', '@temporalio/worker', 'express', 'zod']));
  });

  it('when the image installs dependencies only, then every package the production code loads is among them', () => {
    const missing = [...used]
      .filter(([name]) => !(name in pkg.dependencies))
      .map(([name, file]) => `${name} (${file})`);
    expect(missing).toEqual([]);
  });

  it.each([
    ["import { Pool } from 'pg';", ['pg']],
    ["import type { Express } from 'express';", []],
    ["export type { X } from 'vite';", []],
    ["import { type A, b } from '@temporalio/worker/lib/x';", ['@temporalio/worker/lib/x']],
    ["const dir = require.resolve('swagger-ui-dist/package.json');", ['swagger-ui-dist/package.json']],
    ["import './side-effect';", ['./side-effect']],
  ])('when a file says %s, then it loads %j', (source, expected) => {
    expect(runtimeSpecifiers(source)).toEqual(expected);
  });

  it.each([
    ['@temporalio/worker/lib/x', '@temporalio/worker'],
    ['swagger-ui-dist/package.json', 'swagger-ui-dist'],
    ['node:fs', undefined],
    ['fs/promises', undefined],
    ['../store/pool', undefined],
  ])('when the specifier is %s, then the package is %s', (specifier, expected) => {
    expect(packageOf(specifier)).toBe(expected);
  });
});

/**
 * The workflow bundle kept for `npm start` and the tests is found by a hash of the sources: any
 * change to a file a bundle could include makes a new one; tests, the web app and generated
 * folders do not.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { sourcesHash } from '../../dev/workflow-bundle-cache';

let root: string;
const write = (name: string, text: string) => {
  mkdirSync(dirname(join(root, name)), { recursive: true });
  writeFileSync(join(root, name), text);
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'duban-bundle-hash-'));
  write('workflows/index.ts', 'export const a = 1;');
  write('domain/case/model.ts', 'export const b = 2;');
  write('package-lock.json', '{"lockfileVersion":3}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

it('when a workflow, a domain file or the lock file changes, then the hash changes', () => {
  const before = sourcesHash(root);
  expect(sourcesHash(root)).toBe(before);
  const changes: [string, string][] = [
    ['workflows/index.ts', 'export const a = 3;'],
    ['domain/case/model.ts', 'export const b = 4;'],
    ['domain/case/new-rule.ts', 'export const c = 5;'],
    ['package-lock.json', '{"lockfileVersion":3,"x":1}'],
  ];
  for (const [name, text] of changes) {
    const previous = sourcesHash(root);
    write(name, text);
    expect(sourcesHash(root)).not.toBe(previous);
  }
});

it('when only tests, the web app, generated folders or non-code files change, then the hash stays', () => {
  const before = sourcesHash(root);
  write('tests/unit/x.test.ts', 'it("x", () => undefined);');
  write('web/src/app.ts', 'export {};');
  write('node_modules/pkg/index.ts', 'export {};');
  write('dist/workflows/index.ts', 'export {};');
  write('.cache/workflow-bundles/old.ts', 'export {};');
  write('README.md', '# changed');
  expect(sourcesHash(root)).toBe(before);
});

it('when a file moves to another folder, then the hash changes', () => {
  const before = sourcesHash(root);
  rmSync(join(root, 'domain/case/model.ts'));
  write('domain/model.ts', 'export const b = 2;');
  expect(sourcesHash(root)).not.toBe(before);
});

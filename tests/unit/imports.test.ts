// The import graph: the workflow bundle holds no calendar data or parsers, and no production
// file imports another that imports it back, directly or round a circle.
import { importCycles, reachableFrom, sourceFiles } from '../helpers/import-graph';

const PRODUCTION = [
  'domain',
  'workflows',
  'store',
  'calendar',
  'mail',
  'activities',
  'api',
  'worker',
  'cli',
  'config',
];

describe('the workflow bundle', () => {
  const bundled = reachableFrom('workflows/index.ts', { valueOnly: true });

  it('holds the case workflow and the pure reminder timing it needs', () => {
    expect(bundled).toContain('workflows/case/workflow.ts');
    expect(bundled).toContain('domain/expiry.ts');
  });

  it.each([
    ['the chinese-days data', 'chinese-days/dist/chinese-days.json'],
    ['the chinese-days module', 'domain/period/chinese-days.ts'],
    ['the ICS parser', 'domain/period/ics.ts'],
    ['the year import', 'domain/period/year-import.ts'],
    ['the holiday schedule', 'domain/period/schedule.ts'],
    ['the reminder planning', 'domain/reminders.ts'],
  ])('leaves out %s', (_what, file) => {
    expect(bundled).not.toContain(file);
  });

  it('imports no package but Temporal and zod', () => {
    const packages = [...bundled].filter((f) => !f.endsWith('.ts'));
    expect(packages.filter((p) => !/^(@temporalio\/|zod$)/.test(p))).toEqual([]);
  });
});

describe('the production code', () => {
  const files = sourceFiles(PRODUCTION);

  it('is found', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain('domain/period/schedule.ts');
  });

  it('has no import circle', () => {
    expect(importCycles(files).map((cycle) => cycle.join(' → '))).toEqual([]);
  });
});

describe('the cycle finder', () => {
  const graph = (edges: Record<string, string[]>) => (file: string) =>
    (edges[file] ?? []).map((to) => ({ to, typeOnly: true }));

  it('finds a circle round three files, type imports included', () => {
    const edges = graph({ a: ['b'], b: ['c'], c: ['a'], d: ['a'] });
    expect(importCycles(['a', 'b', 'c', 'd'], edges)).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('finds two files that import each other, and nothing in a graph without circles', () => {
    expect(importCycles(['x', 'y'], graph({ x: ['y'], y: ['x'] }))).toEqual([['x', 'y', 'x']]);
    expect(importCycles(['x', 'y', 'z'], graph({ x: ['y', 'z'], y: ['z'] }))).toEqual([]);
  });
});

/** The README's configuration table is held to the settings the code actually reads. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES } from '../../config/config';
import { lifecycleDiagram } from '../../scripts/lifecycle-diagram';
import { SEARCH_ATTRIBUTE_TYPES } from '../../workflows/search-attributes';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** Variables that only `npm start` and `npm test` read, with the files that read them. */
const NPM_START_ONLY: Record<string, string[]> = {
  TEMPORAL_CLI_PATH: ['scripts/ensure-temporal-cli.sh', 'dev/embedded-services.ts'],
  TEMPORAL_TEST_SERVER_PATH: ['scripts/ensure-test-server.sh'],
  MOTO_SERVER_PATH: ['scripts/ensure-moto.sh', 'scripts/test.sh', 'tests/helpers/tools.ts'],
  DUBAN_DATA_DIR: ['dev/start.ts'],
  TEMPORAL_PORT: ['dev/embedded-services.ts'],
  TEMPORAL_UI_PORT: ['dev/embedded-services.ts'],
  EMBEDDED_PG_PORT: ['dev/embedded-services.ts'],
  MAIL_CATCHER_PORT: ['dev/embedded-services.ts'],
  DUBAN_TEMPORAL: ['scripts/start.sh', 'dev/embedded-services.ts'],
  TEMPORAL_SERVER_DIR: ['scripts/ensure-temporal-server.sh', 'dev/embedded-services.ts'],
  TEMPORAL_PG_PORT: ['dev/embedded-services.ts'],
};

function section(heading: string): string {
  const start = README.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README.md has no section "## ${heading}"`);
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end < 0 ? undefined : end);
}

/** Rows of the tables in `text` whose first cell is a `VARIABLE`, as name → cells. */
function variableRows(text: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    const name = /^`([A-Z][A-Z0-9_]*)`$/.exec(cells[0] ?? '')?.[1];
    if (name) rows.set(name, cells.slice(1));
  }
  return rows;
}

const configuration = variableRows(section('Configuration'));

describe('README.md', () => {
  it.each(Object.keys(CONFIG_VARIABLES))(
    'when %s is a setting, then the configuration table has it',
    (name) => {
      expect(configuration.has(name)).toBe(true);
    },
  );

  it.each(Object.entries(CONFIG_VARIABLES))(
    'when %s has a default, then the table shows the same default',
    (name, { default: expected }) => {
      const shown = configuration.get(name)?.[0]?.replace(/`/g, '');
      expect(shown).toBe(expected);
    },
  );

  it('when the table names a variable, then the code reads it', () => {
    const unknown = [...configuration.keys()].filter(
      (n) => !(n in CONFIG_VARIABLES) && !(n in NPM_START_ONLY),
    );
    expect(unknown).toEqual([]);
  });

  it.each(Object.entries(NPM_START_ONLY))(
    'when %s steers npm start or npm test, then the table has it and the code reads it',
    (name, readers) => {
      expect(configuration.get(name)?.[0]).toBeTruthy();
      for (const file of readers) expect(readFileSync(join(ROOT, file), 'utf8')).toContain(name);
    },
  );

  it('when an existing cluster is used, then the README names every search attribute with its type and the setup command', () => {
    const text = section('Using an existing Temporal cluster, PostgreSQL and SMTP server');
    for (const [name, type] of Object.entries(SEARCH_ATTRIBUTE_TYPES))
      expect(text).toContain(`\`${name}\` (${type})`);
    expect(text).toContain('npm run temporal:setup');
  });

  it('when the procedure table changes, then the lifecycle diagram shows what it gives', () => {
    const block = /```mermaid\n[\s\S]*?\n```/.exec(section('Case lifecycle'))?.[0];
    expect(block).toBe(lifecycleDiagram());
  });

  it('when read, then it says what the product is in Chinese and in English before anything else', () => {
    const intro = README.slice(0, README.indexOf('\n## '));
    expect(intro).toMatch(/公益诉讼/);
    expect(intro).toMatch(/public-interest litigation/);
  });

  it.each([
    'Two commands',
    'What `npm start` starts',
    'Docker Compose',
    'Architecture',
    'Case lifecycle',
    'HTTP API',
  ])('when read, then it has the section "%s"', (heading) => {
    expect(section(heading).length).toBeGreaterThan(50);
  });
});

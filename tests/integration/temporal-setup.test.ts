/**
 * `duban temporal setup` on the suite's Temporal server: it makes a namespace ready for cases
 * (namespace, search attributes with their types), changes nothing the second time, and refuses a
 * namespace where an attribute has the wrong type, naming it.
 */
import { Connection } from '@temporalio/client';
import { main } from '../../cli/main';
import { temporalSetupProblems } from '../../config/temporal-setup';
import { SEARCH_ATTRIBUTE_TYPES } from '../../workflows/search-attributes';
import { freshNamespace, namespaceWithMistypedAttribute } from '../helpers/temporal-namespaces';

const address = () => process.env.DUBAN_TEST_TEMPORAL_ADDRESS!;
let connection: Connection;

beforeAll(async () => {
  connection = await Connection.connect({ address: address() });
});
afterAll(() => connection.close());

async function duban(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

it('when the namespace does not exist, then setup creates it with every search attribute, and a second run changes nothing', async () => {
  const namespace = freshNamespace('setup');
  expect(await temporalSetupProblems(connection, namespace)).toEqual([
    { kind: 'namespace_missing', namespace },
  ]);

  const first = await duban('temporal', 'setup', '--address', address(), '--namespace', namespace);
  expect(first).toMatchObject({ code: 0, err: '' });
  expect(first.out).toContain(`创建命名空间 ${namespace}`);
  for (const name of Object.keys(SEARCH_ATTRIBUTE_TYPES)) expect(first.out).toContain(name);
  expect(await temporalSetupProblems(connection, namespace)).toEqual([]);

  const again = await duban('temporal', 'setup', '--address', address(), '--namespace', namespace);
  expect(again).toEqual({ code: 0, out: `命名空间 ${namespace} 已就绪：无需改动。`, err: '' });
});

it('when an attribute is registered with another type, then setup exits 1 naming it, both types and what to do, and registers the others', async () => {
  const namespace = await namespaceWithMistypedAttribute(connection);
  const run = await duban('temporal', 'setup', '--address', address(), '--namespace', namespace);
  expect(run.code).toBe(1);
  expect(run.err).toContain('DubanNextDue is registered as Bool, but duban needs Datetime');
  expect(run.err).toContain('temporal operator search-attribute remove --name DubanNextDue');
  expect(await temporalSetupProblems(connection, namespace)).toEqual([
    { kind: 'attribute_mistyped', name: 'DubanNextDue', actual: 'Bool', expected: 'Datetime' },
  ]);
});

it('when the options are wrong, then it exits 2 with the usage', async () => {
  const run = await duban('temporal', 'setup', '--retention-days', 'forever');
  expect(run.code).toBe(2);
  expect(run.err).toContain('--retention-days');
  expect((await duban('temporal', 'teardown')).code).toBe(2);
});

it('when asked for help after the subcommand, then it prints the usage and succeeds without connecting', async () => {
  const help = await duban('temporal', 'setup', '--help');
  expect(help.code).toBe(0);
  expect(help.out).toContain('用法：duban temporal setup');
  expect(help.err).toBe('');
});

import { runMigrate } from '../../cli/migrate';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => void out.push(l), err: (l: string) => void err.push(l) }, out, err };
}

describe('duban migrate', () => {
  it('when no database is named, then it exits 2 saying how to name one', async () => {
    const { io, err } = capture();
    expect(await runMigrate([], io, {})).toBe(2);
    expect(err[0]).toContain('DATABASE_URL');
  });

  it('when --database is not a PostgreSQL URL, then it exits 2 naming the option', async () => {
    const { io, err } = capture();
    expect(await runMigrate(['--database', 'mysql://x'], io, {})).toBe(2);
    expect(err[0]).toContain('postgres://');
  });

  it('when asked for help, then it prints its usage and exits 0', async () => {
    const { io, out } = capture();
    expect(await runMigrate(['--help'], io, {})).toBe(0);
    expect(out).toEqual(['用法：duban migrate [--database postgres://…]']);
  });
});

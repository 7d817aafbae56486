/**
 * npm run bench [-- --quick] [-- --only B1,B5] [-- --rounds N] [-- --herd N] [-- --idle N] [-- --list N]: the
 * benchmark suite of issue 7 (B8, the production Temporal server, of issue 19). Every figure is a
 * ratio measured side by side in one run (arms interleaved), the median of its per-round ratios
 * with min and max. Prints a table and writes JSON under artifacts/bench/ (git-ignored).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { b1CaseCreation, b2StaffAction } from './b1-b2';
import { b3ReminderHerd } from './b3';
import { b4Memory, b5Audit } from './b4-b5';
import { b6Reads, b7Replay } from './b6-b7';
import { b8ProductionServer } from './b8';
import { b9LargeUpload } from './b9';
import { startBenchContext, type BenchContext } from './context';
import { formatTable, type Figure } from './stats';

// B3 comes first: its change of the reminder policy signals every open case to recompute its
// clocks, and after B4's 10,000 idle cases that backlog would hold up B3's own cases.
const BENCHES: Record<string, (ctx: BenchContext) => Promise<Figure | Figure[]>> = {
  B3: b3ReminderHerd,
  B5: b5Audit,
  B1: b1CaseCreation,
  B2: b2StaffAction,
  B6: b6Reads,
  B7: b7Replay,
  B9: b9LargeUpload,
  // On a second installation of its own (the Temporal server on PostgreSQL), stopped when it ends.
  B8: b8ProductionServer,
  B4: b4Memory,
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const only = argValue(args, '--only')?.split(',');
  const chosen = Object.keys(BENCHES).filter((id) => !only || only.includes(id));
  const rounds = wholeNumberArg(args, '--rounds') ?? (quick ? 3 : 5);
  const herd = wholeNumberArg(args, '--herd');
  const idle = wholeNumberArg(args, '--idle');
  const list = wholeNumberArg(args, '--list');
  const started = Date.now();
  const ctx = await startBenchContext({ quick, rounds, herd, idle, list });
  const figures: Figure[] = [];
  const when = new Date().toISOString();
  const dir = join(__dirname, '..', 'artifacts', 'bench');
  const file = join(dir, `bench-${when.replace(/[:.]/g, '-')}.json`);
  // Saved after every benchmark, so a long run that stops part-way keeps what it measured.
  const save = (complete: boolean, error?: string) => {
    const result = {
      when,
      mode: quick ? 'quick' : 'full',
      complete,
      ...(error ? { error } : {}),
      seconds: Math.round((Date.now() - started) / 1000),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
      },
      figures,
    };
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify(result, null, 2));
    if (complete) writeFileSync(join(dir, 'latest.json'), JSON.stringify(result, null, 2));
    return result;
  };
  try {
    for (const id of chosen) {
      ctx.log(`${id} …`);
      const t = Date.now();
      const measured = [await BENCHES[id]!(ctx)].flat();
      figures.push(...measured);
      save(false);
      ctx.log(`${id} done in ${Math.round((Date.now() - t) / 1000)} s\n${formatTable(measured)}`);
    }
  } catch (err) {
    // Say what failed before stopping the servers, whose shutdown may raise errors of its own.
    const cause = (err as { cause?: unknown }).cause;
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
    process.stderr.write(`bench failed: ${message}\n`);
    if (cause) process.stderr.write(`caused by: ${String(cause)}\n`);
    if (figures.length > 0) process.stderr.write(`what was measured before it is kept in ${file}\n`);
    save(false, message);
    process.exitCode = 1;
  } finally {
    await ctx.stop().catch(() => undefined);
  }
  if (process.exitCode === 1) return;
  const result = save(true);
  const table = formatTable([...figures].sort((a, b) => a.id.localeCompare(b.id)));
  process.stdout.write(`\n${table}\n\n${result.mode} run, ${result.seconds} s; JSON: ${file}\n`);
}

/** The value of `--name value` or `--name=value`, if given. */
function argValue(args: readonly string[], name: string): string | undefined {
  const arg = args.find((a) => a === name || a.startsWith(`${name}=`));
  if (!arg) return undefined;
  return arg.includes('=') ? arg.slice(name.length + 1) : (args[args.indexOf(arg) + 1] ?? '');
}

/** A whole number of at least 1: `--rounds` (instead of the mode's default) and the sizes `--herd`, `--idle`, `--list`. */
function wholeNumberArg(args: readonly string[], name: string): number | undefined {
  const value = argValue(args, name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`bench: ${name} needs a whole number of at least 1, not ${value || 'nothing'}\n`);
    process.exit(2);
  }
  return n;
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

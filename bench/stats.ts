/** Ratios measured side by side: each figure is the median of the per-round ratios, with min and max. */

export interface Figure {
  id: string;
  title: string;
  /** What the ratio divides: "duban ÷ bare", with its unit and which way is better. */
  ratio: string;
  better: 'higher' | 'lower';
  median: number;
  min: number;
  max: number;
  rounds: number[];
  /** The measurements behind each round's ratio, for the JSON only. */
  detail: Record<string, unknown>[];
  note?: string;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function figure(base: Omit<Figure, 'median' | 'min' | 'max'>): Figure {
  return {
    ...base,
    median: percentile(base.rounds, 50),
    min: Math.min(...base.rounds),
    max: Math.max(...base.rounds),
  };
}

/** Times `work` in milliseconds. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Runs `work` over `count` items with `limit` in flight; returns the elapsed milliseconds. */
export async function throughput(
  count: number,
  limit: number,
  work: (i: number) => Promise<unknown>,
): Promise<number> {
  let next = 0;
  return timed(() =>
    Promise.all(
      Array.from({ length: Math.min(limit, count) }, async () => {
        while (next < count) await work(next++);
      }),
    ),
  );
}

/** The arms of a round in alternating order, so neither always runs first. */
export function interleave<T>(round: number, a: T, b: T): [T, T] {
  return round % 2 === 0 ? [a, b] : [b, a];
}

export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.id,
    f.title,
    f.ratio,
    fmt(f.median),
    `${fmt(f.min)} – ${fmt(f.max)}`,
    String(f.rounds.length),
    f.better === 'higher' ? '↑' : '↓',
  ]);
  const head = ['', 'what', 'ratio', 'median', 'min – max', 'rounds', 'better'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

/** Items per second of `count` items done in `ms` milliseconds. */
export function perSecond(count: number, ms: number): number {
  if (!(ms > 0)) throw new Error(`no rate for ${count} items in ${ms} ms`);
  return (count / ms) * 1000;
}

/**
 * Figures of another benchmark as rows of `id`: the benchmark they come from leads the title
 * (B8 runs B1–B3 again on another Temporal), and `note` says what differs.
 */
export function relabel(figures: readonly Figure[], id: string, note: string): Figure[] {
  return figures.map((f) => ({
    ...f,
    id,
    title: `${f.id} ${f.title}`,
    note: f.note ? `${note}; ${f.note}` : note,
  }));
}

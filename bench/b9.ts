/**
 * B9 a large evidence upload with bounded memory: the API process's peak RSS growth while one
 * 50 MB file (quick: 20 MB) is uploaded through POST /api/cases/:id/evidence, against the same
 * for a file a tenth of its size in the same round (the baseline arm). The figure is the extra
 * peak per extra byte uploaded: about 0 when the upload streams, 1 when the route holds the body.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createBackfilledCase } from '../tests/faults/support/world';
import { size, type BenchContext } from './context';
import { figure, interleave, type Figure } from './stats';

const MB = 1024 * 1024;
const JPEG_HEAD = Buffer.from('ffd8ffe000104a464946', 'hex');

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return Number(line![1]);
}

/**
 * The process's peak RSS above its RSS at the start, in MB, while `work` runs: the kernel's
 * high-water mark reset first (clear_refs), and RSS also sampled every 5 ms where that is refused.
 */
async function peakGrowthMb(pid: number, work: () => Promise<void>): Promise<number> {
  const before = statusKb(pid, 'VmRSS');
  let kernelPeak = true;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    kernelPeak = false;
  }
  let sampled = before;
  const timer = setInterval(() => (sampled = Math.max(sampled, statusKb(pid, 'VmRSS'))), 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  const peak = kernelPeak ? statusKb(pid, 'VmHWM') : Math.max(sampled, statusKb(pid, 'VmRSS'));
  return Math.max(0, peak - before) / 1024;
}

async function upload(ctx: BenchContext, caseId: string, bytes: Buffer, name: string): Promise<void> {
  const token = (ctx.world.prosecutor as unknown as { token?: string }).token;
  const res = await fetch(
    `${ctx.cluster.apiUrl}/api/cases/${caseId}/evidence?${new URLSearchParams({ name })}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` },
      body: bytes,
    },
  );
  const text = await res.text();
  if (res.status !== 201 && res.status !== 202) throw new Error(`B9 upload answered ${res.status}: ${text}`);
}

export async function b9LargeUpload(ctx: BenchContext): Promise<Figure[]> {
  const largeMb = size(ctx, 20, 50);
  const pid = ctx.cluster.api!.pid;
  const caseId = await createBackfilledCase(ctx.world, 0);
  const file = (mb: number) => Buffer.concat([JPEG_HEAD, randomBytes(mb * MB - JPEG_HEAD.length)]);
  const large = file(largeMb);
  const small = file(largeMb / 10);
  // The first uploads load code and grow the heap to its working size: not what a file costs.
  await upload(ctx, caseId, small, 'warm-up-small.jpg');
  await upload(ctx, caseId, large, 'warm-up-large.jpg');
  const perFile: number[] = [];
  const marginal: number[] = [];
  const detail: Record<string, unknown>[] = [];
  for (let r = 0; r < ctx.sizes.rounds; r++) {
    const growth: Record<string, number> = {};
    for (const arm of interleave(r, 'large', 'small') as ('large' | 'small')[]) {
      const bytes = arm === 'large' ? large : small;
      growth[arm] = await peakGrowthMb(pid, () => upload(ctx, caseId, bytes, `${arm}-${r}.jpg`));
    }
    // Garbage awaiting collection moves each arm's peak by some MB either way: the difference
    // over 0.9 × the file's size is what the extra bytes cost.
    marginal.push((growth.large! - growth.small!) / (largeMb - largeMb / 10));
    perFile.push(growth.large! / largeMb);
    detail.push({ largeMb, smallMb: largeMb / 10, largeGrowthMb: growth.large, smallGrowthMb: growth.small });
  }
  return [
    figure({
      id: 'B9',
      title: `${largeMb} MB evidence upload`,
      ratio: `extra peak RSS per extra MB vs a ${largeMb / 10} MB file (1 = held)`,
      better: 'lower',
      rounds: marginal,
      detail,
    }),
    figure({
      id: 'B9',
      title: `${largeMb} MB evidence upload`,
      ratio: 'API peak RSS growth ÷ file size (1 = whole file held)',
      better: 'lower',
      rounds: perFile,
      detail,
    }),
  ];
}

// `duban audit verify [--case ID] [--database URL] [--json]`: re-walks every case's hash chain.
import { verifyChain, type ChainVerdict } from '../store/audit/verify';
import { createDb } from '../store/pool';
import { timelineOf } from '../store/timeline';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliIo } from './deadline';
import { UsageError } from './deadline-args';
import { databaseUrl, parseOptions } from './options';

export const AUDIT_USAGE = '用法：duban audit verify [--case 案件编号] [--database postgres://…] [--json]';

const REASONS: Record<NonNullable<ChainVerdict['broken']>['reason'], string> = {
  hash_mismatch: '记录内容与其哈希不符（记录被改动）',
  link_mismatch: '与前一条记录的哈希链接断开（前一条被改动或替换）',
  sequence_gap: '序号不连续（有记录被删除或插入）',
};

export async function runAudit(
  argv: string[],
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === '--help' || verb === '-h') return (io.out(AUDIT_USAGE), EXIT_OK);
  try {
    if (verb !== 'verify')
      throw new UsageError(verb ?? 'verify', verb ? `未知操作：${verb}` : '缺少操作：verify');
    const options = parseOptions(rest, {
      case: { type: 'string' },
      database: { type: 'string' },
      json: { type: 'boolean' },
    });
    return await verifyAll(databaseUrl(options.database, env), options.case, options.json === true, io);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`duban audit：${err.message}`);
    io.err(AUDIT_USAGE);
    return EXIT_USAGE;
  }
}

async function verifyAll(url: string, caseId: string | undefined, json: boolean, io: CliIo): Promise<number> {
  const db = createDb({ connectionString: url, max: 1, applicationName: 'duban-audit' });
  try {
    const ids = (
      await db.query<{ case_id: string }>(
        `SELECT DISTINCT case_id FROM audit_entries WHERE ($1::text IS NULL OR case_id = $1) ORDER BY case_id`,
        [caseId ?? null],
      )
    ).map((r) => r.case_id);
    if (caseId && ids.length === 0) {
      io.err(`duban audit：案件 ${caseId} 没有时间线记录`);
      return EXIT_FAILURE;
    }
    let entries = 0;
    const broken: { caseId: string; seq: number; reason: string }[] = [];
    for (const id of ids) {
      const verdict = verifyChain(await timelineOf(db, id));
      entries += verdict.entries;
      if (verdict.broken) broken.push({ caseId: id, seq: verdict.broken.seq, reason: verdict.broken.reason });
    }
    report(io, json, { cases: ids.length, entries, broken });
    return broken.length === 0 ? EXIT_OK : EXIT_FAILURE;
  } finally {
    await db.close();
  }
}

function report(
  io: CliIo,
  json: boolean,
  r: { cases: number; entries: number; broken: { caseId: string; seq: number; reason: string }[] },
) {
  if (json) return io.out(JSON.stringify({ ok: r.broken.length === 0, ...r }));
  for (const b of r.broken) {
    io.out(
      `案件 ${b.caseId}：第 ${b.seq} 条记录校验失败——${REASONS[b.reason as keyof typeof REASONS] ?? b.reason}`,
    );
  }
  if (r.broken.length === 0) io.out(`已校验 ${r.cases} 个案件、${r.entries} 条时间线记录：哈希链完整。`);
  else io.out(`已校验 ${r.cases} 个案件、${r.entries} 条记录：${r.broken.length} 个案件的时间线未通过校验。`);
}

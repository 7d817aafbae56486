// `duban audit verify`: re-walks every case's hash chain and checks it against the case rows and
// the signed checkpoints. `duban audit keygen`: makes the Ed25519 key the worker signs them with.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkpointedCases, checkpointsOf, readCheckpointFile } from '../store/audit/checkpoints';
import { generateSigningKey, loadKeyRing, type KeyRing } from '../store/audit/signing';
import { verifyCase, type CaseProblemReason } from '../store/audit/verify';
import {
  compareWithHistory,
  openCaseHistories,
  type CaseHistories,
  type CaseHistory,
  type HistoryProblemReason,
} from './audit-temporal';
import { createDb } from '../store/pool';
import { timelineOf } from '../store/timeline';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliIo } from './deadline';
import { UsageError } from './deadline-args';
import { databaseUrl, parseOptions } from './options';

export const AUDIT_USAGE = [
  '用法：duban audit verify [--case 案件编号] [--database postgres://…] [--keys 公钥目录]',
  '                         [--signing-key 私钥文件] [--checkpoint-file 检查点文件] [--temporal] [--json]',
  '  --temporal：再对照各案件（含已结案件）在 Temporal 中仍保存的工作流历史，含续作（continue-as-new）前的各次运行',
  '             （TEMPORAL_ADDRESS、TEMPORAL_NAMESPACE、TEMPORAL_CODEC_KEYS 等）；超过保留期已不在的历史只作说明，不算失败。',
  '      duban audit keygen --out 私钥文件',
].join('\n');

const REASONS: Record<CaseProblemReason | HistoryProblemReason, string> = {
  hash_mismatch: '记录内容与其哈希不符（记录被改动）',
  link_mismatch: '与前一条记录的哈希链接断开（前一条被改动或替换）',
  sequence_gap: '序号不连续（有记录被删除或插入）',
  tail_missing: '此后的记录缺失（案件记录或签名检查点表明时间线更长：末尾被删除）',
  checkpoint_mismatch: '与签名检查点记下的哈希不符（时间线被改写后重新计算了哈希）',
  checkpoint_signature: '签名检查点的签名无效（检查点被伪造或改动）',
  checkpoint_unknown_key: '签名检查点的密钥未知（请用 --keys 给出签名时所用的公钥）',
  history_mismatch: '与 Temporal 工作流历史记下的哈希不符（写入后被改写）',
  history_missing: 'Temporal 工作流历史记下已写入，数据库中却没有（记录被删除）',
};

export async function runAudit(
  argv: string[],
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === '--help' || verb === '-h') return (io.out(AUDIT_USAGE), EXIT_OK);
  try {
    if (verb === 'keygen') return keygen(parseOptions(rest, { out: { type: 'string' } }).out, io);
    if (verb !== 'verify')
      throw new UsageError(verb ?? 'verify', verb ? `未知操作：${verb}` : '缺少操作：verify');
    const options = parseOptions(rest, {
      case: { type: 'string' },
      database: { type: 'string' },
      keys: { type: 'string' },
      'signing-key': { type: 'string' },
      'checkpoint-file': { type: 'string' },
      json: { type: 'boolean' },
      temporal: { type: 'boolean' },
    });
    const keysDir = options.keys ?? (env.AUDIT_PUBLIC_KEYS_DIR || undefined);
    const signingKeyFile = options['signing-key'] ?? (env.AUDIT_SIGNING_KEY_FILE || undefined);
    let keys: KeyRing;
    try {
      keys = loadKeyRing({ ...(keysDir && { dir: keysDir }), ...(signingKeyFile && { signingKeyFile }) });
    } catch (err) {
      throw new UsageError('--keys', `无法读取公钥：${err instanceof Error ? err.message : String(err)}`);
    }
    return await verifyAll(
      {
        url: databaseUrl(options.database, env),
        caseId: options.case,
        keys,
        checkpointFile: options['checkpoint-file'] ?? (env.AUDIT_CHECKPOINT_FILE || undefined),
        json: options.json === true,
        temporal: options.temporal === true ? env : undefined,
      },
      io,
    );
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`duban audit：${err.message}`);
    io.err(AUDIT_USAGE);
    return EXIT_USAGE;
  }
}

function keygen(out: string | undefined, io: CliIo): number {
  if (!out) throw new UsageError('--out', '缺少 --out：私钥文件的路径');
  if (existsSync(out)) {
    io.err(`duban audit：${out} 已存在；轮换密钥时请写入新文件，并把旧公钥留在 AUDIT_PUBLIC_KEYS_DIR 中`);
    return EXIT_FAILURE;
  }
  const key = generateSigningKey();
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, key.privatePem, { mode: 0o600, flag: 'wx' });
  writeFileSync(`${out}.pub.pem`, key.publicPem, { mode: 0o644 });
  io.out(`已生成签名密钥 ${key.keyId}：私钥 ${out}，公钥 ${out}.pub.pem`);
  return EXIT_OK;
}

interface VerifyRequest {
  url: string;
  caseId: string | undefined;
  keys: KeyRing;
  checkpointFile: string | undefined;
  json: boolean;
  /** The environment to reach Temporal with, when the cases' workflow histories are to be read. */
  temporal: NodeJS.ProcessEnv | undefined;
}

/** A case whose workflow history Temporal no longer holds, whole or its earliest runs (retention). */
interface HistoryGone {
  caseId: string;
  gone: Exclude<CaseHistory['gone'], 'none'>;
}

interface Broken {
  caseId: string;
  seq: number;
  reason: CaseProblemReason | HistoryProblemReason;
}

async function verifyAll(req: VerifyRequest, io: CliIo): Promise<number> {
  const db = createDb({ connectionString: req.url, max: 1, applicationName: 'duban-audit' });
  let histories: CaseHistories | undefined;
  try {
    if (req.temporal) histories = await openCaseHistories(req.temporal);
    const fromFile = req.checkpointFile ? readCheckpointFile(req.checkpointFile) : undefined;
    if (fromFile?.badLines.length)
      io.err(`duban audit：检查点文件第 ${fromFile.badLines.join('、')} 行无法解析`);
    // Every case that anything vouches for: its entries, its case row, its checkpoints.
    const known = new Set<string>([
      ...(
        await db.query<{ case_id: string }>(
          `SELECT DISTINCT case_id FROM audit_entries UNION SELECT id FROM cases WHERE last_seq > 0`,
        )
      ).map((r) => r.case_id),
      ...(await checkpointedCases(db)),
      ...(fromFile?.byCase.keys() ?? []),
    ]);
    const ids = [...known].filter((id) => req.caseId === undefined || id === req.caseId).sort();
    if (req.caseId && ids.length === 0) {
      io.err(`duban audit：案件 ${req.caseId} 没有时间线记录`);
      return EXIT_FAILURE;
    }
    let entries = 0;
    let checkpoints = 0;
    let againstHistory = 0;
    const historyGone: HistoryGone[] = [];
    const broken: Broken[] = [];
    for (const id of ids) {
      const row = await db.query<{ last_seq: number }>('SELECT last_seq FROM cases WHERE id = $1', [id]);
      const signed = [...(await checkpointsOf(db, id)), ...(fromFile?.byCase.get(id) ?? [])];
      checkpoints += signed.length;
      const rows = await timelineOf(db, id);
      const verdict = verifyCase(rows, {
        lastSeq: row[0]?.last_seq ?? null,
        checkpoints: signed,
        keys: req.keys,
      });
      entries += verdict.entries;
      for (const p of verdict.problems) broken.push({ caseId: id, ...p });
      const history = await histories?.historyOf(id);
      if (history && history.gone !== 'none') historyGone.push({ caseId: id, gone: history.gone });
      if (history && history.gone !== 'all') {
        againstHistory += 1;
        for (const p of compareWithHistory(rows, history.written)) broken.push({ caseId: id, ...p });
      }
    }
    report(io, req.json, {
      cases: ids.length,
      entries,
      checkpoints,
      ...(histories ? { againstHistory, historyGone } : {}),
      broken,
    });
    return broken.length === 0 && !fromFile?.badLines.length ? EXIT_OK : EXIT_FAILURE;
  } finally {
    await histories?.close();
    await db.close();
  }
}

const GONE: Record<HistoryGone['gone'], string> = {
  all: 'Temporal 已不再保存其工作流历史（超过命名空间的保留期），未能对照，只凭哈希链和检查点校验',
  earlier_runs: 'Temporal 已不再保存其较早几次运行的历史（超过保留期），只对照了其后的运行',
};

function report(
  io: CliIo,
  json: boolean,
  r: {
    cases: number;
    entries: number;
    checkpoints: number;
    againstHistory?: number;
    historyGone?: HistoryGone[];
    broken: Broken[];
  },
) {
  if (json) return io.out(JSON.stringify({ ok: r.broken.length === 0, ...r }));
  for (const g of r.historyGone ?? []) io.out(`案件 ${g.caseId}：${GONE[g.gone]}`);
  for (const b of r.broken)
    io.out(`案件 ${b.caseId}：第 ${b.seq} 条记录校验失败——${REASONS[b.reason] ?? b.reason}`);
  const failed = new Set(r.broken.map((b) => b.caseId)).size;
  const history =
    r.againstHistory === undefined ? '' : `，对照 ${r.againstHistory} 个案件的 Temporal 工作流历史`;
  const against = `${r.checkpoints > 0 ? `（对照 ${r.checkpoints} 个签名检查点` : '（没有签名检查点'}${history}）`;
  if (r.broken.length === 0)
    io.out(`已校验 ${r.cases} 个案件、${r.entries} 条时间线记录：哈希链完整${against}。`);
  else
    io.out(`已校验 ${r.cases} 个案件、${r.entries} 条记录${against}：${failed} 个案件的时间线未通过校验。`);
}

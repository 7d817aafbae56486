// `duban temporal setup [--address host:port] [--namespace name] [--retention-days N]`: creates
// the namespace when missing and registers the case workflows' search attributes; idempotent.
import type { Connection } from '@temporalio/client';
import { connectTemporalClient, temporalSettings } from '../config/temporal-connection';
import { describeProblem, setupTemporal } from '../config/temporal-setup';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './deadline';
import { UsageError } from './deadline-args';
import { parseOptions } from './options';

export const TEMPORAL_USAGE = [
  '用法：duban temporal setup [--address host:port] [--namespace 名称] [--retention-days 天数]',
  '  缺省取 TEMPORAL_ADDRESS（127.0.0.1:7233）、TEMPORAL_NAMESPACE（default）；保留天数缺省 30。',
  '  连接集群时按 TEMPORAL_TLS_CERT_PATH、TEMPORAL_TLS_KEY_PATH、TEMPORAL_TLS_CA_PATH、TEMPORAL_TLS_SERVER_NAME、TEMPORAL_API_KEY 使用 TLS 和 API 密钥。',
  '  命名空间不存在时创建；注册案件工作流的检索属性。可重复执行：第二次执行不作任何改动。',
].join('\n');

/** The setup found an attribute of the wrong type, or Temporal refused: nothing more to do here. */
const EXIT_SETUP_FAILED = 1;

export async function runTemporal(
  argv: string[],
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined) return (io.err(TEMPORAL_USAGE), EXIT_USAGE);
  if ([sub, ...rest].some((a) => a === '--help' || a === '-h')) return (io.out(TEMPORAL_USAGE), EXIT_OK);
  let options: { address: string; namespace: string; retentionDays: number };
  try {
    if (sub !== 'setup') throw new UsageError(sub, `未知子命令：${sub}`);
    const given = parseOptions(rest, {
      address: { type: 'string' },
      namespace: { type: 'string' },
      'retention-days': { type: 'string' },
    });
    const retention = given['retention-days'] ?? '30';
    if (!/^\d{1,4}$/.test(retention) || Number(retention) < 1)
      throw new UsageError('--retention-days', '--retention-days 应为 1 到 9999 的整数');
    options = {
      address: given.address ?? (env.TEMPORAL_ADDRESS || '127.0.0.1:7233'),
      namespace: given.namespace ?? (env.TEMPORAL_NAMESPACE || 'default'),
      retentionDays: Number(retention),
    };
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`duban temporal：${err.message}`);
    io.err(TEMPORAL_USAGE);
    return EXIT_USAGE;
  }
  let connection: Connection;
  try {
    connection = await connectTemporalClient(temporalSettings(env, { address: options.address }), {
      connectTimeout: '10 s',
    });
  } catch (err) {
    io.err(
      `duban temporal：无法连接 Temporal（TEMPORAL_ADDRESS=${options.address}）：${(err as Error).message}`,
    );
    return EXIT_SETUP_FAILED;
  }
  try {
    const report = await setupTemporal(connection, { ...options, progress: (line) => io.out(line) });
    for (const problem of report.mistyped)
      io.err(`duban temporal：${describeProblem(problem, options.address)}`);
    if (report.mistyped.length > 0) return EXIT_SETUP_FAILED;
    io.out(
      report.createdNamespace || report.addedAttributes.length > 0
        ? `命名空间 ${options.namespace} 已就绪。`
        : `命名空间 ${options.namespace} 已就绪：无需改动。`,
    );
    return EXIT_OK;
  } catch (err) {
    io.err(`duban temporal：设置失败：${(err as Error).message}`);
    return EXIT_SETUP_FAILED;
  } finally {
    await connection.close();
  }
}

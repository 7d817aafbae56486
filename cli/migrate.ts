// `duban migrate [--database URL]`: applies pending migrations before a rollout, as the API and
// the worker do at start.
import { migrate } from '../store/migrate';
import { createDb } from '../store/pool';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './deadline';
import { UsageError } from './deadline-args';
import { databaseUrl, parseOptions } from './options';

export const MIGRATE_USAGE = '用法：duban migrate [--database postgres://…]';

export async function runMigrate(
  argv: string[],
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  if (argv[0] === '--help' || argv[0] === '-h') return (io.out(MIGRATE_USAGE), EXIT_OK);
  let url: string;
  try {
    url = databaseUrl(parseOptions(argv, { database: { type: 'string' } }).database, env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`duban migrate：${err.message}`);
    io.err(MIGRATE_USAGE);
    return EXIT_USAGE;
  }
  const db = createDb({ connectionString: url, max: 1, applicationName: 'duban-migrate' });
  try {
    const applied = await migrate(db);
    io.out(
      applied.length === 0
        ? '数据库已是最新：没有待执行的迁移。'
        : `已执行 ${applied.length} 个迁移：${applied.join('、')}`,
    );
    return EXIT_OK;
  } finally {
    await db.close();
  }
}

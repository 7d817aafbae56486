// `duban migrate [--database URL]`: applies pending migrations before a rollout, as the API and
// the worker do at start (as DATABASE_OWNER_URL when it is set and no --database is given).
import { prepareDatabase } from '../config/database';
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
  // With DATABASE_OWNER_URL, as at start: the owner migrates and grants the DATABASE_URL role.
  const owner = argv.length === 0 ? env.DATABASE_OWNER_URL : undefined;
  const db = createDb({ connectionString: owner || url, max: 1, applicationName: 'duban-migrate' });
  try {
    const applied = await migrate(db);
    if (owner && url !== owner) {
      const app = createDb({ connectionString: url, max: 1, applicationName: 'duban-migrate' });
      try {
        for (const warning of await prepareDatabase(
          { DATABASE_URL: url, DATABASE_OWNER_URL: owner },
          app,
          (_m, work) => work(),
        ))
          io.err(`duban migrate：警告：${warning}`);
      } finally {
        await app.close();
      }
    }
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

// Option parsing shared by the subcommands that take named options (node's parseArgs, strict).
import { parseArgs } from 'node:util';
import { isStorableText } from '../domain/text';
import { UsageError, unstorableMessage } from './deadline-args';

export type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

/** Parses `argv`; an unknown or malformed option becomes a UsageError naming it. */
export function parseOptions<T extends OptionSpec>(argv: string[], options: T) {
  const values = parseStrict(argv, options);
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string' && !isStorableText(value))
      throw new UsageError(`--${name}`, unstorableMessage(`--${name}`));
  }
  return values;
}

function parseStrict<T extends OptionSpec>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const named = /'(-{1,2}[^'\s]+)/.exec(message)?.[1] ?? argv[0] ?? '';
    throw new UsageError(named, `参数有误：${named}（${message.split('.')[0]}）`);
  }
}

/** DATABASE_URL from --database or the environment, or a UsageError. */
export function databaseUrl(given: string | undefined, env: NodeJS.ProcessEnv): string {
  const url = given ?? env.DATABASE_URL;
  if (!url) throw new UsageError('--database', '缺少数据库地址：请设置 DATABASE_URL 或使用 --database');
  if (!/^postgres(ql)?:\/\//.test(url)) throw new UsageError('--database', '数据库地址应以 postgres:// 开头');
  return url;
}

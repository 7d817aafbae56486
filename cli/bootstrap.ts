// `duban bootstrap`: a new deployment's procuratorate and its first administrator, who then
// creates every other account through the API or the web application.
import { randomUUID } from 'node:crypto';
import { migrate } from '../store/migrate';
import { createDb } from '../store/pool';
import { hashPassword, passwordProblem } from '../api/auth/passwords';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliIo } from './deadline';
import { UsageError } from './deadline-args';
import { databaseUrl, parseOptions } from './options';

export const BOOTSTRAP_USAGE = [
  '用法：duban bootstrap --procuratorate 代码 --procuratorate-name 名称 [--level district|city|province|supreme]',
  '                      --username 登录名 --name 姓名 --email 邮箱 [--database postgres://…]',
  '密码从环境变量 DUBAN_ADMIN_PASSWORD 读取（至少 12 位）。',
].join('\n');

const OPTIONS = {
  procuratorate: { type: 'string' },
  'procuratorate-name': { type: 'string' },
  level: { type: 'string' },
  username: { type: 'string' },
  name: { type: 'string' },
  email: { type: 'string' },
  database: { type: 'string' },
  help: { type: 'boolean' },
} as const;

interface BootstrapInput {
  procuratorate: string;
  procuratorateName: string;
  level: string;
  username: string;
  name: string;
  email: string;
  password: string;
}

export async function runBootstrap(
  argv: string[],
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let input: BootstrapInput;
  let url: string;
  try {
    const o = parseOptions(argv, OPTIONS);
    if (o.help) return (io.out(BOOTSTRAP_USAGE), EXIT_OK);
    url = databaseUrl(o.database, env);
    input = checkInput(o, env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`duban bootstrap：${err.message}`);
    io.err(BOOTSTRAP_USAGE);
    return EXIT_USAGE;
  }
  return createAdmin(url, input, io);
}

function required(value: string | undefined, flag: string, what: string): string {
  if (!value?.trim()) throw new UsageError(flag, `缺少参数 ${flag}（${what}）`);
  return value.trim();
}

function checkInput(
  o: Partial<Record<keyof typeof OPTIONS, string | boolean>>,
  env: NodeJS.ProcessEnv,
): BootstrapInput {
  const str = (k: keyof typeof OPTIONS) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
  const procuratorate = required(str('procuratorate'), '--procuratorate', '检察院代码');
  if (!/^[0-9A-Za-z]{2,20}$/.test(procuratorate))
    throw new UsageError('--procuratorate', '检察院代码只能由 2 至 20 位字母或数字组成');
  const level = str('level') ?? 'district';
  if (!['district', 'city', 'province', 'supreme'].includes(level))
    throw new UsageError('--level', `未知的检察院级别：${level}`);
  const email = required(str('email'), '--email', '邮箱');
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new UsageError('--email', `邮箱格式不正确：${email}`);
  const password = env.DUBAN_ADMIN_PASSWORD ?? '';
  if (!password) throw new UsageError('DUBAN_ADMIN_PASSWORD', '请在环境变量 DUBAN_ADMIN_PASSWORD 中提供密码');
  const problem = passwordProblem(password);
  if (problem) throw new UsageError('DUBAN_ADMIN_PASSWORD', problem);
  return {
    procuratorate,
    procuratorateName: required(str('procuratorate-name'), '--procuratorate-name', '检察院名称'),
    level,
    username: required(str('username'), '--username', '登录名'),
    name: required(str('name'), '--name', '姓名'),
    email,
    password,
  };
}

async function createAdmin(url: string, input: BootstrapInput, io: CliIo): Promise<number> {
  const db = createDb({ connectionString: url, max: 1, applicationName: 'duban-bootstrap' });
  try {
    await migrate(db);
    const hash = await hashPassword(input.password);
    const outcome = await db.withTransaction(async (tx) => {
      await tx.query(
        'INSERT INTO procuratorates (id, name, level) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING',
        [input.procuratorate, input.procuratorateName, input.level],
      );
      if ((await tx.query('SELECT 1 FROM users WHERE username = $1', [input.username])).length > 0)
        return 'taken';
      await tx.query(
        `INSERT INTO users (id, procuratorate_id, username, display_name, email, roles, password_hash)
         VALUES ($1, $2, $3, $4, $5, '{admin}', $6)`,
        [`u-${randomUUID()}`, input.procuratorate, input.username, input.name, input.email, hash],
      );
      return 'created';
    });
    if (outcome === 'taken') {
      io.err(`duban bootstrap：登录名 ${input.username} 已存在，未作任何更改`);
      return EXIT_FAILURE;
    }
    io.out(
      `已创建检察院 ${input.procuratorate}（${input.procuratorateName}）的系统管理员 ${input.username}。`,
    );
    return EXIT_OK;
  } finally {
    await db.close();
  }
}

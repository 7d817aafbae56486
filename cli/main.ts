// The `duban` command: a dispatcher over subcommands.
import { scheduleFromChineseDays } from '../domain/period/chinese-days';
import { runAudit } from './audit';
import { runBootstrap } from './bootstrap';
import { EXIT_OK, EXIT_USAGE, runDeadline, type CliIo } from './deadline';
import { runMigrate } from './migrate';
import { runTemporal } from './temporal';

export interface Subcommand {
  name: string;
  summary: string;
  run(argv: string[], io: CliIo): number | Promise<number>;
}

export const SUBCOMMANDS: Subcommand[] = [
  {
    name: 'deadline',
    summary: '计算法定期限的届满日并说明计算过程',
    run: (argv, io) => runDeadline(argv, io, scheduleFromChineseDays()),
  },
  {
    name: 'audit',
    summary: '校验案件时间线的哈希链与签名检查点（audit verify；audit keygen 生成签名密钥）',
    run: (argv, io) => runAudit(argv, io),
  },
  {
    name: 'bootstrap',
    summary: '创建检察院及其第一个系统管理员（新部署时使用）',
    run: (argv, io) => runBootstrap(argv, io),
  },
  {
    name: 'migrate',
    summary: '执行待执行的数据库迁移（API 和 worker 启动时也会执行）',
    run: (argv, io) => runMigrate(argv, io),
  },
  {
    name: 'temporal',
    summary: '创建 Temporal 命名空间并注册检索属性（temporal setup；可重复执行）',
    run: (argv, io) => runTemporal(argv, io),
  },
];

function printHelp(write: (line: string) => void): void {
  write('用法：duban <子命令> [参数]');
  write('');
  write('子命令：');
  for (const command of SUBCOMMANDS) write(`  ${command.name.padEnd(16)}${command.summary}`);
  write('');
  write('查看子命令的参数：duban <子命令> --help');
}

/** Runs one invocation and returns its exit status. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    printHelp((line) => io.out(line));
    return EXIT_OK;
  }
  const command = SUBCOMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    io.err(name === undefined ? 'duban：缺少子命令' : `duban：未知子命令：${name}`);
    printHelp((line) => io.err(line));
    return EXIT_USAGE;
  }
  return command.run(rest, io);
}

/** Entry point for bin/duban.js: wires the process streams and sets the exit code. */
export function runFromProcess(): void {
  const io: CliIo = {
    out: (line) => void process.stdout.write(`${line}\n`),
    err: (line) => void process.stderr.write(`${line}\n`),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      io.err(`duban：${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}

// `node dist/cli/main.js` in the image, where bin/duban.js (which runs the sources) has no tsx.
if (require.main === module) runFromProcess();

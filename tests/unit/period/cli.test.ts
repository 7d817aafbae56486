import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { runDeadline } from '../../../cli/deadline';
import { main } from '../../../cli/main';
import { captureIo, CHINESE_DAYS } from './helpers/fixtures';

const ROOT = path.resolve(__dirname, '../../..');

function run(...argv: string[]) {
  const io = captureIo();
  const code = runDeadline(argv, io, CHINESE_DAYS);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('duban deadline', () => {
  it('prints the due date and the explanation in Chinese', () => {
    const { code, stdout, stderr } = run('--start', '2026-09-20', '--days', '15');
    expect(code).toBe(0);
    expect(stderr).toEqual([]);
    expect(stdout[0]).toBe('届满日：2026年10月8日（星期四，2026-10-08）');
    expect(stdout).toEqual(expect.arrayContaining(['  3. 2026-10-05 国庆节 → 2026-10-08']));
  });

  it('prints one JSON object with --json', () => {
    const { code, stdout } = run('--start', '2026-09-20', '--days', '15', '--json');
    expect(code).toBe(0);
    expect(stdout).toHaveLength(1);
    const parsed = JSON.parse(stdout[0] ?? '') as Record<string, unknown>;
    expect(parsed).toMatchObject({ due: '2026-10-08', provisional: false });
    expect(parsed.steps).toEqual(
      expect.arrayContaining([
        { kind: 'rollover', text: '2026-10-05 国庆节 → 2026-10-08', date: '2026-10-08' },
      ]),
    );
  });

  it('counts months, excluded days and says when a deadline is provisional', () => {
    expect(JSON.parse(run('--start', '2024-12-31', '--months', '2', '--json').stdout[0] ?? '')).toMatchObject(
      {
        due: '2025-02-28',
      },
    );
    expect(
      JSON.parse(run('--start=2025-04-30', '--months=1', '--exclude-days=2', '--json').stdout[0] ?? ''),
    ).toMatchObject({
      due: '2025-06-03',
    });
    const provisional = run('--start', '2026-12-31', '--months', '2');
    expect(provisional.stdout[1]).toContain('【暂定】2027年节假日安排尚未载入');
  });

  it('applies the make-up working day switch', () => {
    const { stdout } = run('--start', '2026-09-05', '--days', '15', '--makeup-workdays-off', '--json');
    expect(JSON.parse(stdout[0] ?? '')).toMatchObject({
      due: '2026-09-21',
      rule: { makeupWorkdayCounts: false },
    });
  });

  it.each([
    ['a day that does not exist', ['--start', '2026-02-30', '--days', '15'], '--start'],
    ['a zero count', ['--start', '2026-09-20', '--days', '0'], '--days'],
    ['a negative count', ['--start', '2026-09-20', '--days', '-3'], '--days'],
    ['a non-integer count', ['--start', '2026-09-20', '--months', '1.5'], '--months'],
    ['both --days and --months', ['--start', '2026-09-20', '--days', '15', '--months', '1'], '--months'],
    ['neither --days nor --months', ['--start', '2026-09-20'], '--days 或 --months'],
    ['a missing --start', ['--days', '15'], '--start'],
    ['a flag without its value', ['--start', '2026-09-20', '--days'], '--days'],
    ['an unknown flag', ['--start', '2026-09-20', '--days', '15', '--weeks', '2'], '--weeks'],
    ['a stray argument', ['2026-09-20', '--days', '15'], '2026-09-20'],
    [
      'negative excluded days',
      ['--start', '2026-09-20', '--days', '15', '--exclude-days', '-1'],
      '--exclude-days',
    ],
  ])('exits with 2 and names the argument for %s', (_name, argv, named) => {
    const { code, stdout, stderr } = run(...argv);
    expect(code).toBe(2);
    expect(stdout).toEqual([]);
    expect(stderr[0]).toContain(named);
  });

  it('prints help', () => {
    const { code, stdout } = run('--help');
    expect(code).toBe(0);
    expect(stdout[0]).toContain('用法：duban deadline');
  });
});

describe('duban (dispatcher)', () => {
  it('dispatches, prints help and rejects unknown subcommands', async () => {
    const help = captureIo();
    await expect(main(['--help'], help)).resolves.toBe(0);
    expect(help.stdout.join('\n')).toContain('deadline');
    const unknown = captureIo();
    await expect(main(['frobnicate'], unknown)).resolves.toBe(2);
    expect(unknown.stderr[0]).toBe('duban：未知子命令：frobnicate');
    const none = captureIo();
    await expect(main([], none)).resolves.toBe(2);
    const deadline = captureIo();
    await expect(
      main(['deadline', '--start', '2025-09-05', '--days', '30', '--json'], deadline),
    ).resolves.toBe(0);
    expect(JSON.parse(deadline.stdout[0] ?? '')).toMatchObject({ due: '2025-10-09' });
  });

  it('runs for real through bin/duban.js', () => {
    const child = spawnSync(
      process.execPath,
      ['bin/duban.js', 'deadline', '--start', '2026-09-20', '--days', '15', '--json'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout)).toMatchObject({ due: '2026-10-08', provisional: false });
  }, 30_000);
});

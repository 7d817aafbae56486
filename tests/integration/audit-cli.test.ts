import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ApiClient } from '../helpers/http';
import { registerLead } from '../helpers/leads';
import { useWorld } from '../helpers/world';

const world = useWorld();
const run = promisify(execFile);
const BIN = join(__dirname, '..', '..', 'bin', 'duban.js');

let prosecutor: ApiClient;

beforeAll(async () => {
  prosecutor = await ApiClient.login(world.system.baseUrl, world.org.prosecutor);
});

async function duban(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: process.env.DUBAN_TEST_DATABASE_URL!, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function caseWithTimeline(): Promise<string> {
  const id = await registerLead(prosecutor, {
    title: '国有资产流失（农机补贴）',
    description: '刑事案件中发现农机购置补贴被骗取，街道未追缴',
    domainCode: 'state_assets',
    source: 'criminal_case',
  });
  await prosecutor.post(`/api/cases/${id}/actions/startEvaluation`, {});
  await prosecutor.post(`/api/cases/${id}/actions/addNote`, { text: '调取刑事判决书' });
  return id;
}

describe('duban audit verify', () => {
  it('when a case’s timeline is intact, then it reports how many entries it verified and exits 0', async () => {
    const id = await caseWithTimeline();
    const entries = await world.system.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM audit_entries WHERE case_id = $1',
      [id],
    );
    const result = await duban(['audit', 'verify', '--case', id]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`已校验 1 个案件、${entries[0]!.n} 条时间线记录：哈希链完整`);
  });

  it('when one entry is changed behind the trigger’s back, then it names exactly that entry and exits 1', async () => {
    const id = await caseWithTimeline();
    await expect(
      world.system.db.query("UPDATE audit_entries SET reason = 'x' WHERE case_id = $1 AND seq = 3", [id]),
    ).rejects.toThrow(/append-only/);
    await world.system.db.withTransaction(async (tx) => {
      // A superuser can switch triggers off for one transaction: exactly what the chain must catch.
      await tx.query('SET LOCAL session_replication_role = replica');
      await tx.query(
        `UPDATE audit_entries SET data = jsonb_set(data, '{note}', '"改过"') WHERE case_id = $1 AND seq = 3`,
        [id],
      );
    });
    const result = await duban(['audit', 'verify', '--case', id, '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: false,
      broken: [{ caseId: id, seq: 3, reason: 'hash_mismatch' }],
    });
    const text = await duban(['audit', 'verify', '--case', id]);
    expect(text.stdout).toContain(`案件 ${id}：第 3 条记录校验失败`);
  });

  it('when the arguments are wrong, then it exits 2 and names the problem', async () => {
    expect(await duban(['audit', 'check'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('未知操作：check'),
    });
    expect(await duban(['audit', 'verify', '--cases', 'x'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--cases'),
    });
    expect(await duban(['audit', 'verify'], { DATABASE_URL: '' })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('DATABASE_URL'),
    });
  });
});

describe('duban bootstrap', () => {
  it('creates a procuratorate and its first administrator once, who can then sign in', async () => {
    const code = `b${Date.now().toString(36)}`;
    const args = [
      'bootstrap',
      '--procuratorate',
      code,
      '--procuratorate-name',
      '某区人民检察院',
      '--username',
      `admin-${code}`,
      '--name',
      '管理员',
      '--email',
      `admin@${code}.example`,
    ];
    const first = await duban(args, { DUBAN_ADMIN_PASSWORD: 'correct-horse-battery' });
    expect(first.code).toBe(0);
    const login = await new ApiClient(world.system.baseUrl).post('/api/auth/login', {
      username: `admin-${code}`,
      password: 'correct-horse-battery',
    });
    expect(login.status).toBe(200);
    expect(login.body.user.roles).toEqual(['admin']);
    expect((await duban(args, { DUBAN_ADMIN_PASSWORD: 'correct-horse-battery' })).code).toBe(1);
    expect((await duban(args, { DUBAN_ADMIN_PASSWORD: 'short' })).code).toBe(2);
    const common = await duban(args, { DUBAN_ADMIN_PASSWORD: 'qwerty123456' });
    expect(common.code).toBe(2);
    expect(common.stderr).toContain('最常见');
  });
});

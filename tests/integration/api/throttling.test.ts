import { TEST_PASSWORD } from '../../helpers/fixtures';
import { Caller, expectProblem, freshIp } from './helpers';
import { useWorld } from '../../helpers/world';

const world = useWorld();
const from = (ip: string) => new Caller(world.system.baseUrl, undefined, { 'x-forwarded-for': ip });
const attempt = (ip: string, username: string, password = 'wrong-password') =>
  from(ip).post('/api/auth/login', { username, password });
const eventsFrom = (ip: string) =>
  world.system.db.query<{ kind: string; n: number }>(
    'SELECT kind, count(*)::int AS n FROM auth_events WHERE ip = $1 GROUP BY kind ORDER BY kind',
    [ip],
  );

describe('login throttling', () => {
  it('when one address fails 5 times on an account, then that address gets 429 even with the right password, and the user from their own address signs in', async () => {
    const guesser = freshIp();
    for (let i = 0; i < 5; i += 1)
      expect((await attempt(guesser, world.org.chief.username)).status).toBe(401);
    const blocked = await attempt(guesser, world.org.chief.username, TEST_PASSWORD);
    expectProblem(blocked, 429, 'too-many-requests');
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(await eventsFrom(guesser)).toEqual([
      { kind: 'login_failed', n: 5 },
      { kind: 'login_throttled', n: 1 },
    ]);
    expect((await attempt(freshIp(), world.org.chief.username, TEST_PASSWORD)).status).toBe(200);
  });

  it('when thirty wrong passwords for one account arrive at once from one address, then five are checked and the rest get 429', async () => {
    const burst = freshIp();
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => attempt(burst, world.org.caseOffice.username)),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
    expect(await eventsFrom(burst)).toEqual([
      { kind: 'login_failed', n: 5 },
      { kind: 'login_throttled', n: 25 },
    ]);
  });

  it('when an account succeeds after failures, then its count starts again', async () => {
    const ip = freshIp();
    for (let i = 0; i < 4; i += 1) await attempt(ip, world.org.head.username);
    expect((await attempt(ip, world.org.head.username, TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i += 1) expect((await attempt(ip, world.org.head.username)).status).toBe(401);
    expect((await attempt(ip, world.org.head.username, TEST_PASSWORD)).status).toBe(200);
  });

  it('when one address fails 20 times across accounts, then it gets 429 and other addresses do not', async () => {
    const ip = freshIp();
    for (let i = 0; i < 20; i += 1) {
      const res = await attempt(ip, `nobody-${i}`);
      expect({ i, status: res.status, detail: res.body.detail }).toEqual({
        i,
        status: 401,
        detail: expect.any(String),
      });
    }
    const blocked = await attempt(ip, world.org.prosecutor.username, TEST_PASSWORD);
    expectProblem(blocked, 429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await attempt(freshIp(), world.org.prosecutor.username, TEST_PASSWORD)).status).toBe(200);
    expect(await eventsFrom(ip)).toEqual([
      { kind: 'login_failed', n: 20 },
      { kind: 'login_throttled', n: 1 },
    ]);
  });

  it('when an account fails 20 times from 20 addresses within the hour, then a new address is refused and the address the user signed in from before still gets in', async () => {
    const user = world.org.admin.username;
    const home = freshIp();
    expect((await attempt(home, user, TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 20; i += 1) expect((await attempt(freshIp(), user)).status).toBe(401);
    expectProblem(await attempt(freshIp(), user, TEST_PASSWORD), 429, 'too-many-requests');
    expect((await attempt(home, user, TEST_PASSWORD)).status).toBe(200);
  });
});

import { TEST_PASSWORD } from '../../helpers/fixtures';
import { Caller, expectProblem, freshIp } from './helpers';
import { useWorld } from '../../helpers/world';

const world = useWorld();
const from = (ip: string) => new Caller(world.system.baseUrl, undefined, { 'x-forwarded-for': ip });
const attempt = (ip: string, username: string, password = 'wrong-password') =>
  from(ip).post('/api/auth/login', { username, password });

describe('login throttling', () => {
  it('when an account has 5 failures in 15 minutes, then even the right password gets 429 with Retry-After', async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i += 1) expect((await attempt(ip, world.org.chief.username)).status).toBe(401);
    const otherIp = freshIp();
    const blocked = await attempt(otherIp, world.org.chief.username, TEST_PASSWORD);
    expectProblem(blocked, 429, 'too-many-requests');
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    const throttled = await world.system.db.query(
      "SELECT 1 FROM auth_events WHERE kind = 'login_throttled' AND ip = $1",
      [otherIp],
    );
    expect(throttled).toHaveLength(1);
  });

  it('when an account succeeds after failures, then its count starts again', async () => {
    const ip = freshIp();
    for (let i = 0; i < 4; i += 1) await attempt(ip, world.org.head.username);
    expect((await attempt(ip, world.org.head.username, TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i += 1) expect((await attempt(ip, world.org.head.username)).status).toBe(401);
    expect((await attempt(ip, world.org.head.username, TEST_PASSWORD)).status).toBe(200);
  });

  it('when one address fails 20 times across accounts, then it gets 429 and world.other addresses do not', async () => {
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
    const logged = await world.system.db.query<{ kind: string; n: number }>(
      'SELECT kind, count(*)::int AS n FROM auth_events WHERE ip = $1 GROUP BY kind ORDER BY kind',
      [ip],
    );
    expect(logged).toEqual([
      { kind: 'login_failed', n: 20 },
      { kind: 'login_throttled', n: 1 },
    ]);
  });
});

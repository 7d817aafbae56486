import { SignJWT } from 'jose';
import { createTestOrg, TEST_PASSWORD, type TestOrg } from '../../helpers/fixtures';
import { ApiClient } from '../../helpers/http';
import { startSystem, type System } from '../../helpers/system';
import { as, expectDocumented, expectProblem, signIn } from './helpers';

const SECRET = 'auth-test-secret-0123456789abcdef0123456789';
let system: System;
let org: TestOrg;

beforeAll(async () => {
  system = await startSystem({ authSecret: SECRET });
  org = await createTestOrg(system.db);
});
afterAll(() => system.stop());

const sign = (claims: { sub: string; pid: string; roles: string[] }, exp: number | string, secret = SECRET) =>
  new SignJWT({ roles: claims.roles, pid: claims.pid })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuer('duban')
    .setAudience('duban-api')
    .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(secret));

const events = (userId: string) =>
  system.db.query<{ kind: string }>('SELECT kind FROM auth_events WHERE user_id = $1 ORDER BY id', [userId]);

describe('signing in', () => {
  it('when a user logs in, then an access and a refresh token come back and /me says who they are', async () => {
    const login = await as(system.baseUrl).post('/api/auth/login', {
      username: org.prosecutor.username,
      password: TEST_PASSWORD,
    });
    expectDocumented('POST', '/api/auth/login', login);
    expect(login.body.refreshToken).toEqual(expect.any(String));
    const me = await as(system.baseUrl, login.body.accessToken).get('/api/auth/me');
    expectDocumented('GET', '/api/auth/me', me);
    expect(me.body).toMatchObject({
      id: org.prosecutor.id,
      roles: ['prosecutor'],
      via: 'access_token',
      tokenId: null,
    });
  });

  it('when the password is wrong, then 401 problem and the failure is in the auth log without the password', async () => {
    const res = await as(system.baseUrl).post('/api/auth/login', {
      username: org.head.username,
      password: 'wrong-password-zz',
    });
    expectProblem(res, 401, 'unauthenticated');
    expect((await events(org.head.id)).map((e) => e.kind)).toContain('login_failed');
    const dump = JSON.stringify(
      await system.db.query('SELECT * FROM auth_events WHERE user_id = $1', [org.head.id]),
    );
    expect(dump).not.toContain('wrong-password-zz');
    expect(dump).not.toContain(org.head.username);
  });

  it.each([
    ['no token', {}],
    ['a malformed header', { authorization: 'Token abc' }],
    ['a garbage token', { authorization: 'Bearer not-a-jwt' }],
  ])('when a request has %s, then 401 problem', async (_what, headers) => {
    expectProblem(await as(system.baseUrl).get('/api/auth/me', headers), 401, 'unauthenticated');
  });

  it('when a token is forged with another secret, then 401', async () => {
    const forged = await sign(
      { sub: org.admin.id, pid: org.procuratorateId, roles: ['admin'] },
      '1h',
      'another-secret-another-secret-12345',
    );
    expectProblem(await as(system.baseUrl, forged).get('/api/users'), 401);
  });

  it('when a token signed with the right secret has expired, then 401', async () => {
    const expired = await sign(
      { sub: org.admin.id, pid: org.procuratorateId, roles: ['admin'] },
      Math.floor(Date.now() / 1000) - 60,
    );
    expectProblem(await as(system.baseUrl, expired).get('/api/users'), 401);
    const valid = await sign({ sub: org.admin.id, pid: org.procuratorateId, roles: ['admin'] }, '5m');
    expect((await as(system.baseUrl, valid).get('/api/users')).status).toBe(200);
  });
});

describe('refreshing and logging out', () => {
  it('when a refresh token is used, then it rotates: the new one works, the old one is spent', async () => {
    const session = await signIn(system.baseUrl, org.chief);
    const first = await as(system.baseUrl).post('/api/auth/refresh', { refreshToken: session.refreshToken });
    expectDocumented('POST', '/api/auth/refresh', first);
    expect(first.body.refreshToken).not.toBe(session.refreshToken);
    expect((await as(system.baseUrl, first.body.accessToken).get('/api/auth/me')).status).toBe(200);
    const second = await as(system.baseUrl).post('/api/auth/refresh', {
      refreshToken: first.body.refreshToken,
    });
    expect(second.status).toBe(200);
  });

  it('when a rotated refresh token is presented again, then the whole family is revoked', async () => {
    const session = await signIn(system.baseUrl, org.caseOffice);
    const rotated = await as(system.baseUrl).post('/api/auth/refresh', {
      refreshToken: session.refreshToken,
    });
    const reuse = await as(system.baseUrl).post('/api/auth/refresh', { refreshToken: session.refreshToken });
    expectProblem(reuse, 401, 'unauthenticated');
    const newest = await as(system.baseUrl).post('/api/auth/refresh', {
      refreshToken: rotated.body.refreshToken,
    });
    expectProblem(newest, 401);
    expect((await events(org.caseOffice.id)).map((e) => e.kind)).toContain('refresh_token_reused');
  });

  it('when a user logs out, then the refresh token no longer works', async () => {
    const session = await signIn(system.baseUrl, org.prosecutor);
    const out = await as(system.baseUrl).post('/api/auth/logout', { refreshToken: session.refreshToken });
    expect(out.status).toBe(204);
    expectProblem(
      await as(system.baseUrl).post('/api/auth/refresh', { refreshToken: session.refreshToken }),
      401,
    );
    expect((await events(org.prosecutor.id)).map((e) => e.kind)).toEqual(
      expect.arrayContaining(['login_succeeded', 'logout', 'refresh_rejected']),
    );
  });

  it('when a renewing client finds its access token expired under concurrent requests, then it refreshes once and every request is answered', async () => {
    const client = await ApiClient.login(system.baseUrl, org.head, undefined, { renew: true });
    const refreshes = async () =>
      (await events(org.head.id)).filter((e) => e.kind === 'token_refreshed').length;
    const before = await refreshes();
    client.useAccessToken(
      await sign(
        { sub: org.head.id, pid: org.procuratorateId, roles: ['head'] },
        Math.floor(Date.now() / 1000) - 60,
      ),
    );
    const answers = await Promise.all([1, 2, 3].map(() => client.get('/api/auth/me')));
    expect(answers.map((a) => [a.status, a.body.id])).toEqual(Array(3).fill([200, org.head.id]));
    expect((await refreshes()) - before).toBe(1);
    expect((await events(org.head.id)).map((e) => e.kind)).not.toContain('refresh_token_reused');
  });

  it('when an unknown refresh token is presented, then 401 and logout of it is silent', async () => {
    const bogus = 'x'.repeat(43);
    expectProblem(await as(system.baseUrl).post('/api/auth/refresh', { refreshToken: bogus }), 401);
    expect((await as(system.baseUrl).post('/api/auth/logout', { refreshToken: bogus })).status).toBe(204);
  });

  it('when tokens are stored, then only their hashes are', async () => {
    const session = await signIn(system.baseUrl, org.head);
    const rows = JSON.stringify(
      await system.db.query('SELECT * FROM refresh_tokens WHERE user_id = $1', [org.head.id]),
    );
    expect(rows).not.toContain(session.refreshToken);
  });
});

describe('stale tokens on public routes', () => {
  it('when a client refreshes with its expired access token still attached, then the refresh works', async () => {
    const session = await signIn(system.baseUrl, org.admin);
    const expired = await sign(
      { sub: org.admin.id, pid: org.procuratorateId, roles: ['admin'] },
      Math.floor(Date.now() / 1000) - 60,
    );
    const res = await as(system.baseUrl, expired).post('/api/auth/refresh', {
      refreshToken: session.refreshToken,
    });
    expect(res.status).toBe(200);
    expectProblem(await as(system.baseUrl, expired).get('/api/auth/me'), 401);
  });
});

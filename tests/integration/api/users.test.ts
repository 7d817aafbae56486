import { randomBytes, scryptSync } from 'node:crypto';
import { TEST_PASSWORD } from '../../helpers/fixtures';
import { as, expectDocumented, expectProblem, signIn, type Session } from './helpers';
import { useWorld } from '../../helpers/world';

const world = useWorld({ orgs: 2 });
let admin: Session;

beforeAll(async () => {
  admin = await signIn(world.system.baseUrl, world.org.admin);
});

let n = 0;
const newUser = (overrides: Record<string, unknown> = {}) => ({
  username: `new-user-${Date.now()}-${(n += 1)}`,
  displayName: '李检察官',
  email: 'li@test.example',
  roles: ['prosecutor'],
  password: 'a-long-password-1',
  ...overrides,
});
const usersOfOrg = () =>
  world.system.db.query('SELECT count(*)::int AS n FROM users WHERE procuratorate_id = $1', [
    world.org.procuratorateId,
  ]);
const userRow = (id: string) => world.system.db.query('SELECT * FROM users WHERE id = $1', [id]);

describe('users', () => {
  it('when an admin lists users, then only their procuratorate’s, without password hashes', async () => {
    const res = await admin.client.get('/api/users');
    expectDocumented('GET', '/api/users', res);
    const ids = res.body.map((u: { id: string }) => u.id);
    expect(ids).toEqual(expect.arrayContaining([world.org.prosecutor.id, world.org.admin.id]));
    expect(ids).not.toContain(world.other.prosecutor.id);
    expect(JSON.stringify(res.body)).not.toContain('scrypt');
  });

  it('when an admin creates a user, then the user can log in with the given password', async () => {
    const body = newUser();
    const res = await admin.client.post('/api/users', body);
    expectDocumented('POST', '/api/users', res);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      procuratorateId: world.org.procuratorateId,
      roles: ['prosecutor'],
      hasPassword: true,
    });
    await signIn(world.system.baseUrl, { username: body.username }, body.password);
    expectProblem(await admin.client.post('/api/users', { ...newUser(), username: body.username }), 409);
  });

  it('when text carries SQL or script fragments, then it is stored and returned verbatim as JSON', async () => {
    const displayName = `x'); DROP TABLE users; -- <script>alert(1)</script>`;
    const res = await admin.client.post('/api/users', newUser({ displayName }));
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.body.displayName).toBe(displayName);
    expect((await userRow(res.body.id))[0]!.display_name).toBe(displayName);
  });

  it.each([
    ['an unknown field', { isSuperuser: true }, ''],
    ['a wrong type', { roles: 'admin' }, 'roles'],
    ['an unknown role', { roles: ['god'] }, 'roles.0'],
    ['a short password', { password: 'short' }, 'password'],
    ['one of the most common passwords', { password: 'Qwerty123456' }, 'password'],
    ['a bad username', { username: '../etc' }, 'username'],
  ])(
    'when the new user has %s, then 422 names the field and no user is created',
    async (_w, override, path) => {
      const before = await usersOfOrg();
      const res = await admin.client.post('/api/users', newUser(override));
      expectProblem(res, 422, 'validation-failed');
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
      expect(await usersOfOrg()).toEqual(before);
    },
  );

  it('when an admin resets a password, then the old password and the old sessions stop working', async () => {
    const body = newUser();
    const created = await admin.client.post('/api/users', body);
    const session = await signIn(world.system.baseUrl, { username: body.username }, body.password);
    const res = await admin.client.patch(`/api/users/${created.body.id}`, { password: 'another-password-2' });
    expectDocumented('PATCH', '/api/users/:id', res);
    expectProblem(
      await as(world.system.baseUrl).post('/api/auth/refresh', { refreshToken: session.refreshToken }),
      401,
    );
    await expect(signIn(world.system.baseUrl, { username: body.username }, body.password)).rejects.toThrow(
      '401',
    );
    await signIn(world.system.baseUrl, { username: body.username }, 'another-password-2');
  });

  it('when a user whose hash was made at older parameters signs in, then the hash is remade at today’s and the password still works', async () => {
    const body = newUser();
    const created = await admin.client.post('/api/users', body);
    const salt = randomBytes(16);
    const old = ['scrypt', 2 ** 14, 8, 1, salt.toString('base64url')];
    const key = scryptSync(body.password, salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    await world.system.db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [
      created.body.id,
      [...old, key.toString('base64url')].join('$'),
    ]);
    await signIn(world.system.baseUrl, { username: body.username }, body.password);
    const rehashed = (await userRow(created.body.id))[0]!.password_hash as string;
    expect(rehashed.split('$').slice(0, 4)).toEqual(['scrypt', String(2 ** 15), '8', '3']);
    await signIn(world.system.baseUrl, { username: body.username }, body.password);
    expect((await userRow(created.body.id))[0]!.password_hash).toBe(rehashed);
  });

  it('when an admin changes roles and deactivates a user, then the user can no longer log in', async () => {
    const created = await admin.client.post('/api/users', newUser());
    const res = await admin.client.patch(`/api/users/${created.body.id}`, {
      roles: ['head', 'prosecutor'],
      active: false,
    });
    expect(res.body).toMatchObject({ roles: ['head', 'prosecutor'], active: false });
    await expect(
      signIn(world.system.baseUrl, { username: created.body.username }, 'a-long-password-1'),
    ).rejects.toThrow();
  });

  it('when an admin deactivates a signed-in user, then that user’s next write is refused at once, not after their token expires', async () => {
    const body = newUser();
    const created = await admin.client.post('/api/users', body);
    const session = await signIn(world.system.baseUrl, { username: body.username }, body.password);
    const write = () => session.client.post('/api/auth/tokens', { name: '停用后' });
    expect((await write()).status).toBe(201);
    await admin.client.patch(`/api/users/${created.body.id}`, { active: false });
    const refused = await write();
    expectProblem(refused, 401, 'unauthenticated');
    expect(refused.body.detail).toContain('重新登录');
  });

  it('when an admin takes a role away from a signed-in user, then the old token no longer writes and a new sign-in carries the new roles', async () => {
    const body = newUser({ roles: ['head', 'prosecutor'] });
    const created = await admin.client.post('/api/users', body);
    const before = await signIn(world.system.baseUrl, { username: body.username }, body.password);
    const write = (s: Session) => s.client.patch(`/api/users/${created.body.id}`, { displayName: '改名' });
    await admin.client.patch(`/api/users/${created.body.id}`, { roles: ['prosecutor'] });
    expectProblem(await write(before), 401, 'unauthenticated');
    // Reads still answer until the token expires (its roles only narrow what it sees).
    expect((await before.client.get('/api/auth/me')).status).toBe(200);
    const after = await signIn(world.system.baseUrl, { username: body.username }, body.password);
    expect((await after.client.get('/api/auth/me')).body.roles).toEqual(['prosecutor']);
    expect((await write(after)).status).toBe(403);
  });

  it('when an admin changes only a user’s name, then the user’s session keeps writing', async () => {
    const session = await signIn(world.system.baseUrl, world.org.caseOffice);
    await admin.client.patch(`/api/users/${world.org.caseOffice.id}`, { displayName: '案管专员' });
    const res = await session.client.post('/api/auth/tokens', { name: '仍可写' });
    expect(res.status).toBe(201);
  });

  it('when an admin would lock themself out, then 409 and nothing changes', async () => {
    expectProblem(
      await admin.client.patch(`/api/users/${world.org.admin.id}`, { active: false }),
      409,
      'self-lockout',
    );
    expectProblem(await admin.client.patch(`/api/users/${world.org.admin.id}`, { roles: ['chief'] }), 409);
    expect((await userRow(world.org.admin.id))[0]).toMatchObject({ active: true, roles: ['admin'] });
  });

  it('when an admin patches another procuratorate’s user, then 404 and nothing changes', async () => {
    const before = await userRow(world.other.prosecutor.id);
    const res = await admin.client.patch(`/api/users/${world.other.prosecutor.id}`, {
      displayName: '改名',
      active: false,
    });
    expectProblem(res, 404, 'not-found');
    expect(await userRow(world.other.prosecutor.id)).toEqual(before);
    await signIn(world.system.baseUrl, world.other.prosecutor, TEST_PASSWORD);
  });

  it('when a patch is empty, then 422', async () => {
    expectProblem(await admin.client.patch(`/api/users/${world.org.chief.id}`, {}), 422);
  });
});

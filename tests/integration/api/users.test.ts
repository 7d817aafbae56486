import { randomBytes, scryptSync } from 'node:crypto';
import { createTestOrg, TEST_PASSWORD } from '../../helpers/fixtures';
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
      roles: ['case_office', 'prosecutor'],
      active: false,
    });
    expect(res.body).toMatchObject({ roles: ['case_office', 'prosecutor'], active: false });
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
    const body = newUser({ roles: ['case_office', 'prosecutor'] });
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

describe('decision and admin roles need a second admin', () => {
  let second: Session & { user: { id: string } };
  beforeAll(async () => {
    // A second admin, as `duban bootstrap` adds one (an admin alone cannot make another).
    const id = `u-second-admin-${randomBytes(3).toString('hex')}`;
    await world.system.db.query(
      `INSERT INTO users (id, procuratorate_id, username, display_name, email, roles, password_hash)
       SELECT $1, procuratorate_id, $2, '第二管理员', 'second@test.example', '{admin}', password_hash
         FROM users WHERE id = $3`,
      [id, `second-admin-${randomBytes(3).toString('hex')}`, world.org.admin.id],
    );
    const [row] = await world.system.db.query<{ username: string }>(
      'SELECT username FROM users WHERE id = $1',
      [id],
    );
    second = { ...(await signIn(world.system.baseUrl, { username: row!.username })), user: { id } };
  });
  const rolesOf = async (id: string) => (await userRow(id))[0] as { roles: string[]; active: boolean };

  it('when an admin gives a prosecutor the chief role, then it waits until another admin approves, and the asking admin cannot approve it', async () => {
    const created = await admin.client.post('/api/users', newUser());
    const asked = await admin.client.patch(`/api/users/${created.body.id}`, {
      roles: ['prosecutor', 'chief'],
    });
    expectDocumented('PATCH', '/api/users/{id}', asked);
    expect(asked.status).toBe(200);
    expect(asked.body.roles).toEqual(['prosecutor']);
    expect(asked.body.pendingRoleGrant).toMatchObject({ added: ['chief'], outcome: 'pending' });
    const grantId = asked.body.pendingRoleGrant.id as string;
    expect((await rolesOf(created.body.id)).roles).toEqual(['prosecutor']);
    const listed = await second.client.get('/api/users/role-grants');
    expectDocumented('GET', '/api/users/role-grants', listed);
    expect(listed.body.map((g: { id: string }) => g.id)).toContain(grantId);

    const own = await admin.client.post(`/api/users/role-grants/${grantId}/approve`);
    expectProblem(own, 403, 'forbidden');
    expect(own.body.detail).toContain('另一名管理员');
    expect((await rolesOf(created.body.id)).roles).toEqual(['prosecutor']);

    const approved = await second.client.post(`/api/users/role-grants/${grantId}/approve`);
    expectDocumented('POST', '/api/users/role-grants/{id}/approve', approved);
    expect(approved.status).toBe(200);
    expect((await rolesOf(created.body.id)).roles).toEqual(['prosecutor', 'chief']);
    const events = await world.system.db.query<{ kind: string; actor_id: string }>(
      "SELECT kind, actor_id FROM auth_events WHERE user_id = $1 AND kind LIKE 'role_grant_%' ORDER BY id",
      [created.body.id],
    );
    expect(events).toEqual([
      { kind: 'role_grant_requested', actor_id: world.org.admin.id },
      { kind: 'role_grant_approved', actor_id: second.user.id },
    ]);
    expectProblem(await second.client.post(`/api/users/role-grants/${grantId}/approve`), 404);
  });

  it('when an admin creates an account with the head role, then it stays inactive until approved, and a rejection keeps it so', async () => {
    const body = newUser({ roles: ['prosecutor', 'head'] });
    const created = await admin.client.post('/api/users', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      active: false,
      pendingRoleGrant: { added: ['head'], activate: true },
    });
    await expect(signIn(world.system.baseUrl, { username: body.username }, body.password)).rejects.toThrow();
    await second.client.post(`/api/users/role-grants/${created.body.pendingRoleGrant.id}/approve`);
    const signedIn = await signIn(world.system.baseUrl, { username: body.username }, body.password);
    expect((await signedIn.client.get('/api/auth/me')).body.roles).toEqual(['prosecutor', 'head']);

    const refusedBody = newUser({ roles: ['head'] });
    const refused = await admin.client.post('/api/users', refusedBody);
    const rejected = await second.client.post(
      `/api/users/role-grants/${refused.body.pendingRoleGrant.id}/reject`,
    );
    expect(rejected.status).toBe(200);
    expect(rejected.body.grant.outcome).toBe('rejected');
    expect((await rolesOf(refused.body.id)).active).toBe(false);
  });

  it('when an admin asks a role for the other admin, then that admin cannot approve it for themself', async () => {
    const asked = await admin.client.patch(`/api/users/${second.user.id}`, { roles: ['admin', 'head'] });
    expect(asked.body.pendingRoleGrant.added).toEqual(['head']);
    const self = await second.client.post(`/api/users/role-grants/${asked.body.pendingRoleGrant.id}/approve`);
    expectProblem(self, 403, 'forbidden');
    expect((await rolesOf(second.user.id)).roles).toEqual(['admin']);
  });

  it("when an admin makes someone the platform's administrator, then it waits for a second admin, after which the platform settings open to them", async () => {
    const body = newUser();
    const created = await admin.client.post('/api/users', body);
    const asked = await admin.client.patch(`/api/users/${created.body.id}`, {
      roles: ['prosecutor', 'platform_admin'],
    });
    expect(asked.status).toBe(200);
    expect(asked.body.roles).toEqual(['prosecutor']);
    expect(asked.body.pendingRoleGrant).toMatchObject({ added: ['platform_admin'], outcome: 'pending' });
    const before = await signIn(world.system.baseUrl, { username: body.username }, body.password);
    expectProblem(await before.client.get('/api/admin/domains'), 403);

    await second.client.post(`/api/users/role-grants/${asked.body.pendingRoleGrant.id}/approve`);
    expect((await rolesOf(created.body.id)).roles).toEqual(['prosecutor', 'platform_admin']);
    const after = await signIn(world.system.baseUrl, { username: body.username }, body.password);
    expect((await after.client.get('/api/admin/domains')).status).toBe(200);
  });

  it('when the procuratorate has one above it, then asking the platform role is refused with 422 and nothing is asked', async () => {
    const below = await createTestOrg(world.system.db, { parentId: world.org.procuratorateId });
    const belowAdmin = await signIn(world.system.baseUrl, below.admin);
    const asked = await belowAdmin.client.patch(`/api/users/${below.prosecutor.id}`, {
      roles: ['prosecutor', 'platform_admin'],
    });
    expectProblem(asked, 422);
    expect(asked.body.detail).toContain('最上级检察院');
    const created = await belowAdmin.client.post('/api/users', newUser({ roles: ['platform_admin'] }));
    expectProblem(created, 422);
    const grants = await world.system.db.query('SELECT 1 FROM role_grants WHERE procuratorate_id = $1', [
      below.procuratorateId,
    ]);
    expect(grants).toEqual([]);
    expect((await rolesOf(below.prosecutor.id)).roles).toEqual(['prosecutor']);
  });
});

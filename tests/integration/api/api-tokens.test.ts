import { as, expectDocumented, expectProblem, signIn, type Session } from './helpers';
import { useWorld } from '../../helpers/world';

const world = useWorld({ orgs: 2 });
let admin: Session;

beforeAll(async () => {
  admin = await signIn(world.system.baseUrl, world.org.admin);
});

const issue = (userId: string, name = '与办案系统对接') =>
  admin.client.post('/api/auth/tokens', { userId, name, expiresInDays: 30 });

describe('API tokens', () => {
  it('when an admin issues a token, then its secret comes back once and it acts as the user', async () => {
    const issued = await issue(world.org.prosecutor.id);
    expectDocumented('POST', '/api/auth/tokens', issued);
    expect(issued.status).toBe(201);
    expect(issued.body.token).toMatch(/^duban_[\w-]{43}$/);
    const me = await as(world.system.baseUrl, issued.body.token).get('/api/auth/me');
    expect(me.body).toMatchObject({ id: world.org.prosecutor.id, via: 'api_token', tokenId: issued.body.id });
    const list = await admin.client.get('/api/auth/tokens');
    expectDocumented('GET', '/api/auth/tokens', list);
    expect(JSON.stringify(list.body)).not.toContain(issued.body.token);
    expect(list.body.find((t: { id: string }) => t.id === issued.body.id).lastUsedAt).not.toBeNull();
    const stored = JSON.stringify(
      await world.system.db.query('SELECT * FROM api_tokens WHERE id = $1', [issued.body.id]),
    );
    expect(stored).not.toContain(issued.body.token);
    const used = await world.system.db.query(
      "SELECT 1 FROM auth_events WHERE kind = 'api_token_used' AND token_id = $1",
      [issued.body.id],
    );
    expect(used.length).toBeGreaterThan(0);
  });

  it('when a token is revoked, then it gets 401 and the attempt is logged', async () => {
    const issued = await issue(world.org.head.id);
    const revoked = await admin.client.delete(`/api/auth/tokens/${issued.body.id}`);
    expect(revoked.status).toBe(204);
    expectProblem(
      await as(world.system.baseUrl, issued.body.token).get('/api/auth/me'),
      401,
      'unauthenticated',
    );
    const kinds = await world.system.db.query<{ kind: string }>(
      'SELECT kind FROM auth_events WHERE token_id = $1 ORDER BY id',
      [issued.body.id],
    );
    expect(kinds.map((k) => k.kind)).toEqual(['api_token_issued', 'api_token_revoked', 'api_token_rejected']);
    expect((await admin.client.delete(`/api/auth/tokens/${issued.body.id}`)).status).toBe(204);
  });

  it('when a token’s user is deactivated, then the token stops working', async () => {
    const issued = await issue(world.org.caseOffice.id);
    await admin.client.patch(`/api/users/${world.org.caseOffice.id}`, { active: false });
    expectProblem(await as(world.system.baseUrl, issued.body.token).get('/api/auth/me'), 401);
  });

  it('when a token is made up, then 401', async () => {
    expectProblem(await as(world.system.baseUrl, `duban_${'A'.repeat(43)}`).get('/api/organs'), 401);
  });

  it('when an API token tries to issue or revoke tokens, then 403', async () => {
    const adminToken = await issue(world.org.admin.id);
    const viaToken = as(world.system.baseUrl, adminToken.body.token);
    expectProblem(
      await viaToken.post('/api/auth/tokens', { userId: world.org.admin.id, name: 'x' }),
      403,
      'forbidden',
    );
    expectProblem(await viaToken.delete(`/api/auth/tokens/${adminToken.body.id}`), 403);
  });

  it('when the user or the token belongs to another procuratorate, then 422 or 404 and nothing changes', async () => {
    expectProblem(await issue(world.other.prosecutor.id), 422, 'validation-failed');
    const otherAdmin = await signIn(world.system.baseUrl, world.other.admin);
    const theirs = await otherAdmin.client.post('/api/auth/tokens', {
      userId: world.other.chief.id,
      name: '对方',
    });
    expectProblem(await admin.client.delete(`/api/auth/tokens/${theirs.body.id}`), 404, 'not-found');
    const [row] = await world.system.db.query('SELECT revoked_at FROM api_tokens WHERE id = $1', [
      theirs.body.id,
    ]);
    expect(row).toEqual({ revoked_at: null });
    expect((await as(world.system.baseUrl, theirs.body.token).get('/api/auth/me')).status).toBe(200);
  });

  it('when the body is bad, then 422 names the field', async () => {
    const res = await admin.client.post('/api/auth/tokens', {
      userId: world.org.chief.id,
      name: 'x',
      expiresInDays: 0,
    });
    expectProblem(res, 422);
    expect(res.body.errors[0].path).toBe('expiresInDays');
  });
});

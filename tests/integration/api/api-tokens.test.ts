import { as, expectDocumented, expectProblem, signIn, type Session } from './helpers';
import type { TestUser } from '../../helpers/fixtures';
import { registerLead } from '../../helpers/leads';
import { useWorld } from '../../helpers/world';

const world = useWorld({ orgs: 2 });
let admin: Session;

beforeAll(async () => {
  admin = await signIn(world.system.baseUrl, world.org.admin);
});

/** A token issued by `user` for themselves, signed in. */
const issue = async (user: TestUser, name = '与办案系统对接') =>
  (await signIn(world.system.baseUrl, user)).client.post('/api/auth/tokens', { name, expiresInDays: 30 });

describe('API tokens', () => {
  it('when a prosecutor issues a token for themselves, then its secret comes back once and it acts as them', async () => {
    const issued = await issue(world.org.prosecutor);
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
    const issued = await issue(world.org.head);
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
    const issued = await issue(world.org.caseOffice);
    await admin.client.patch(`/api/users/${world.org.caseOffice.id}`, { active: false });
    expectProblem(await as(world.system.baseUrl, issued.body.token).get('/api/auth/me'), 401);
  });

  it('when a token is made up, then 401', async () => {
    expectProblem(await as(world.system.baseUrl, `duban_${'A'.repeat(43)}`).get('/api/organs'), 401);
  });

  it('when an API token tries to issue or revoke tokens, then 403', async () => {
    const adminToken = await issue(world.org.admin);
    const viaToken = as(world.system.baseUrl, adminToken.body.token);
    expectProblem(await viaToken.post('/api/auth/tokens', { name: 'x' }), 403, 'forbidden');
    expectProblem(await viaToken.delete(`/api/auth/tokens/${adminToken.body.id}`), 403);
  });

  it('when an admin asks for a token that would act as someone else, then 403 and no token exists', async () => {
    const before = await world.system.db.query('SELECT id FROM api_tokens WHERE user_id = $1', [
      world.org.chief.id,
    ]);
    for (const userId of [world.org.chief.id, world.other.prosecutor.id])
      expectProblem(await admin.client.post('/api/auth/tokens', { userId, name: '代签' }), 403, 'forbidden');
    expect(
      await world.system.db.query('SELECT id FROM api_tokens WHERE user_id = $1', [world.org.chief.id]),
    ).toEqual(before);
  });

  it('when someone other than an admin lists or revokes tokens, then only their own are theirs to see and revoke', async () => {
    const mine = await issue(world.org.chief, '本人');
    const others = await issue(world.org.head, '他人');
    const chief = await signIn(world.system.baseUrl, world.org.chief);
    const listed = await chief.client.get('/api/auth/tokens');
    expect(listed.status).toBe(200);
    expect(listed.body.map((t: { userId: string }) => t.userId)).toEqual(
      listed.body.map(() => world.org.chief.id),
    );
    expect(listed.body.map((t: { id: string }) => t.id)).toContain(mine.body.id);
    expectProblem(await chief.client.delete(`/api/auth/tokens/${others.body.id}`), 404, 'not-found');
    expect((await as(world.system.baseUrl, others.body.token).get('/api/auth/me')).status).toBe(200);
    expect((await chief.client.delete(`/api/auth/tokens/${mine.body.id}`)).status).toBe(204);
    expect((await admin.client.delete(`/api/auth/tokens/${others.body.id}`)).status).toBe(204);
  });

  it('when the token belongs to another procuratorate, then 404 and nothing changes', async () => {
    const theirs = await issue(world.other.chief, '对方');
    expectProblem(await admin.client.delete(`/api/auth/tokens/${theirs.body.id}`), 404, 'not-found');
    const [row] = await world.system.db.query('SELECT revoked_at FROM api_tokens WHERE id = $1', [
      theirs.body.id,
    ]);
    expect(row).toEqual({ revoked_at: null });
    expect((await as(world.system.baseUrl, theirs.body.token).get('/api/auth/me')).status).toBe(200);
  });

  it('when the body is bad, then 422 names the field', async () => {
    const res = await admin.client.post('/api/auth/tokens', { name: 'x', expiresInDays: 0 });
    expectProblem(res, 422);
    expect(res.body.errors[0].path).toBe('expiresInDays');
  });

  it.each([
    ['decideFiling', { approve: true, decidedOn: '2026-12-01', reason: '符合立案条件' }],
    ['terminate', { reason: '行政机关已全面整改', decidedOn: '2026-12-01' }],
    [
      'extendDeadline',
      { clockKey: 'lead_evaluation', by: { unit: 'months', count: 1 }, basis: '规则', reason: '案情复杂' },
    ],
  ])(
    'when the chief sends the decision %s with an API token, then 403: decisions are taken signed in',
    async (action, payload) => {
      const prosecutor = await signIn(world.system.baseUrl, world.org.prosecutor);
      const caseId = await registerLead(prosecutor.client);
      const token = (await issue(world.org.chief, '决定')).body.token as string;
      const viaToken = await as(world.system.baseUrl, token).post(
        `/api/cases/${caseId}/actions/${action}`,
        payload,
      );
      expectProblem(viaToken, 403, 'forbidden');
      expect(viaToken.body.detail).toContain('不能使用集成令牌');
      // Signed in, the same request reaches the case's own rules (which judge the stage or the payload).
      const chief = await signIn(world.system.baseUrl, world.org.chief);
      expect((await chief.client.post(`/api/cases/${caseId}/actions/${action}`, payload)).status).not.toBe(
        403,
      );
      // A token may still record what is not a decision.
      expect(
        (
          await as(world.system.baseUrl, token).post(`/api/cases/${caseId}/actions/addNote`, {
            text: '对接系统同步备注',
          })
        ).status,
      ).toBe(200);
    },
  );

  it('when an action is taken with a token and another signed in, then each timeline entry says how its actor authenticated', async () => {
    const prosecutor = await signIn(world.system.baseUrl, world.org.prosecutor);
    const caseId = await registerLead(prosecutor.client);
    const issued = await issue(world.org.prosecutor, '同步备注');
    const byToken = await as(world.system.baseUrl, issued.body.token).post(
      `/api/cases/${caseId}/actions/addNote`,
      {
        text: '经集成令牌记录',
      },
    );
    const bySession = await prosecutor.client.post(`/api/cases/${caseId}/actions/addNote`, {
      text: '本人登录记录',
    });
    expect([byToken.status, bySession.status]).toEqual([200, 200]);
    const entries = await world.system.db.query<{ seq: number; data: { auth?: unknown } }>(
      'SELECT seq, data FROM audit_entries WHERE case_id = $1 AND seq = ANY($2::int[]) ORDER BY seq',
      [caseId, [byToken.body.result.seq, bySession.body.result.seq]],
    );
    expect(entries.map((e) => e.data.auth)).toEqual([
      { method: 'api_token', tokenId: issued.body.id },
      { method: 'session' },
    ]);
  });
});

import { as, expectNoInternals, expectProblem, signIn, type Session } from './helpers';
import { useWorld } from '../../helpers/world';
import { intakeProofHeaders } from '../../helpers/intake-proof';

const world = useWorld();
let admin: Session;

beforeAll(async () => {
  admin = await signIn(world.system.baseUrl, world.org.admin);
});

const raw = (
  method: string,
  path: string,
  body: string | Buffer | undefined,
  headers: Record<string, string>,
) =>
  fetch(world.system.baseUrl + path, {
    method,
    body,
    headers: { authorization: `Bearer ${admin.accessToken}`, ...headers },
  }).then(async (res) => {
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* keep text */
    }
    return { status: res.status, headers: res.headers, body: parsed as any };
  });

const organCount = async () =>
  (
    await world.system.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM organs WHERE procuratorate_id = $1',
      [world.org.procuratorateId],
    )
  )[0]!.n;

describe('bad requests', () => {
  it.each([
    ['malformed JSON', '{"name": "区水务局",', { 'content-type': 'application/json' }, 400, 'bad-request'],
    [
      'a JSON string instead of an object',
      '"区水务局"',
      { 'content-type': 'application/json' },
      400,
      'bad-request',
    ],
    [
      'a JSON array',
      '[{"name":"区水务局"}]',
      { 'content-type': 'application/json' },
      422,
      'validation-failed',
    ],
    ['plain text', 'name=区水务局', { 'content-type': 'text/plain' }, 415, 'unsupported-media-type'],
    [
      'a form body',
      'name=x',
      { 'content-type': 'application/x-www-form-urlencoded' },
      415,
      'unsupported-media-type',
    ],
    [
      'a Latin-1 charset',
      '{"name":"x"}',
      { 'content-type': 'application/json; charset=latin1' },
      415,
      'unsupported-media-type',
    ],
    [
      'an oversized body',
      JSON.stringify({ name: 'x'.repeat(300_000) }),
      { 'content-type': 'application/json' },
      413,
      'payload-too-large',
    ],
  ])(
    'when a POST has %s, then the right problem and nothing is stored',
    async (_w, body, headers, status, type) => {
      const before = await organCount();
      const res = await raw('POST', '/api/organs', body, headers);
      expectProblem(res, status, type);
      expect(await organCount()).toBe(before);
    },
  );

  it('when the public intake gets more than its own limit, then 413', async () => {
    const big = JSON.stringify({ description: 'x'.repeat(10 * 1024 * 1024) });
    const proof = await intakeProofHeaders(world.system.baseUrl);
    expectProblem(
      await raw('POST', '/api/public/leads', big, { 'content-type': 'application/json', ...proof }),
      413,
    );
  });

  it('when an unknown API route is asked for, then 404 problem with or without an account (GET pages outside /api belong to the web app)', async () => {
    expectProblem(await admin.client.get('/api/nothing-here'), 404, 'not-found');
    expectProblem(await as(world.system.baseUrl).get('/api/nothing-here'), 404, 'not-found');
    expectProblem(await as(world.system.baseUrl).post('/nothing', {}), 404, 'not-found');
  });

  it('when a declared route is asked for without an account, then 401 problem', async () => {
    expectProblem(await as(world.system.baseUrl).get('/api/organs'), 401, 'unauthenticated');
    expectProblem(await as(world.system.baseUrl).post('/api/organs', { name: 'x' }), 401);
  });

  it('when a path has broken percent-encoding, then 400 problem', async () => {
    expectProblem(await raw('GET', '/api/leads/public/%E0%A4%A', undefined, {}), 400);
  });

  it('when a query repeats a parameter or adds an unknown one, then 422', async () => {
    expectProblem(await admin.client.get('/api/users?includeInactive=true&includeInactive=false'), 422);
    expectProblem(await admin.client.get('/api/users?role=admin'), 422);
  });

  it('when a route that takes no body gets one, then 422', async () => {
    expectProblem(await admin.client.request('DELETE', '/api/auth/tokens/tok-1', { force: true }), 422);
  });

  it('when an ID parameter carries SQL, then 422 or 404 and no database text leaks', async () => {
    const res = await admin.client.patch("/api/organs/1'%20OR%20'1'='1", { name: 'x' });
    expectProblem(res, 422);
    const quoted = await admin.client.patch('/api/users/u-1;DROP', { displayName: 'x' });
    expectProblem(quoted, 422);
  });

  it('when any answer is sent, then it carries a request ID and no internals', async () => {
    const res = await admin.client.get('/api/organs', { 'x-request-id': 'trace-123' });
    expect(res.headers.get('x-request-id')).toBe('trace-123');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expectNoInternals(res);
    const made = await admin.client.get('/api/organs', { 'x-request-id': 'bad id with spaces' });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

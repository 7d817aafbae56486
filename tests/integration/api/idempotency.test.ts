import { randomUUID } from 'node:crypto';
import { requestFingerprint } from '../../../api/idempotency';
import { createTestOrg, type TestOrg } from '../../helpers/fixtures';
import { startSystem, type System } from '../../helpers/system';
import { Caller, expectProblem, freshIp, signIn, type Session } from './helpers';
import { intakeProofHeaders } from '../../helpers/intake-proof';

let system: System;
let org: TestOrg;
let admin: Session;

const SECRET = 'idempotency-test-secret-0123456789abcdef';

beforeAll(async () => {
  system = await startSystem({ authSecret: SECRET });
  org = await createTestOrg(system.db);
  admin = await signIn(system.baseUrl, org.admin);
});
afterAll(() => system.stop());

const organsNamed = (name: string) =>
  system.db.query('SELECT id FROM organs WHERE procuratorate_id = $1 AND name = $2', [
    org.procuratorateId,
    name,
  ]);
const withKey = (key: string) => ({ 'idempotency-key': key });

describe('Idempotency-Key', () => {
  it('when a POST is repeated with the same key and body, then the first response comes back and it runs once', async () => {
    const key = randomUUID();
    const first = await admin.client.post('/api/organs', { name: '区水务局' }, withKey(key));
    const again = await admin.client.post('/api/organs', { name: '区水务局' }, withKey(key));
    expect(first.status).toBe(201);
    expect({ status: again.status, body: again.body, location: again.headers.get('location') }).toEqual({
      status: 201,
      body: first.body,
      location: first.headers.get('location'),
    });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('content-type')).toContain('application/json');
    expect(await organsNamed('区水务局')).toHaveLength(1);
  });

  it('when the same key comes with a different body, then 422 and nothing runs', async () => {
    const key = randomUUID();
    await admin.client.post('/api/organs', { name: '区林业局' }, withKey(key));
    const res = await admin.client.post('/api/organs', { name: '区交通局' }, withKey(key));
    expectProblem(res, 422, 'idempotency-key-reused');
    expect(await organsNamed('区交通局')).toEqual([]);
  });

  it('when duplicates arrive together, then exactly one runs and the others get 409 or its response', async () => {
    const key = randomUUID();
    const all = await Promise.all(
      Array.from({ length: 6 }, () => admin.client.post('/api/organs', { name: '区城管局' }, withKey(key))),
    );
    expect(await organsNamed('区城管局')).toHaveLength(1);
    const created = all.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    for (const r of all.filter((x) => x.status !== 201)) expectProblem(r, 409, 'request-in-progress');
  });

  it('when a first request with the key is still running, then a repeat gets 409 with Retry-After', async () => {
    const key = randomUUID();
    const body = { name: '区人防办' };
    await system.db.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, state, locked_until)
       VALUES ($1, $2, $3, 'in_flight', now() + interval '1 minute')`,
      [`user:${org.admin.id}`, key, requestFingerprint(SECRET, 'POST', '/api/organs', body)],
    );
    const res = await admin.client.post('/api/organs', body, withKey(key));
    expectProblem(res, 409, 'request-in-progress');
    expect(res.headers.get('retry-after')).toBe('1');
    expect(await organsNamed('区人防办')).toEqual([]);
  });

  it('when a reservation outlived its lock (its request died), then a repeat takes it over and runs', async () => {
    const key = randomUUID();
    const body = { name: '区民防局' };
    await system.db.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, state, locked_until)
       VALUES ($1, $2, $3, 'in_flight', now() - interval '1 second')`,
      [`user:${org.admin.id}`, key, requestFingerprint(SECRET, 'POST', '/api/organs', body)],
    );
    expect((await admin.client.post('/api/organs', body, withKey(key))).status).toBe(201);
  });

  it('when two users use the same key, then each request runs for itself', async () => {
    const key = randomUUID();
    const otherAdmin = await signIn(system.baseUrl, (await createTestOrg(system.db)).admin);
    expect((await admin.client.post('/api/organs', { name: '区档案局' }, withKey(key))).status).toBe(201);
    expect((await otherAdmin.client.post('/api/organs', { name: '区档案局' }, withKey(key))).status).toBe(
      201,
    );
  });

  it('when a request fails validation, then the key is not spent', async () => {
    const key = randomUUID();
    expectProblem(
      await admin.client.post('/api/organs', { name: '' }, withKey(key)),
      422,
      'validation-failed',
    );
    expect((await admin.client.post('/api/organs', { name: '区统计局' }, withKey(key))).status).toBe(201);
  });

  it.each([
    ['too long', 'k'.repeat(256)],
    ['with spaces', 'a key'],
  ])('when the key is %s, then 400', async (_w, key) => {
    expectProblem(
      await admin.client.post('/api/organs', { name: '区审计局' }, withKey(key)),
      400,
      'bad-request',
    );
  });

  it('when the public repeats a submission with a key, then the same tracking code comes back', async () => {
    const caller = new Caller(system.baseUrl, undefined, { 'x-forwarded-for': freshIp() });
    const body = {
      procuratorateId: org.procuratorateId,
      description: '某工地夜间施工噪声扰民，且渣土车未覆盖。',
      location: '某区某路',
    };
    const key = randomUUID();
    // A retry carries the same solved challenge: the first answer comes back, the proof is not spent twice.
    const proof = await intakeProofHeaders(system.baseUrl);
    const first = await caller.post('/api/public/leads', body, { ...withKey(key), ...proof });
    const again = await caller.post('/api/public/leads', body, { ...withKey(key), ...proof });
    expect(again.body.code).toBe(first.body.code);
    const elsewhere = new Caller(system.baseUrl, undefined, { 'x-forwarded-for': freshIp() });
    const other = await elsewhere.post('/api/public/leads', body, {
      ...withKey(key),
      ...(await intakeProofHeaders(system.baseUrl)),
    });
    expect(other.body.code).not.toBe(first.body.code);
  });
});

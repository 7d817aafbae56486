/**
 * The domains (领域): every user reads the ones in force; the platform's administrator adds
 * exploratory (等外) domains and new versions, never editing a stored one, and a procuratorate's
 * admin reads them; registration takes only a domain in force.
 */
import { randomBytes } from 'node:crypto';
import { addDays } from '../../../domain/period';
import { shanghaiDate } from '../../../domain/time';
import { createTestOrg, type TestOrg } from '../../helpers/fixtures';
import { startSystem, type System } from '../../helpers/system';
import { as, expectDocumented, expectProblem, signIn, type Caller } from '../api/helpers';

let system: System;
let org: TestOrg;
let admin: Caller;
let prosecutor: Caller;
const today = shanghaiDate(new Date());
const uniq = () => randomBytes(4).toString('hex');

beforeAll(async () => {
  system = await startSystem();
  org = await createTestOrg(system.db);
  admin = (await signIn(system.baseUrl, org.platformAdmin)).client;
  prosecutor = (await signIn(system.baseUrl, org.prosecutor)).client;
});
afterAll(() => system.stop());

/** A fresh exploratory domain through the API; its code and name are unique to the run. */
async function exploratory(extra: Record<string, unknown> = {}) {
  const n = uniq();
  const res = await admin.post('/api/admin/domains', {
    code: `public_safety_${n}`,
    name: `公共安全${n}`,
    allowsAdministrative: true,
    allowsCivil: false,
    ...extra,
  });
  return res;
}

const register = (domainCode: string) =>
  prosecutor.post('/api/cases', {
    title: '某小区消防通道长期被占用',
    description: '群众反映消防通道被占用，存在公共安全隐患。',
    domainCode,
    source: 'public_report',
    receivedOn: today,
  });

const versionsOf = async (code: string) =>
  (await admin.get('/api/admin/domains')).body.items.find((d: { code: string }) => d.code === code);

describe('reading the domains', () => {
  it('when a prosecutor lists domains, then the fifteen in force come with their flags', async () => {
    const res = await prosecutor.get('/api/domains');
    expectDocumented('GET', '/api/domains', res);
    const byCode = new Map(res.body.map((d: { code: string }) => [d.code, d]));
    expect(byCode.get('antitrust')).toMatchObject({
      statutory: true,
      allowsAdministrative: false,
      allowsCivil: true,
      minLevel: 'city',
    });
    expect(byCode.get('cultural_relics')).toMatchObject({ inForceFrom: '2025-03-01' });
  });

  it('when an admin lists domains, then each has its current version and history', async () => {
    const res = await admin.get('/api/admin/domains');
    expectDocumented('GET', '/api/admin/domains', res);
    const ecology = res.body.items.find((d: { code: string }) => d.code === 'ecology');
    expect(ecology.current).toMatchObject({ name: '生态环境和资源保护', createdBy: null });
    expect(ecology.versions.length).toBeGreaterThanOrEqual(1);
  });
});

describe('adding an exploratory domain', () => {
  it('when an admin adds one, then it is version 1 without statutory basis, and usable for a new case', async () => {
    const res = await exploratory({ basis: '最高人民检察院关于积极稳妥拓展公益诉讼案件范围的指导意见' });
    expectDocumented('POST', '/api/admin/domains', res);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      version: 1,
      statutory: false,
      inForceFrom: today,
      createdBy: org.platformAdmin.id,
    });
    const listed = (await prosecutor.get('/api/domains')).body.map((d: { code: string }) => d.code);
    expect(listed).toContain(res.body.code);
    const created = await register(res.body.code);
    expect(created.status).toBe(201);
    expect(created.body.domainCode).toBe(res.body.code);
  });

  it('when the code or the name is taken, then 409 and nothing is added', async () => {
    const first = await exploratory();
    const again = await admin.post('/api/admin/domains', {
      code: first.body.code,
      name: `另一个${uniq()}`,
      allowsAdministrative: true,
      allowsCivil: true,
    });
    expectProblem(again, 409, 'domain-code-taken');
    expectProblem(await exploratory({ name: first.body.name }), 409, 'domain-name-taken');
    expectProblem(await exploratory({ code: 'ecology' }), 409, 'domain-code-taken');
    expect((await versionsOf(first.body.code)).versions).toHaveLength(1);
  });

  it.each([
    ['an in-force date in the past', { inForceFrom: addDays(today, -1) }, 'inForceFrom'],
    ['no track at all', { allowsAdministrative: false }, 'allowsCivil'],
    ['a bad code', { code: 'Public Safety' }, 'code'],
    ['a statutory flag', { statutory: true }, ''],
  ])('when given %s, then 422', async (_what, extra, path) => {
    const res = await exploratory(extra);
    expectProblem(res, 422);
    expect(res.body.errors[0].path).toBe(path);
  });

  it('when it takes effect later, then it is not listed and a case in it is refused until then', async () => {
    const later = await exploratory({ inForceFrom: addDays(today, 30) });
    expect(later.status).toBe(201);
    const listed = (await prosecutor.get('/api/domains')).body.map((d: { code: string }) => d.code);
    expect(listed).not.toContain(later.body.code);
    const refused = await register(later.body.code);
    expectProblem(refused, 422);
    expect(refused.body.detail).toContain('尚不能登记');
    expect(refused.body.errors).toEqual([{ path: 'domainCode', message: '尚未施行' }]);
    expectProblem(await register(`nope_${uniq()}`), 422);
  });
});

describe('a new version of a domain', () => {
  it('when an admin renames one, then a version 2 is added and version 1 stays as it was', async () => {
    const { body: v1 } = await exploratory();
    const res = await admin.patch(`/api/admin/domains/${v1.code}`, { name: `公共安全（试点）${uniq()}` });
    expectDocumented('PATCH', '/api/admin/domains/:code', res);
    expect(res.body).toMatchObject({
      code: v1.code,
      version: 2,
      allowsAdministrative: true,
      statutory: false,
    });
    const domain = await versionsOf(v1.code);
    expect(domain.current.version).toBe(2);
    expect(domain.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(domain.versions[1]).toEqual(v1);
  });

  it('when a version takes effect later, then the current one stays in force until then', async () => {
    const { body: v1 } = await exploratory();
    const due = addDays(today, 10);
    const res = await admin.patch(`/api/admin/domains/${v1.code}`, { allowsCivil: true, inForceFrom: due });
    expect(res.status).toBe(200);
    const domain = await versionsOf(v1.code);
    expect(domain.current).toMatchObject({ version: 1, allowsCivil: false });
    expect(domain.upcoming).toMatchObject({ version: 2, allowsCivil: true, inForceFrom: due });
    const earlier = await admin.patch(`/api/admin/domains/${v1.code}`, { name: `更名${uniq()}` });
    expectProblem(earlier, 422);
    expect(earlier.body.errors[0].path).toBe('inForceFrom');
  });

  it.each([
    ['no change', {}],
    ['the same content', { allowsAdministrative: true }],
    ['no track at all', { allowsAdministrative: false }],
    ['statutory without a basis', { statutory: true }],
    ['an in-force date in the past', { name: '过去', inForceFrom: '2020-01-01' }],
    ['an unknown field', { version: 9 }],
  ])('when given %s, then 422 and no version is added', async (_what, body) => {
    const { body: v1 } = await exploratory();
    expectProblem(await admin.patch(`/api/admin/domains/${v1.code}`, body), 422);
    expect((await versionsOf(v1.code)).versions).toHaveLength(1);
  });

  it('when the code is unknown, then 404', async () => {
    expectProblem(await admin.patch(`/api/admin/domains/nope_${uniq()}`, { name: '无此领域' }), 404);
  });

  it('when a stored version is changed in the database itself, then the database refuses', async () => {
    await expect(system.db.query("UPDATE domains SET name = '改名' WHERE code = 'ecology'")).rejects.toThrow(
      /versioned/,
    );
  });
});

describe('who may manage domains', () => {
  it.each(['prosecutor', 'head', 'chief', 'caseOffice'] as const)(
    'when a %s tries, then 403 and nothing is added',
    async (who) => {
      const { client } = await signIn(system.baseUrl, org[who]);
      const code = `public_safety_${uniq()}`;
      const body = { code, name: `公共安全${uniq()}`, allowsAdministrative: true, allowsCivil: true };
      expectProblem(await client.get('/api/admin/domains'), 403);
      expectProblem(await client.post('/api/admin/domains', body), 403);
      expectProblem(await client.patch('/api/admin/domains/ecology', { name: '改名' }), 403);
      expect(await versionsOf(code)).toBeUndefined();
    },
  );

  it("when a procuratorate's admin reads them, then 200; adding or changing one is refused with 403 naming platform_admin", async () => {
    const { client } = await signIn(system.baseUrl, org.admin);
    const code = `public_safety_${uniq()}`;
    const body = { code, name: `公共安全${uniq()}`, allowsAdministrative: true, allowsCivil: true };
    expect((await client.get('/api/admin/domains')).status).toBe(200);
    for (const res of [
      await client.post('/api/admin/domains', body),
      await client.patch('/api/admin/domains/ecology', { name: '改名' }),
    ]) {
      expectProblem(res, 403);
      expect(res.body.detail).toContain('platform_admin');
    }
    expect(await versionsOf(code)).toBeUndefined();
  });

  it('when nobody is signed in, then 401', async () => {
    expectProblem(await as(system.baseUrl).get('/api/domains'), 401);
    expectProblem(await as(system.baseUrl).get('/api/admin/domains'), 401);
  });
});

import { expectDocumented, expectProblem, signIn, type Session } from './helpers';
import { useWorld } from '../../helpers/world';

const world = useWorld({ orgs: 2 });
let admin: Session;

beforeAll(async () => {
  admin = await signIn(world.system.baseUrl, world.org.admin);
});

const organRow = (id: string) => world.system.db.query('SELECT * FROM organs WHERE id = $1', [id]);

describe('the organ registry', () => {
  it('when any staff member lists organs, then they see their procuratorate’s only', async () => {
    const { client } = await signIn(world.system.baseUrl, world.org.caseOffice);
    const res = await client.get('/api/organs');
    expectDocumented('GET', '/api/organs', res);
    expect(res.body.map((o: { id: string }) => o.id).sort()).toEqual(Object.values(world.org.organs).sort());
  });

  it('when an admin registers and changes an organ, then the registry shows it', async () => {
    const created = await admin.client.post('/api/organs', {
      name: '区农业农村局',
      email: 'nyj@organ.example',
    });
    expectDocumented('POST', '/api/organs', created);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'administrative', address: null });
    const changed = await admin.client.patch(`/api/organs/${created.body.id}`, {
      address: '某区某路 1 号',
      email: null,
    });
    expectDocumented('PATCH', '/api/organs/:id', changed);
    expect(changed.body).toMatchObject({ name: '区农业农村局', email: null, address: '某区某路 1 号' });
  });

  it('when an admin records a contact and deactivates an organ, then the registry keeps it as inactive', async () => {
    const created = await admin.client.post('/api/organs', {
      name: '区城市管理局',
      contactName: '王科长',
      phone: '021-1234 5678',
    });
    expect(created.body).toMatchObject({ contactName: '王科长', phone: '021-1234 5678', active: true });
    const off = await admin.client.patch(`/api/organs/${created.body.id}`, { active: false, phone: null });
    expectDocumented('PATCH', '/api/organs/:id', off);
    expect(off.body).toMatchObject({ active: false, phone: null, contactName: '王科长' });
    const listed = (await admin.client.get('/api/organs')).body.find(
      (o: { id: string }) => o.id === created.body.id,
    );
    expect(listed).toMatchObject({ active: false, deactivatedAt: off.body.deactivatedAt });
    const on = await admin.client.patch(`/api/organs/${created.body.id}`, { active: true });
    expect(on.body).toMatchObject({ active: true, deactivatedAt: null });
    expectProblem(await admin.client.patch(`/api/organs/${created.body.id}`, { phone: 'call me' }), 422);
  });

  it('when the name is taken in the procuratorate, then 409; another procuratorate may use it', async () => {
    expectProblem(await admin.client.post('/api/organs', { name: '区生态环境局' }), 409, 'organ-name-taken');
    const renamed = await admin.client.patch(`/api/organs/${world.org.organs.street}`, {
      name: '区生态环境局',
    });
    expectProblem(renamed, 409);
    const theirs = await signIn(world.system.baseUrl, world.other.admin);
    expect((await theirs.client.post('/api/organs', { name: '区农业农村局' })).status).toBe(201);
  });

  it('when an admin patches another procuratorate’s organ, then 404 and nothing changes', async () => {
    const before = await organRow(world.other.organs.eco);
    expectProblem(await admin.client.patch(`/api/organs/${world.other.organs.eco}`, { name: '改名' }), 404);
    expect(await organRow(world.other.organs.eco)).toEqual(before);
  });

  it.each([
    ['an unknown field', { name: '某局', procuratorateId: 'x' }],
    ['an unknown kind', { name: '某局', kind: 'court' }],
    ['a bad e-mail', { name: '某局', email: 'not-an-email' }],
    ['an empty name', { name: '   ' }],
  ])('when the organ has %s, then 422 and nothing is stored', async (_w, body) => {
    expectProblem(await admin.client.post('/api/organs', body), 422);
    expect(
      await world.system.db.query("SELECT 1 FROM organs WHERE procuratorate_id = $1 AND name = '某局'", [
        world.org.procuratorateId,
      ]),
    ).toEqual([]);
  });

  it('when a non-admin registers an organ, then 403', async () => {
    const { client } = await signIn(world.system.baseUrl, world.org.head);
    expectProblem(await client.post('/api/organs', { name: '区水务局' }), 403, 'forbidden');
  });
});

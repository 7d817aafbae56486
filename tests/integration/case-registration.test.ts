import { shanghaiDate } from '../../domain/time';
import { createTestOrg } from '../helpers/fixtures';
import { ApiClient } from '../helpers/http';
import { useWorld } from '../helpers/world';

const world = useWorld();
let prosecutor: ApiClient;

beforeAll(async () => {
  prosecutor = await ApiClient.login(world.system.baseUrl, world.org.prosecutor);
});

const lead = (overrides: Record<string, unknown> = {}) => ({
  title: '某公司违规堆放固体废物',
  description: '群众反映某公司在厂区外堆放固体废物，污染周边土壤。',
  domainCode: 'ecology',
  source: 'public_report',
  receivedOn: shanghaiDate(new Date()),
  ...overrides,
});

describe('registering a lead', () => {
  it('when a prosecutor registers a lead, then the case, its first timeline entry and the handler’s mail exist', async () => {
    const res = await prosecutor.post('/api/cases', lead());
    expect(res.status).toBe(201);
    const caseId: string = res.body.id;
    expect(caseId).toMatch(new RegExp(`^${world.org.procuratorateId}-\\d{4}-\\d{5}$`));
    expect(res.headers.get('location')).toBe(`/api/cases/${caseId}`);
    expect(res.body).toMatchObject({
      stage: 'LEAD',
      handlerId: world.org.prosecutor.id,
      domainCode: 'ecology',
    });

    const read = await prosecutor.get(`/api/cases/${caseId}`);
    expect(read.status).toBe(200);
    expect(read.body.title).toBe('某公司违规堆放固体废物');

    const entries = await world.system.db.query<{
      seq: number;
      kind: string;
      prev_hash: string;
      hash: string;
    }>('SELECT seq, kind, prev_hash, hash FROM audit_entries WHERE case_id = $1 ORDER BY seq', [caseId]);
    expect(entries.map((e) => [e.seq, e.kind])).toEqual([
      [1, 'lead_registered'],
      [2, 'clock_started'],
    ]);
    expect(entries[0]!.prev_hash).toBe('0'.repeat(64));
    expect(entries[1]!.prev_hash).toBe(entries[0]!.hash);

    const [mail] = await world.system.mail.waitFor((ms) => ms.some((m) => m.subject.includes(caseId)));
    const ack = world.system.mail.messages.find((m) => m.subject.includes(caseId))!;
    expect(mail).toBeDefined();
    expect(ack.to).toEqual([world.org.prosecutor.email]);
    expect(ack.subject).toContain('线索已登记');
    expect(ack.text).toContain(`http://duban.test/cases/${caseId}`);
  });

  it('when the same external reference is registered twice, then the second gets 409 and no second case', async () => {
    const first = await prosecutor.post('/api/cases', lead({ externalRef: '浦环移〔2026〕12号' }));
    expect(first.status).toBe(201);
    const second = await prosecutor.post(
      '/api/cases',
      lead({ externalRef: '浦环移〔2026〕12号', title: '重复' }),
    );
    expect(second.status).toBe(409);
    expect(second.headers.get('content-type')).toContain('application/problem+json');
    expect(second.body.caseId).toBe(first.body.id);
    const rows = await world.system.db.query(
      'SELECT id FROM cases WHERE procuratorate_id = $1 AND external_ref = $2',
      [world.org.procuratorateId, '浦环移〔2026〕12号'],
    );
    expect(rows).toHaveLength(1);
  });

  it.each([
    ['an impossible date', { receivedOn: '2026-02-30' }, 'receivedOn'],
    ['an unknown field', { priority: 'high' }, ''],
    ['an unknown domain', { domainCode: 'space' }, 'domainCode'],
    ['a civil-only domain on the administrative track', { domainCode: 'heroes' }, 'track'],
    ['a date in the future', { receivedOn: '2999-01-01' }, 'receivedOn'],
  ])(
    'when the lead has %s, then 422 names the field and no case is created',
    async (_what, override, path) => {
      const before = await world.system.db.query(
        'SELECT count(*)::int AS n FROM cases WHERE procuratorate_id = $1',
        [world.org.procuratorateId],
      );
      const res = await prosecutor.post('/api/cases', lead(override));
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
      const after = await world.system.db.query(
        'SELECT count(*)::int AS n FROM cases WHERE procuratorate_id = $1',
        [world.org.procuratorateId],
      );
      expect(after).toEqual(before);
    },
  );

  it('when another procuratorate’s user asks for the case, then it is not found', async () => {
    const created = await prosecutor.post('/api/cases', lead());
    const other = await createTestOrg(world.system.db);
    const stranger = await ApiClient.login(world.system.baseUrl, other.prosecutor);
    const res = await stranger.get(`/api/cases/${created.body.id}`);
    expect(res.status).toBe(404);
  });
});

import { randomBytes } from 'node:crypto';
import { as, Caller, expectDocumented, expectProblem, freshIp, signIn, type Session } from './helpers';
import { useWorld } from '../../helpers/world';
import { intakeProofHeaders } from '../../helpers/intake-proof';

const world = useWorld({ orgs: 2 });
let prosecutor: Session;
let stranger: Session;

beforeAll(async () => {
  prosecutor = await signIn(world.system.baseUrl, world.org.prosecutor);
  stranger = await signIn(world.system.baseUrl, world.other.prosecutor);
});

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(64)]);
const JPEG = Buffer.concat([Buffer.from('ffd8ffe0', 'hex'), randomBytes(64)]);
const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const file = (content: Buffer, mediaType: string, fileName = '现场照片.png') => ({
  fileName,
  mediaType,
  contentBase64: content.toString('base64'),
});

const lead = (overrides: Record<string, unknown> = {}) => ({
  procuratorateId: world.org.procuratorateId,
  description: '某小区旁河道长期有工厂排放污水，气味刺鼻，周边居民反映多次未解决。',
  location: '某区某街道某河段',
  domainGuess: 'ecology',
  contact: { name: '王某', phone: '138 0000 0000', email: 'wang@public.example' },
  ...overrides,
});
const submit = async (body: unknown, caller = new Caller(world.system.baseUrl, undefined)) =>
  caller.post('/api/public/leads', body, await intakeProofHeaders(world.system.baseUrl));
/** Leads of both procuratorates of this file (world.other files submit leads in parallel). */
const leadCount = () =>
  world.system.db.query('SELECT count(*)::int AS n FROM public_leads WHERE procuratorate_id = ANY($1)', [
    [world.org.procuratorateId, world.other.procuratorateId],
  ]);
const leadId = async (code: string) =>
  (
    await world.system.db.query<{ id: string }>('SELECT id FROM public_leads WHERE tracking_code = $1', [
      code,
    ])
  )[0]!.id;

/** What the lifecycle does when it registers a case from the lead, reduced to the two rows the status reads. */
async function registerCase(publicLeadId: string, stage: string) {
  const caseId = `${world.org.procuratorateId}-2026-${randomBytes(3).toString('hex')}`;
  await world.system.db.query(
    `INSERT INTO case_creations (case_id, procuratorate_id, input, public_lead_id) VALUES ($1, $2, '{}', $3)`,
    [caseId, world.org.procuratorateId, publicLeadId],
  );
  await world.system.db.query(
    `INSERT INTO cases (id, procuratorate_id, workflow_id, title, track, stage, domain_code, source, handler_id, created_at, updated_at)
     VALUES ($1, $2, $3, '群众反映', 'administrative', $4, 'ecology', 'public_report', $5, now(), now())`,
    [caseId, world.org.procuratorateId, `case-${caseId}`, stage, world.org.prosecutor.id],
  );
  return caseId;
}

/** Submits a lead per description, one after another, and returns their ids in that order. */
async function submitInOrder(descriptions: string[], location = '某区某街道'): Promise<string[]> {
  const ids: string[] = [];
  for (const description of descriptions) {
    const res = await submit(lead({ description, location }));
    expect(res.status).toBe(201);
    ids.push(await leadId(res.body.code));
  }
  return ids;
}

/** The staff queue with `params` (of every status unless they say), as the ids listed and the total. */
async function queueOf(params: Record<string, string | number>) {
  const all = { status: 'all', ...params };
  const query = new URLSearchParams(Object.entries(all).map(([k, v]): [string, string] => [k, String(v)]));
  const res = await prosecutor.client.get(`/api/leads/public?${query}`);
  expect(res.status).toBe(200);
  expectDocumented('GET', '/api/leads/public', res);
  return {
    ids: res.body.items.map((l: { id: string }) => l.id) as string[],
    total: res.body.total as number,
  };
}

describe('the staff queue, searched and paged on the server', () => {
  const word = `标记${randomBytes(4).toString('hex')}`;
  let ids: string[];
  let byLocation: string;

  beforeAll(async () => {
    ids = await submitInOrder([
      `河道排污，${word}，第一处，气味刺鼻`,
      `河道排污，${word}，第二处，超标100%`,
      `河道排污，${word}%，第三处，夜间排放`,
      `河道排污，${word}，第四处，长期未治理`,
    ]);
    byLocation = (await submitInOrder(['小区旁垃圾长期堆放，无人清运'], `${word}小区`))[0]!;
  }, 120_000);

  it('when staff search a word, then only the leads whose description or location has it are listed, and counted', async () => {
    expect(await queueOf({ q: word })).toEqual({ ids: [...ids, byLocation], total: 5 });
    expect(await queueOf({ q: `${word}，第二处` })).toEqual({ ids: [ids[1]], total: 1 });
    expect(await queueOf({ q: `${word.toUpperCase()}小区` })).toEqual({ ids: [byLocation], total: 1 });
  });

  it('when staff page through the matches, then each page follows the last in submission order, none twice', async () => {
    const pages = [];
    for (const offset of [0, 2, 4]) pages.push(await queueOf({ q: word, limit: 2, offset }));
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
    expect(pages.map((p) => p.ids.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((p) => p.ids)).toEqual([...ids, byLocation]);
    expect(await queueOf({ q: word, offset: 5 })).toEqual({ ids: [], total: 5 });
  });

  it('when the words have % or _, then they stand for themselves', async () => {
    expect(await queueOf({ q: `${word}%` })).toEqual({ ids: [ids[2]], total: 1 });
    expect(await queueOf({ q: '100%' }).then((r) => r.ids)).toContain(ids[1]);
    expect(await queueOf({ q: `${word}_` })).toEqual({ ids: [], total: 0 });
  });

  it('when a lead of the words is declined, then the status filter and the words narrow together', async () => {
    await prosecutor.client.post(`/api/leads/public/${ids[3]}/decline`, { reason: '不属于公益诉讼' });
    expect(await queueOf({ q: word, status: 'not_accepted' })).toEqual({ ids: [ids[3]], total: 1 });
    expect(await queueOf({ q: word, status: 'received' })).toEqual({
      ids: [ids[0], ids[1], ids[2], byLocation],
      total: 4,
    });
  });

  it.each([
    ['a NUL', 'q=a%00b', 'q'],
    ['over 100 characters', `q=${encodeURIComponent('字'.repeat(101))}`, 'q'],
    ['a negative offset', 'offset=-1', 'offset'],
  ])('when the query has %s, then 422 names the field', async (_what, query, field) => {
    const res = await prosecutor.client.get(`/api/leads/public?${query}`);
    expectProblem(res, 422, 'validation-failed');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
  });
});

describe('public lead intake', () => {
  it('when a member of the public submits a lead with attachments, then a tracking code tells its status and nothing else', async () => {
    const res = await submit(
      lead({
        attachments: [
          file(PNG, 'image/png'),
          file(JPEG, 'image/jpeg', 'a.jpg'),
          file(PDF, 'application/pdf', 'b.pdf'),
        ],
      }),
    );
    expectDocumented('POST', '/api/public/leads', res);
    expect(res.status).toBe(201);
    expect(res.body.code).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);
    const status = await as(world.system.baseUrl).get(`/api/public/leads/${res.body.code.toLowerCase()}`);
    expectDocumented('GET', '/api/public/leads/:code', status);
    expect(Object.keys(status.body).sort()).toEqual([
      'code',
      'declineReason',
      'status',
      'submittedAt',
      'updatedAt',
    ]);
    expect(status.body).toMatchObject({ code: res.body.code, status: 'received', declineReason: null });
  });

  it('when staff open the queue, then the lead is there with its contact and attachments, downloadable byte for byte', async () => {
    const { body } = await submit(lead({ attachments: [file(PNG, 'image/png', '照片 1.png')] }));
    const id = await leadId(body.code);
    const queue = await prosecutor.client.get('/api/leads/public');
    expectDocumented('GET', '/api/leads/public', queue);
    expect(queue.body.items.map((l: { id: string }) => l.id)).toContain(id);
    expect(queue.body.total).toBeGreaterThanOrEqual(queue.body.items.length);
    const detail = await prosecutor.client.get(`/api/leads/public/${id}`);
    expectDocumented('GET', '/api/leads/public/:id', detail);
    expect(detail.body.contact).toEqual({
      name: '王某',
      phone: '138 0000 0000',
      email: 'wang@public.example',
    });
    expect(detail.body.attachments).toEqual([
      expect.objectContaining({ n: 1, fileName: '照片 1.png', size: PNG.length }),
    ]);
    const download = await fetch(`${world.system.baseUrl}/api/leads/public/${id}/attachments/1`, {
      headers: { authorization: `Bearer ${prosecutor.accessToken}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
    expectProblem(await prosecutor.client.get(`/api/leads/public/${id}/attachments/2`), 404);
  });

  it('when the lead becomes a case, then the public status follows the case’s stage', async () => {
    const { body } = await submit(lead());
    const id = await leadId(body.code);
    const caseId = await registerCase(id, 'LEAD');
    const statusOf = async () =>
      (await as(world.system.baseUrl).get(`/api/public/leads/${body.code}`)).body.status;
    expect(await statusOf()).toBe('under_evaluation');
    await world.system.db.query("UPDATE cases SET stage = 'REJECTED' WHERE id = $1", [caseId]);
    expect(await statusOf()).toBe('not_accepted');
    await world.system.db.query("UPDATE cases SET stage = 'FILED' WHERE id = $1", [caseId]);
    expect(await statusOf()).toBe('accepted');
    expectProblem(
      await prosecutor.client.post(`/api/leads/public/${id}/decline`, { reason: '不属于公益诉讼' }),
      409,
      'lead-has-case',
    );
  });

  it('when staff decline a lead, then it is not accepted and cannot be declined again', async () => {
    const { body } = await submit(lead());
    const id = await leadId(body.code);
    const res = await prosecutor.client.post(`/api/leads/public/${id}/decline`, {
      reason: '属于民事纠纷，已告知其他途径',
    });
    expectDocumented('POST', '/api/leads/public/:id/decline', res);
    expect(res.body).toMatchObject({ status: 'not_accepted', declinedBy: world.org.prosecutor.id });
    // The submitter sees the reason with the tracking code: it is written for them.
    expect((await as(world.system.baseUrl).get(`/api/public/leads/${body.code}`)).body).toMatchObject({
      status: 'not_accepted',
      declineReason: '属于民事纠纷，已告知其他途径',
    });
    expectProblem(
      await prosecutor.client.post(`/api/leads/public/${id}/decline`, { reason: '再次' }),
      409,
      'lead-declined',
    );
  });

  it('when another procuratorate’s staff ask for the lead, then 404 and nothing changes', async () => {
    const { body } = await submit(lead({ attachments: [file(PDF, 'application/pdf', 'x.pdf')] }));
    const id = await leadId(body.code);
    const before = await world.system.db.query('SELECT * FROM public_leads WHERE id = $1', [id]);
    expectProblem(await stranger.client.get(`/api/leads/public/${id}`), 404);
    expectProblem(await stranger.client.get(`/api/leads/public/${id}/attachments/1`), 404);
    expectProblem(await stranger.client.post(`/api/leads/public/${id}/decline`, { reason: '越权' }), 404);
    expect(await world.system.db.query('SELECT * FROM public_leads WHERE id = $1', [id])).toEqual(before);
    expect(
      (await stranger.client.get('/api/leads/public?status=all')).body.items.map((l: { id: string }) => l.id),
    ).not.toContain(id);
  });

  it('when text carries SQL or script fragments, then it is stored verbatim and returned as JSON', async () => {
    const description = `'; DELETE FROM public_leads; -- <img src=x onerror=alert(1)> {{7*7}}`;
    const { body } = await submit(lead({ description, location: '<script>alert(1)</script>' }));
    const detail = await prosecutor.client.get(`/api/leads/public/${await leadId(body.code)}`);
    expect(detail.headers.get('content-type')).toContain('application/json');
    expect(detail.body).toMatchObject({ description, location: '<script>alert(1)</script>' });
  });

  it.each([
    [
      'a file that is not what it claims',
      { attachments: [file(PDF, 'image/png')] },
      'attachments.0.contentBase64',
    ],
    [
      'an HTML file claiming to be a PDF',
      { attachments: [file(Buffer.from('<html>hi</html>'), 'application/pdf')] },
      'attachments.0.contentBase64',
    ],
    ['a type that is not allowed', { attachments: [file(PNG, 'image/gif')] }, 'attachments.0.mediaType'],
    ['four files', { attachments: [1, 2, 3, 4].map(() => file(PNG, 'image/png')) }, 'attachments'],
    [
      'a file over 2 MB',
      { attachments: [file(Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]), 'image/png')] },
      'attachments.0.contentBase64',
    ],
    [
      'a path in the file name',
      { attachments: [file(PNG, 'image/png', '../../etc/passwd')] },
      'attachments.0.fileName',
    ],
    ['an unknown procuratorate', { procuratorateId: 'nowhere' }, 'procuratorateId'],
    ['an unknown domain', { domainGuess: 'space' }, 'domainGuess'],
    ['a too short description', { description: '太短' }, 'description'],
    ['an unknown field', { priority: 'urgent' }, ''],
    ['an unknown contact field', { contact: { wechat: 'abc' } }, 'contact'],
  ])('when the lead has %s, then 422 names the field and nothing is stored', async (_w, override, path) => {
    const before = await leadCount();
    const res = await submit(lead(override));
    expectProblem(res, 422, 'validation-failed');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await leadCount()).toEqual(before);
  });

  it('when one address submits a sixth lead within the hour, then 429 with Retry-After; another address may', async () => {
    const caller = new Caller(world.system.baseUrl, undefined, { 'x-forwarded-for': freshIp() });
    for (let i = 0; i < 5; i += 1) expect((await submit(lead(), caller)).status).toBe(201);
    const sixth = await submit(lead(), caller);
    expectProblem(sixth, 429, 'too-many-requests');
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect((await submit(lead())).status).toBe(201);
  });

  it('when a code is unknown or malformed, then 404 or 422', async () => {
    expectProblem(await as(world.system.baseUrl).get('/api/public/leads/AAAAAAAAAAAA'), 404);
    expectProblem(await as(world.system.baseUrl).get('/api/public/leads/short'), 422);
  });

  it('when the form loads, then procuratorates and domains are public', async () => {
    const p = await as(world.system.baseUrl).get('/api/public/procuratorates');
    expectDocumented('GET', '/api/public/procuratorates', p);
    expect(p.body).toContainEqual({ id: world.org.procuratorateId, name: expect.any(String) });
    const d = await as(world.system.baseUrl).get('/api/public/domains');
    expectDocumented('GET', '/api/public/domains', d);
    expect(d.body).toContainEqual({ code: 'ecology', name: '生态环境和资源保护' });
  });
});

import mammoth from 'mammoth';
import { createTestOrg } from '../helpers/fixtures';
import { ApiClient } from '../helpers/http';
import { registerLead } from '../helpers/leads';
import { useWorld } from '../helpers/world';
import { shanghaiDate } from '../../domain/time';
import { intakeProofHeaders } from '../helpers/intake-proof';

const world = useWorld();
let prosecutor: ApiClient;
let chief: ApiClient;
let caseOffice: ApiClient;
const today = shanghaiDate(new Date());

beforeAll(async () => {
  const { system, org } = world;
  [prosecutor, chief, caseOffice] = await Promise.all([
    ApiClient.login(system.baseUrl, org.prosecutor),
    ApiClient.login(system.baseUrl, org.chief),
    ApiClient.login(system.baseUrl, org.caseOffice),
  ]);
});

const newCase = (title = '外卖平台入网商户无证经营') =>
  registerLead(prosecutor, {
    title,
    description: '网络订餐平台入网餐饮商户无证经营',
    domainCode: 'food_drug',
    source: 'self_discovered',
  });

const act = (client: ApiClient, caseId: string, action: string, body: unknown, key?: string) =>
  client.post(`/api/cases/${caseId}/actions/${action}`, body, key ? { 'idempotency-key': key } : {});

describe('staff actions through the API', () => {
  it('when the handler proposes filing and the chief decides, then the case is filed with its clocks explained', async () => {
    const id = await newCase();
    expect((await act(prosecutor, id, 'proposeFiling', { reason: '线索查证属实' })).status).toBe(200);
    const decided = await act(chief, id, 'decideFiling', {
      approve: true,
      decidedOn: today,
      reason: '符合立案条件',
    });
    expect(decided.status).toBe(200);
    expect(decided.body.result.stage).toBe('FILED');
    expect(decided.body.case.stage).toBe('FILED');

    const detail = await prosecutor.get(`/api/cases/${id}`);
    expect(detail.status).toBe(200);
    const filing = detail.body.clocks.find((c: { key: string }) => c.key === 'filing_service');
    expect(filing).toMatchObject({ status: 'running', basis: expect.stringContaining('第七十条') });
    expect(filing.explanation.length).toBeGreaterThan(1);
    expect(detail.body.availableActions).toEqual(
      expect.arrayContaining(['recordInvestigation', 'recordFilingService', 'addNote']),
    );
    expect(detail.body.availableActions).not.toContain('decideFiling');
  });

  it.each([
    [
      'a wrong stage',
      'recordReply',
      { recommendationId: 'rec-1', repliedOn: today, claim: 'rectified', summary: '已整改' },
      'prosecutor',
      409,
    ],
    ['a wrong role', 'decideFiling', { approve: true, decidedOn: today, reason: '越权' }, 'prosecutor', 403],
    ['a bad payload', 'proposeFiling', { reason: '' }, 'prosecutor', 422],
    ['an unknown field', 'proposeFiling', { reason: '理由', extra: 1 }, 'prosecutor', 422],
    ['a read-only role', 'addNote', { text: '备注' }, 'caseOffice', 403],
  ])(
    'when an action comes with %s, then it is refused with the workflow’s reason and nothing is recorded',
    async (_w, action, body, who, status) => {
      const id = await newCase();
      const before = await world.system.db.query(
        'SELECT count(*)::int AS n FROM audit_entries WHERE case_id = $1',
        [id],
      );
      const client = who === 'caseOffice' ? caseOffice : prosecutor;
      const res = await act(client, id, action, body);
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(typeof res.body.detail).toBe('string');
      const after = await world.system.db.query(
        'SELECT count(*)::int AS n FROM audit_entries WHERE case_id = $1',
        [id],
      );
      expect(after).toEqual(before);
    },
  );

  it('when the same action is sent twice with one Idempotency-Key, then it is applied once', async () => {
    const id = await newCase();
    const first = await act(prosecutor, id, 'addNote', { text: '与行政机关电话沟通' }, 'note-key-1');
    const second = await act(prosecutor, id, 'addNote', { text: '与行政机关电话沟通' }, 'note-key-1');
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body.result.seq).toBe(first.body.result.seq);
    const notes = await world.system.db.query(
      "SELECT seq FROM audit_entries WHERE case_id = $1 AND kind = 'addNote'",
      [id],
    );
    expect(notes).toHaveLength(1);
  });

  it('when the timeline is read, then its chain verifies, and the CSV export has one row per entry', async () => {
    const id = await newCase();
    await act(prosecutor, id, 'addNote', { text: '=HYPERLINK("http://x")' });
    const json = await prosecutor.get(`/api/cases/${id}/timeline`);
    expect(json.body.chain).toEqual({ ok: true, entries: json.body.entries.length });
    const csv = await prosecutor.get(`/api/cases/${id}/timeline?format=csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (csv.body as string).trim().split('\r\n');
    expect(lines).toHaveLength(json.body.entries.length + 1);
    // The note's entry also says how its actor signed in (auth), before its text (jsonb orders the keys).
    expect(csv.body).toContain(
      `"{""auth"":{""method"":""session""},""text"":""=HYPERLINK(\\""http://x\\"")""}"`,
    );
  });
});

describe('the case list', () => {
  it('filters by stage, handler and text, and pages with a cursor', async () => {
    const titles = ['固体废物甲', '固体废物乙', '固体废物丙'];
    const ids: string[] = [];
    for (const t of titles) ids.push(await newCase(t));
    await act(prosecutor, ids[0]!, 'startEvaluation', {});

    const evaluation = await caseOffice.get('/api/cases?stage=EVALUATION&q=固体废物');
    expect(evaluation.body.items.map((c: { id: string }) => c.id)).toEqual([ids[0]]);

    const page1 = await prosecutor.get('/api/cases?q=固体废物&handler=me&limit=2&sort=created');
    expect(page1.body.items).toHaveLength(2);
    const page2 = await prosecutor.get(
      `/api/cases?q=固体废物&handler=me&limit=2&sort=created&cursor=${page1.body.nextCursor}`,
    );
    const seen = [...page1.body.items, ...page2.body.items].map((c: { id: string }) => c.id);
    expect(new Set(seen)).toEqual(new Set(ids));
    expect(page2.body.nextCursor).toBeNull();

    expect((await prosecutor.get('/api/cases?stage=NOPE')).status).toBe(422);
    expect((await prosecutor.get('/api/cases?cursor=garbage')).status).toBe(422);
    // A cursor of another order, or a position that is no date, is refused before any query.
    const cursor = (value: string) => Buffer.from(JSON.stringify([value, ids[0]])).toString('base64url');
    expect((await prosecutor.get(`/api/cases?cursor=${cursor('2026-02-30')}`)).status).toBe(422);
    expect((await prosecutor.get(`/api/cases?sort=created&cursor=${cursor('2026-02-01')}`)).status).toBe(422);
    const wild = await prosecutor.get(`/api/cases?q=${encodeURIComponent("%' OR 1=1 --")}`);
    expect(wild.status).toBe(200);
    expect(wild.body.items).toEqual([]);
  });

  it('pages by next deadline in the index’s order, and refuses a cursor of another sort or made up', async () => {
    const ids: string[] = [];
    for (const t of ['期限排序甲', '期限排序乙', '期限排序丙']) ids.push(await newCase(t));
    const seen: { id: string; nextDue: string | null }[] = [];
    let cursor: string | null = null;
    do {
      const res = await prosecutor.get(
        `/api/cases?q=期限排序&sort=next_due&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.map((c) => c.id).sort()).toEqual([...ids].sort());
    const keys = seen.map((c) => `${c.nextDue ?? '9999-12-31'} ${c.id}`);
    expect(keys).toEqual([...keys].sort());

    const byCreated = await prosecutor.get('/api/cases?q=期限排序&sort=created&limit=1');
    const other = await prosecutor.get(`/api/cases?sort=next_due&cursor=${byCreated.body.nextCursor}`);
    expect(other.status).toBe(422);
    const madeUp = Buffer.from(JSON.stringify(['2025-13-45', ids[0]])).toString('base64url');
    expect((await prosecutor.get(`/api/cases?sort=next_due&cursor=${madeUp}`)).status).toBe(422);
  });

  it('never shows another procuratorate’s cases', async () => {
    await newCase('本院案件');
    const other = await createTestOrg(world.system.db);
    const stranger = await ApiClient.login(world.system.baseUrl, other.prosecutor);
    const res = await stranger.get('/api/cases?q=本院案件');
    expect(res.body.items).toEqual([]);
  });
});

describe('statistics and the development mailbox', () => {
  it('lists every organ of the procuratorate with its record', async () => {
    const res = await caseOffice.get('/api/statistics/organs');
    expect(res.status).toBe(200);
    expect(res.body.items.map((o: { organId: string }) => o.organId).sort()).toEqual(
      Object.values(world.org.organs).sort(),
    );
    const summary = await caseOffice.get(
      `/api/statistics/summary?from=${today.slice(0, 4)}-01-01&to=${today}`,
    );
    expect(summary.status).toBe(200);
    expect(summary.body.byStage.reduce((n: number, s: { count: number }) => n + s.count, 0)).toBeGreaterThan(
      0,
    );
    expect((await caseOffice.get('/api/statistics/summary?from=2026-12-31&to=2026-01-01')).status).toBe(422);
  });

  it('answers 404 for caught mail when the development mailbox is off', async () => {
    expect((await prosecutor.get('/api/dev/mail')).status).toBe(404);
  });
});

describe('a public lead accepted as a case', () => {
  it('when staff register the lead as a case, then its public status follows the case, and it cannot become a second case', async () => {
    const anonymous = new ApiClient(world.system.baseUrl);
    const submitted = await anonymous.post(
      '/api/public/leads',
      {
        procuratorateId: world.org.procuratorateId,
        description: '小区旁河道有企业夜间偷排污水，气味刺鼻',
        location: '某街道某河段',
        domainGuess: 'ecology',
      },
      await intakeProofHeaders(world.system.baseUrl),
    );
    expect(submitted.status).toBe(201);
    const queue = await prosecutor.get('/api/leads/public');
    const leadId = queue.body.items.find((l: { description: string }) =>
      l.description.includes('夜间偷排'),
    )!.id;
    const body = {
      title: '河道偷排污水',
      description: '群众举报',
      domainCode: 'ecology',
      source: 'public_report',
      receivedOn: today,
      publicLeadId: leadId,
    };
    const created = await prosecutor.post('/api/cases', body);
    expect(created.status).toBe(201);
    const status = async () => (await anonymous.get(`/api/public/leads/${submitted.body.code}`)).body.status;
    expect(await status()).toBe('under_evaluation');

    const again = await prosecutor.post('/api/cases', body);
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('/problems/lead-has-case');

    await act(prosecutor, created.body.id, 'proposeFiling', { reason: '查证属实' });
    await act(chief, created.body.id, 'decideFiling', { approve: true, decidedOn: today, reason: '立案' });
    expect(await status()).toBe('accepted');
  });
});

describe('exports for reporting and publicity', () => {
  it('exports the period report as CSV with the organ table', async () => {
    const res = await caseOffice.get(`/api/statistics/report?from=${today.slice(0, 4)}-01-01&to=${today}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    for (const name of ['区生态环境局', '区市场监督管理局', '街道办事处']) expect(res.body).toContain(name);
    expect(res.body).toContain('按期回复率');
  });

  it('exports an anonymised summary only of a case marked typical', async () => {
    const id = await newCase('某公司在饮用水源保护区排污');
    expect((await prosecutor.get(`/api/cases/${id}/typical-summary`)).status).toBe(409);
    const head = await ApiClient.login(world.system.baseUrl, world.org.head);
    expect((await act(head, id, 'markTypical', { typical: true, reason: '以案释法' })).status).toBe(200);
    const res = await prosecutor.get(`/api/cases/${id}/typical-summary`);
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(id);
    expect(text).not.toContain('饮用水源');
    expect(text).not.toContain(world.org.prosecutor.id);
    expect(res.body).toMatchObject({ domain: '食品药品安全', track: '行政公益诉讼', source: '自行发现' });
  });
});

describe('typical cases', () => {
  const civilTypicalCase = async (party: string) => {
    const created = await prosecutor.post('/api/cases', {
      title: '化工企业向河道排放废水',
      description: '群众反映某化工企业向河道排放废水。',
      track: 'civil',
      domainCode: 'ecology',
      source: 'public_report',
      receivedOn: today,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const steps: [ApiClient, string, object][] = [
      [prosecutor, 'proposeFiling', { reason: '线索查证属实' }],
      [chief, 'decideFiling', { approve: true, decidedOn: today, reason: '同意' }],
      [prosecutor, 'recordInvestigation', { on: today, summary: '调查取证' }],
      [
        prosecutor,
        'recordCivilParty',
        { name: party, kind: 'legal_person', identifier: '91310000MA1FL0001X', recordedOn: today },
      ],
      [chief, 'markTypical', { typical: true, reason: '以案释法' }],
    ];
    for (const [client, action, body] of steps)
      expect((await client.postSettled(`/api/cases/${id}/actions/${action}`, body)).status).toBe(200);
    return id;
  };

  it('when a party is still named in the narrative, then the export is refused with the name and section; once replaced, it is a Word document with the three sections', async () => {
    const id = await civilTypicalCase('青山化工有限公司');
    const narrative = {
      basicFacts: '2025年，青山化工有限公司向河道排放未经处理的废水。',
      performance: '检察机关立案调查，委托鉴定，提起民事公益诉讼。',
      significance: '本案明确了企业对水污染的修复责任。',
    };
    expect((await prosecutor.request('PUT', `/api/cases/${id}/typical-narrative`, narrative)).status).toBe(
      200,
    );
    const refused = await prosecutor.get(`/api/cases/${id}/typical-case.docx`);
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain('青山化工有限公司');
    expect(refused.body.names).toEqual([
      expect.objectContaining({ name: '青山化工有限公司', who: '当事人', section: 'basicFacts', start: 6 }),
    ]);

    const anonymised = { ...narrative, basicFacts: '2025年，某化工公司向河道排放未经处理的废水。' };
    expect((await prosecutor.request('PUT', `/api/cases/${id}/typical-narrative`, anonymised)).status).toBe(
      200,
    );
    const file = await prosecutor.download(`/api/cases/${id}/typical-case.docx`);
    expect(file.status).toBe(200);
    const text = (await mammoth.extractRawText({ buffer: file.bytes })).value;
    for (const part of [
      '基本案情',
      anonymised.basicFacts,
      '检察机关履职过程',
      narrative.performance,
      '典型意义',
    ])
      expect(text).toContain(part);
    expect(text).not.toContain(id);

    const listed = await prosecutor.get(`/api/typical-cases?domain=ecology&year=${today.slice(0, 4)}`);
    expect(listed.status).toBe(200);
    expect(listed.body).toContainEqual(expect.objectContaining({ id, narrativeWritten: true }));
    expect((await prosecutor.get('/api/typical-cases?domain=food_drug')).body).not.toContainEqual(
      expect.objectContaining({ id }),
    );
  });
});

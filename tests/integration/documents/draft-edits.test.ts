/**
 * The handler's edits over the real API, case workflow and database: a draft 起诉书's claims
 * (诉讼请求) are kept with the draft, the Word file served says them numbered, and issuing the
 * draft prints exactly them; a part the kind does not have is refused. A draft 检察建议书's legal
 * basis is a list of citations the handler chooses, each in the document.
 */
import mammoth from 'mammoth';
import { documentMaker } from '../../../activities/documents';
import { storedTemplates } from '../../../documents/stored-templates';
import { COMMON_LEGAL_BASES, recommendationData } from '../../../domain/documents/content';
import { administrativeComplaintData } from '../../../domain/documents/litigation';
import { shanghaiDate } from '../../../domain/time';
import { ApiClient } from '../../helpers/http';
import { SEWAGE } from '../../helpers/rendered-documents';
import { useWorld } from '../../helpers/world';

const world = useWorld();
const CLAIMS = [
  '确认被告区生态环境局对偷排行为未依法查处违法',
  '判令被告于六十日内对七里河受污染河段完成生态修复',
];
let prosecutor: ApiClient;
let caseId: string;

const textOf = async (bytes: Buffer) => (await mammoth.extractRawText({ buffer: bytes })).value;

beforeAll(async () => {
  prosecutor = await ApiClient.login(world.system.baseUrl, world.org.prosecutor);
  const created = await prosecutor.post('/api/cases', {
    title: SEWAGE.caseTitle,
    description: SEWAGE.description,
    domainCode: 'ecology',
    source: 'public_report',
    receivedOn: shanghaiDate(new Date()),
  });
  expect({ status: created.status, body: created.body }).toMatchObject({ status: 201 });
  caseId = created.body.id;
});

const TITLES = {
  administrative_complaint: '行政公益诉讼起诉书',
  recommendation: '检察建议书（区生态环境局）',
};

/** A draft of `kind` on the case made from `data`, as the action that makes it does. */
async function draft(
  kind: 'administrative_complaint' | 'recommendation',
  n: number,
  data: Record<string, unknown>,
): Promise<{ id: string; path: string }> {
  const maker = documentMaker(world.system.db, storedTemplates(world.system.db), 'http://localhost:3000');
  const id = `doc-edit-${caseId}-${kind}-${n}`;
  await maker.draft(
    { ...SEWAGE, procuratorateId: world.org.procuratorateId },
    { id, caseId, kind, subject: `s-${n}`, title: TITLES[kind], createdBy: world.org.prosecutor.id },
    data,
  );
  return { id, path: `/api/cases/${caseId}/documents/${id}` };
}

/** A draft 行政公益诉讼起诉书 on the case, as proposing the suit makes it. */
const draftComplaint = (n: number) =>
  draft(
    'administrative_complaint',
    n,
    administrativeComplaintData(SEWAGE, {
      organs: [{ name: '区生态环境局', recommendationNumber: '浦检行公建〔2026〕3号' }],
      reason: '区生态环境局收到检察建议后逾期未依法履职。',
    }),
  );

it('when the handler edits the claims of a draft 起诉书, then the draft keeps them, its Word file says them numbered and the issued one prints exactly them', async () => {
  const { id, path } = await draftComplaint(1);
  const listed = (await prosecutor.get(`/api/cases/${caseId}/documents`)).body.find(
    (d: { id: string }) => d.id === id,
  );
  expect(listed.editable).toEqual({
    claims: [
      '确认被告区生态环境局不依法履行监督管理职责的行为违法',
      '判令被告区生态环境局依法履行监督管理职责，采取有效措施保护国家利益和社会公共利益',
    ],
  });

  const edited = await prosecutor.request('PUT', path, { claims: CLAIMS });
  expect({ status: edited.status, body: edited.body }).toMatchObject({
    status: 200,
    body: { status: 'draft', editable: { claims: CLAIMS } },
  });
  const [row] = await world.system.db.query<{ data: { claimList: string[]; claims: string[] } }>(
    'SELECT data FROM case_documents WHERE id = $1',
    [id],
  );
  expect(row!.data).toMatchObject({
    claimList: CLAIMS,
    claims: [`（一）${CLAIMS[0]}`, `（二）${CLAIMS[1]}`],
  });

  const draftText = await textOf((await prosecutor.download(path)).bytes);
  expect(draftText).toContain(`（一）${CLAIMS[0]}`);
  expect(draftText).toContain(`（二）${CLAIMS[1]}`);
  expect(draftText).not.toContain('依法履行监督管理职责，采取有效措施');

  const maker = documentMaker(world.system.db, storedTemplates(world.system.db), 'http://localhost:3000');
  const issued = await maker.issue(id, `claims-${id}`, world.org.chief.id, '2026-12-02');
  const issuedText = await textOf((await prosecutor.download(path)).bytes);
  expect(issuedText).toContain(issued.number!);
  expect(issuedText).toContain(`（二）${CLAIMS[1]}`);
  expect((await prosecutor.request('PUT', path, { claims: ['改动'] })).status).toBe(409);
});

it('when an edit names a part the kind does not have, or leaves a claim blank, then it is refused naming it and the draft is unchanged', async () => {
  const { id, path } = await draftComplaint(2);
  const before = await prosecutor.download(path);
  const foreign = await prosecutor.request('PUT', path, { harmFacts: '另述事实' });
  expect({ status: foreign.status, detail: foreign.body.detail }).toEqual({
    status: 422,
    detail: '行政公益诉讼起诉书没有可修改的“侵害事实”',
  });
  const blank = await prosecutor.request('PUT', path, { claims: ['  '] });
  expect(blank.status).toBe(422);
  expect(JSON.stringify(blank.body.errors)).toContain('claims');
  expect((await prosecutor.download(path)).bytes.equals(before.bytes)).toBe(true);
  const [row] = await world.system.db.query<{ data: { claimList: string[] } }>(
    'SELECT data FROM case_documents WHERE id = $1',
    [id],
  );
  expect(row!.data.claimList).toHaveLength(2);
});

it("when the handler chooses the citations of a draft 检察建议书's legal basis, then each is in the document, before and after it is issued", async () => {
  const { id, path } = await draft(
    'recommendation',
    1,
    recommendationData(SEWAGE, {
      organName: '区生态环境局',
      harmFacts: '七里河下游出现死鱼。',
      nonPerformance: '接到举报后未依法查处。',
      legalBasis: SEWAGE.domainBasis!,
      items: ['依法查处偷排行为'],
      rectificationPeriod: { unit: 'months', count: 2 },
      urgent: false,
      otherMatters: '请书面回复本院。',
    }),
  );
  const own = '《中华人民共和国水污染防治法》第三十九条';
  const listed = (await prosecutor.get(`/api/cases/${caseId}/documents`)).body.find(
    (d: { id: string }) => d.id === id,
  );
  expect(listed.editable.legalBases).toEqual([SEWAGE.domainBasis]);

  const chosen = [COMMON_LEGAL_BASES[1]!, COMMON_LEGAL_BASES[2]!, own];
  const edited = await prosecutor.request('PUT', path, { legalBases: chosen });
  expect({ status: edited.status, bases: edited.body.editable?.legalBases }).toEqual({
    status: 200,
    bases: chosen,
  });
  const draftText = await textOf((await prosecutor.download(path)).bytes);
  for (const c of chosen) expect(draftText).toContain(c);
  expect(draftText).not.toContain(SEWAGE.domainBasis);

  const both = await prosecutor.request('PUT', path, { legalBases: [own], legalBasis: own });
  expect(both.status).toBe(422);
  expect(JSON.stringify(both.body.errors)).toContain('legalBases');
  const blank = await prosecutor.request('PUT', path, { legalBases: [] });
  expect({ status: blank.status, detail: blank.body.detail }).toMatchObject({
    status: 422,
    detail: expect.stringContaining('至少一条法律依据'),
  });

  const maker = documentMaker(world.system.db, storedTemplates(world.system.db), 'http://localhost:3000');
  const issued = await maker.issue(id, `bases-${id}`, world.org.chief.id, '2026-12-02');
  const issuedText = await textOf((await prosecutor.download(path)).bytes);
  expect(issuedText).toContain(issued.number!);
  for (const c of chosen) expect(issuedText).toContain(c);
});

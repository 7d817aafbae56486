/**
 * Statutory documents over the real API, worker and database: the chief's filing decision issues
 * the 立案决定书 with its number; proposing a recommendation drafts one 检察建议书 per organ; the
 * chief's decision issues them; what is served is what the timeline's hash says.
 */
import { createHash } from 'node:crypto';
import mammoth from 'mammoth';
import { shanghaiDate } from '../../../domain/time';
import { ApiClient } from '../../helpers/http';
import { useWorld } from '../../helpers/world';

const world = useWorld({ orgs: 2 });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
let prosecutor: ApiClient;
let chief: ApiClient;
let admin: ApiClient;
let stranger: ApiClient;
let today: string;
let year: string;

beforeAll(async () => {
  const url = world.system.baseUrl;
  [prosecutor, chief, admin, stranger] = await Promise.all([
    ApiClient.login(url, world.org.prosecutor),
    ApiClient.login(url, world.org.chief),
    ApiClient.login(url, world.org.admin),
    ApiClient.login(url, world.other.prosecutor),
  ]);
  today = shanghaiDate(new Date());
  year = today.slice(0, 4);
});

interface Doc {
  id: string;
  kind: string;
  number: string | null;
  title: string;
  status: string;
  sha256: string | null;
}

async function act(client: ApiClient, caseId: string, action: string, body: object) {
  const res = await client.post(`/api/cases/${caseId}/actions/${action}`, body);
  expect({ action, status: res.status, body: res.body }).toMatchObject({ status: 200 });
}

async function documentsOf(caseId: string): Promise<Doc[]> {
  const res = await prosecutor.get(`/api/cases/${caseId}/documents`);
  expect(res.status).toBe(200);
  return res.body as Doc[];
}

async function timelineEntries(caseId: string, kind: string) {
  const res = await prosecutor.get(`/api/cases/${caseId}/timeline`);
  expect(res.body.chain.ok).toBe(true);
  return (res.body.entries as { kind: string; data: Record<string, unknown> }[]).filter(
    (e) => e.kind === kind,
  );
}

async function textOf(bytes: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: bytes })).value;
}

/** A solid-waste lead filed by the chief: the case as it stands after the filing decision. */
async function filedCase(): Promise<string> {
  const created = await prosecutor.post('/api/cases', {
    title: '某工业园区固体废物非法堆放案',
    description: '群众举报某工业园区东侧空地堆放大量工业固体废物，雨后渗滤液流入七里河。',
    domainCode: 'ecology',
    source: 'public_report',
    receivedOn: today,
  });
  expect(created.status).toBe(201);
  const caseId = created.body.id as string;
  await act(prosecutor, caseId, 'proposeFiling', { reason: '线索查证属实，社会公共利益受到侵害' });
  await act(chief, caseId, 'decideFiling', { approve: true, decidedOn: today, reason: '同意立案' });
  return caseId;
}

describe('when the procuratorate numbers its documents as 浦检', () => {
  beforeAll(async () => {
    const res = await admin.request('PUT', '/api/admin/documents/numbering', {
      shortName: '浦检',
      kindCodes: { recommendation: '行公建' },
    });
    expect(res.status).toBe(200);
    expect(res.body.examples.recommendation).toBe(`浦检行公建〔${year}〕1号`);
  });

  it('when the chief decides to file a case, then its 立案决定书 is issued with the next number and its hash is on the timeline', async () => {
    const caseId = await filedCase();
    const docs = await documentsOf(caseId);
    expect(docs).toHaveLength(1);
    const [doc] = docs;
    expect(doc).toMatchObject({
      kind: 'filing_decision',
      status: 'issued',
      title: '立案决定书（某工业园区固体废物非法堆放案）',
    });
    expect(doc!.number).toMatch(new RegExp(`^浦检行公立〔${year}〕\\d+号$`));

    const [issued] = await timelineEntries(caseId, 'document_issued');
    expect(issued!.data).toMatchObject({ documentId: doc!.id, kind: 'filing_decision', number: doc!.number });

    const file = await prosecutor.download(`/api/cases/${caseId}/documents/${doc!.id}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(DOCX);
    const disposition = file.headers.get('content-disposition')!;
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('立案决定书')}`);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(
      `立案决定书（某工业园区固体废物非法堆放案）${doc!.number}.docx`,
    );
    const hash = createHash('sha256').update(file.bytes).digest('hex');
    expect(hash).toBe(doc!.sha256);
    expect(issued!.data.sha256).toBe(hash);
    const text = await textOf(file.bytes);
    expect(text).toContain(doc!.number!);
    expect(text).toContain('渗滤液流入七里河');
  });

  it('when a recommendation to two organs is proposed, then two drafts wait; when the chief decides, both are issued with consecutive numbers', async () => {
    const caseId = await filedCase();
    await act(prosecutor, caseId, 'recordInvestigation', { on: today, summary: '现场勘查，固废仍在堆放' });
    const { eco, street } = world.org.organs;
    await act(prosecutor, caseId, 'proposeRecommendation', {
      reason: '行政机关接到投诉后未依法查处',
      recommendations: [
        {
          organId: eco,
          rectificationPeriod: { unit: 'months', count: 3 },
          summary: '依法查处并清运固体废物',
          harmFacts: '园区东侧堆放工业固体废物约三百吨，渗滤液流入七里河。',
          nonPerformance: '你局接到群众投诉后未责令清运，也未立案查处。',
          legalBasis: '《中华人民共和国固体废物污染环境防治法》第一百零二条',
          items: '责令相关企业限期清运固体废物\n对七里河受污染河段开展监测',
          otherMatters: '请将整改情况书面回复本院。',
        },
        {
          organId: street,
          rectificationPeriod: { unit: 'days', count: 30 },
          summary: '1. 督促清理堆放点\n2. 加强巡查',
        },
      ],
    });
    const drafts = (await documentsOf(caseId)).filter((d) => d.kind === 'recommendation');
    expect(drafts.map((d) => [d.status, d.number])).toEqual([
      ['draft', null],
      ['draft', null],
    ]);
    // One draft per organ, and the 调查终结报告 that carries the proposal (Rules art. 73).
    expect((await timelineEntries(caseId, 'document_drafted')).map((e) => e.data.kind).sort()).toEqual([
      'investigation_report',
      'recommendation',
      'recommendation',
    ]);
    const draftText = await textOf(
      (await prosecutor.download(`/api/cases/${caseId}/documents/${drafts[0]!.id}`)).bytes,
    );
    expect(draftText).toContain('（一）责令相关企业限期清运固体废物');

    await act(chief, caseId, 'decideRecommendation', { approve: true, decidedOn: today, reason: '同意发出' });
    const issued = (await documentsOf(caseId)).filter((d) => d.kind === 'recommendation');
    expect(issued.map((d) => d.status)).toEqual(['issued', 'issued']);
    const seqs = issued.map((d) => Number(/〔\d{4}〕(\d+)号$/.exec(d.number!)![1]));
    expect(seqs[1]).toBe(seqs[0]! + 1);
    const entries = await timelineEntries(caseId, 'document_issued');
    for (const doc of issued) {
      const file = await prosecutor.download(`/api/cases/${caseId}/documents/${doc.id}`);
      const hash = createHash('sha256').update(file.bytes).digest('hex');
      expect(entries.find((e) => e.data.documentId === doc.id)?.data).toMatchObject({
        number: doc.number,
        sha256: hash,
      });
    }
    const ecoText = await textOf(
      (await prosecutor.download(`/api/cases/${caseId}/documents/${issued[0]!.id}`)).bytes,
    );
    for (const expected of [
      issued[0]!.number!,
      '渗滤液流入七里河',
      '未责令清运',
      '第一百零二条',
      '三个月内整改完毕',
    ])
      expect(ecoText).toContain(expected);
    const streetText = await textOf(
      (await prosecutor.download(`/api/cases/${caseId}/documents/${issued[1]!.id}`)).bytes,
    );
    expect(streetText).toContain('（一）督促清理堆放点');
    expect(streetText).toContain('（二）加强巡查');
    expect(streetText).toContain('三十日内整改完毕');
  });

  it("when a prosecutor of another procuratorate asks for the case's documents, then there is no such case", async () => {
    const caseId = await filedCase();
    const [doc] = await documentsOf(caseId);
    expect((await stranger.get(`/api/cases/${caseId}/documents`)).status).toBe(404);
    expect((await stranger.download(`/api/cases/${caseId}/documents/${doc!.id}`)).status).toBe(404);
  });
});

describe('numbering settings', () => {
  it('when a prosecutor tries to change the numbering, then it is refused', async () => {
    const res = await prosecutor.request('PUT', '/api/admin/documents/numbering', { shortName: '乱检' });
    expect(res.status).toBe(403);
  });

  it('when an admin gives a short name with brackets, then it is refused naming the field', async () => {
    const res = await admin.request('PUT', '/api/admin/documents/numbering', { shortName: '浦〔检〕' });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('院简称');
  });
});

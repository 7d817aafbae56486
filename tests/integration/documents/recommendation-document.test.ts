/**
 * A 检察建议书 beyond its DOCX, over the real API, worker and database: its PDF (LibreOffice),
 * its public verification page, and the handler's edits to the draft before the chief's decision.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findSoffice } from '../../../documents/pdf';
import { shanghaiDate } from '../../../domain/time';
import { ApiClient } from '../../helpers/http';
import { useWorld } from '../../helpers/world';

const run = promisify(execFile);
const world = useWorld();
let prosecutor: ApiClient;
let chief: ApiClient;
let today: string;

beforeAll(async () => {
  const url = world.system.baseUrl;
  [prosecutor, chief] = await Promise.all([
    ApiClient.login(url, world.org.prosecutor),
    ApiClient.login(url, world.org.chief),
  ]);
  today = shanghaiDate(new Date());
});

interface Doc {
  id: string;
  kind: string;
  number: string | null;
  status: string;
  sha256: string | null;
  formats: string[];
  template: { id: string; version: number };
}

/** An action, repeated with its key while the case workflow answers 202 (a busy machine). */
async function act(client: ApiClient, caseId: string, action: string, body: object) {
  const res = await client.postSettled(`/api/cases/${caseId}/actions/${action}`, body);
  expect({ action, status: res.status, body: res.body }).toMatchObject({ status: 200 });
}

async function recommendations(caseId: string): Promise<Doc[]> {
  const res = await prosecutor.get(`/api/cases/${caseId}/documents`);
  expect(res.status).toBe(200);
  return (res.body as Doc[]).filter((d) => d.kind === 'recommendation');
}

/** A filed case whose handler proposed a recommendation to the environment bureau: its draft. */
async function proposedCase(): Promise<{ caseId: string; draft: Doc }> {
  const created = await prosecutor.post('/api/cases', {
    title: '某化工厂违法排放废水案',
    description: '某化工厂通过暗管向清水河排放未经处理的废水。',
    domainCode: 'ecology',
    source: 'public_report',
    receivedOn: today,
  });
  expect(created.status).toBe(201);
  const caseId = created.body.id as string;
  await act(prosecutor, caseId, 'proposeFiling', { reason: '线索查证属实' });
  await act(chief, caseId, 'decideFiling', { approve: true, decidedOn: today, reason: '同意立案' });
  await act(prosecutor, caseId, 'recordInvestigation', { on: today, summary: '现场勘查，暗管仍在排放' });
  await act(prosecutor, caseId, 'proposeRecommendation', {
    reason: '行政机关接到举报后未依法查处',
    recommendations: [
      {
        organId: world.org.organs.eco,
        rectificationPeriod: { unit: 'months', count: 2 },
        summary: '依法查处违法排污行为',
        items: '责令该厂封堵暗管\n对清水河受污染河段开展监测',
      },
    ],
  });
  const [draft] = await recommendations(caseId);
  expect(draft).toMatchObject({ status: 'draft' });
  return { caseId, draft: draft! };
}

async function issuedCase(): Promise<{ caseId: string; doc: Doc }> {
  const { caseId } = await proposedCase();
  await act(chief, caseId, 'decideRecommendation', { approve: true, decidedOn: today, reason: '同意发出' });
  const [doc] = await recommendations(caseId);
  expect(doc).toMatchObject({ status: 'issued' });
  return { caseId, doc: doc! };
}

/** Runs a poppler tool on the PDF's bytes. */
async function poppler(tool: 'pdftotext' | 'pdfinfo', pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'duban-pdf-test-'));
  try {
    await writeFile(join(dir, 'doc.pdf'), pdf);
    const args = tool === 'pdftotext' ? [join(dir, 'doc.pdf'), '-'] : [join(dir, 'doc.pdf')];
    return (await run(tool, args)).stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const hasLibreOffice = findSoffice() !== undefined;
if (!hasLibreOffice)
  console.warn(
    'LibreOffice (soffice) is not installed: the PDF assertions are skipped (scripts/ensure-libreoffice.sh)',
  );
const withPdf = hasLibreOffice ? it : it.skip;

describe('PDF', () => {
  withPdf(
    'when an issued 检察建议书 is asked for as PDF, then its text has the number and the organ, on the pages pdfinfo counts, converted once',
    async () => {
      const { caseId, doc } = await issuedCase();
      expect(doc.formats).toEqual(['docx', 'pdf']);
      const path = `/api/cases/${caseId}/documents/${doc.id}?format=pdf`;
      const file = await prosecutor.download(path);
      expect({ status: file.status, body: file.status === 200 ? '' : file.bytes.toString() }).toEqual({
        status: 200,
        body: '',
      });
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect(decodeURIComponent(file.headers.get('content-disposition')!.split("UTF-8''")[1]!)).toBe(
        `检察建议书（区生态环境局）${doc.number}.pdf`,
      );
      const text = (await poppler('pdftotext', file.bytes)).replace(/\s+/g, '');
      expect(text).toContain(doc.number!);
      expect(text).toContain('区生态环境局');
      expect(text).toContain('（一）责令该厂封堵暗管');
      const pages = Number(/^Pages:\s+(\d+)/m.exec(await poppler('pdfinfo', file.bytes))![1]);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(3);

      const cached = await world.system.db.query<{ n: string }>(
        'SELECT count(*) AS n FROM case_document_pdfs WHERE document_id = $1',
        [doc.id],
      );
      expect(Number(cached[0]!.n)).toBe(1);
      const again = await prosecutor.download(path);
      expect(again.bytes.equals(file.bytes)).toBe(true);
    },
  );

  it('when the format is neither docx nor pdf, then it is refused naming the field', async () => {
    const res = await prosecutor.get(`/api/cases/P1-2026-00001/documents/doc-x?format=odt`);
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('format');
  });
});

describe('verification page', () => {
  const anonymous = () => new ApiClient(world.system.baseUrl);

  it('when anyone opens the verification of an issued 检察建议书, then it shows its number, date, procuratorate and the hash of the bytes served — nothing about the case', async () => {
    const { caseId, doc } = await issuedCase();
    const file = await prosecutor.download(`/api/cases/${caseId}/documents/${doc.id}`);
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(file.bytes).digest('hex');
    const text = (await (await import('mammoth')).default.extractRawText({ buffer: file.bytes })).value;
    const url = /扫码核验本文书真伪：(\S+)/.exec(text)?.[1];
    expect(url).toMatch(/\/verify\/[A-Za-z0-9_-]{22}$/);
    const token = url!.split('/verify/')[1]!;

    const res = await anonymous().get(`/api/public/documents/${token}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      number: doc.number,
      kind: 'recommendation',
      kindTitle: '检察建议书',
      status: 'issued',
      issuedOn: today,
      procuratorate: expect.any(String),
      sha256: hash,
    });
    expect(JSON.stringify(res.body)).not.toContain(caseId);
  });

  it('when a token nobody was given is asked for, then there is no such document', async () => {
    const res = await anonymous().get('/api/public/documents/AAAAAAAAAAAAAAAAAAAAAA');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('when a recommendation is only a draft, then it has no token and nothing about it can be verified', async () => {
    const { draft } = await proposedCase();
    const rows = await world.system.db.query<{ verification_token: string | null }>(
      'SELECT verification_token FROM case_documents WHERE id = $1',
      [draft.id],
    );
    expect(rows[0]!.verification_token).toBeNull();
    const file = await prosecutor.download(`/api/cases/${await draftCaseOf(draft.id)}/documents/${draft.id}`);
    const text = (await (await import('mammoth')).default.extractRawText({ buffer: file.bytes })).value;
    expect(text).not.toContain('扫码核验');
  });
});

async function draftCaseOf(documentId: string): Promise<string> {
  const rows = await world.system.db.query<{ case_id: string }>(
    'SELECT case_id FROM case_documents WHERE id = $1',
    [documentId],
  );
  return rows[0]!.case_id;
}

describe('editing a draft', () => {
  it('when the handler edits an item of a draft 检察建议书 and the chief issues it, then the issued document says exactly what was edited; editing it afterwards is refused', async () => {
    const { caseId, draft } = await proposedCase();
    const path = `/api/cases/${caseId}/documents/${draft.id}`;
    const edited = await prosecutor.request('PUT', path, {
      items: ['责令该厂立即封堵全部暗管', '对清水河受污染河段开展监测'],
      harmFacts: '经现场勘查，暗管日排废水约二百吨。',
    });
    expect({ status: edited.status, body: edited.body }).toMatchObject({
      status: 200,
      body: { status: 'draft' },
    });
    const mammoth = (await import('mammoth')).default;
    const draftText = (await mammoth.extractRawText({ buffer: (await prosecutor.download(path)).bytes }))
      .value;
    expect(draftText).toContain('（一）责令该厂立即封堵全部暗管');

    await act(chief, caseId, 'decideRecommendation', { approve: true, decidedOn: today, reason: '同意发出' });
    const [issued] = await recommendations(caseId);
    const issuedText = (await mammoth.extractRawText({ buffer: (await prosecutor.download(path)).bytes }))
      .value;
    expect(issued!.status).toBe('issued');
    expect(issuedText).toContain('（一）责令该厂立即封堵全部暗管');
    expect(issuedText).toContain('暗管日排废水约二百吨');
    expect(issuedText).not.toContain('（一）责令该厂封堵暗管');

    const late = await prosecutor.request('PUT', path, { items: ['改动'] });
    expect(late.status).toBe(409);
    const timeline = await prosecutor.get(`/api/cases/${caseId}/timeline`);
    expect((timeline.body.entries as { kind: string }[]).some((e) => e.kind === 'document_revised')).toBe(
      true,
    );
  });

  it('when the edit is empty or an item is blank, then it is refused naming the field', async () => {
    const { caseId, draft } = await proposedCase();
    const path = `/api/cases/${caseId}/documents/${draft.id}`;
    expect((await prosecutor.request('PUT', path, {})).status).toBe(422);
    const blank = await prosecutor.request('PUT', path, { items: ['  '] });
    expect(blank.status).toBe(422);
    expect(JSON.stringify(blank.body)).toContain('items');
    expect((await chief.request('PUT', path, { items: ['x'] })).status).toBe(403);
  });
});

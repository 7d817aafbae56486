/**
 * Numbers (文号) and finality against the real PostgreSQL: twenty documents issued at once get
 * 1 to 20 with no gap and no repeat; an issued document is never issued again or changed.
 */
import { shanghaiDate } from '../../../domain/time';
import {
  DocumentFinalError,
  issueDocument,
  reviseDraft,
  saveDraft,
  findDocument,
} from '../../../store/documents';
import { saveNumbering } from '../../../store/document-numbering';
import type { Db } from '../../../store/pool';
import { ApiClient } from '../../helpers/http';
import { testDb } from '../../helpers/system';
import { useWorld } from '../../helpers/world';

const world = useWorld();
let db: Db;
let caseId: string;
const issuedOn = '2026-12-01';
const render = async (_data: Record<string, unknown>, number: string) => Buffer.from(`文书 ${number}`);

beforeAll(async () => {
  db = testDb(25);
  const prosecutor = await ApiClient.login(world.system.baseUrl, world.org.prosecutor);
  const created = await prosecutor.post('/api/cases', {
    title: '某外卖平台入网餐饮商户无证经营案',
    description: '某外卖平台上多家入网餐饮商户未取得食品经营许可。',
    domainCode: 'food_drug',
    source: 'public_report',
    receivedOn: shanghaiDate(new Date()),
  });
  expect({ status: created.status, body: created.body }).toMatchObject({ status: 201 });
  caseId = created.body.id;
  await saveNumbering(
    db,
    world.org.procuratorateId,
    { shortName: '浦检', kindCodes: {} },
    world.org.admin.id,
  );
});
afterAll(() => db?.close());

let drafted = 0;
async function draft(subject: string): Promise<string> {
  drafted += 1;
  const id = `doc-test-${caseId}-${drafted}`;
  await saveDraft(
    db,
    {
      id,
      caseId,
      procuratorateId: world.org.procuratorateId,
      kind: 'recommendation',
      subject,
      title: `检察建议书（${subject}）`,
      template: { id: 'default/recommendation', version: 1 },
      data: { organName: subject },
      createdBy: world.org.prosecutor.id,
      content: Buffer.from('草稿'),
    },
    '被新的提请所取代',
  );
  return id;
}

const issue = (documentId: string) =>
  issueDocument(db, {
    documentId,
    issueKey: `key-${documentId}`,
    issuedBy: world.org.chief.id,
    issuedOn,
    render,
  });

it('when twenty recommendations are issued at the same moment, then they are numbered 1 to 20, no gap, no repeat', async () => {
  const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => draft(`机关${i + 1}`)));
  const issued = await Promise.all(ids.map(issue));
  const numbers = issued.map((d) => d.number!).sort((a, b) => seqOf(a) - seqOf(b));
  expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `浦检行公建〔2026〕${i + 1}号`));
});

it('when a document that is issued is issued again, then it is refused and keeps its number', async () => {
  const id = await draft('区市场监督管理局');
  const first = await issue(id);
  await expect(issue(id)).rejects.toBeInstanceOf(DocumentFinalError);
  expect((await findDocument(db, id))?.number).toBe(first.number);
});

it('when someone edits an issued document, then the store and the database both refuse', async () => {
  const id = await draft('某街道办事处');
  const before = await issue(id);
  await expect(reviseDraft(db, id, { organName: '别的机关' })).rejects.toBeInstanceOf(DocumentFinalError);
  await expect(db.query(`UPDATE case_documents SET content = 'x' WHERE id = $1`, [id])).rejects.toThrow(
    /cannot be changed/,
  );
  await expect(db.query('DELETE FROM case_documents WHERE id = $1', [id])).rejects.toThrow(
    /cannot be deleted/,
  );
  expect(await findDocument(db, id)).toEqual(before);
});

it('when a draft is still a draft, then its text can be revised', async () => {
  const id = await draft('区生态环境局');
  await reviseDraft(db, id, { organName: '区生态环境局', harmFacts: '补充的事实' });
  const rows = await db.query<{ data: Record<string, unknown> }>(
    'SELECT data FROM case_documents WHERE id = $1',
    [id],
  );
  expect(rows[0]!.data.harmFacts).toBe('补充的事实');
});

it('when a rendering fails while issuing, then the draft stays a draft and its number goes to the next document', async () => {
  const failing = await draft('区水务局');
  const failed = issueDocument(db, {
    documentId: failing,
    issueKey: 'key-failing',
    issuedBy: world.org.chief.id,
    issuedOn,
    render: () => Promise.reject(new Error('模板损坏')),
  });
  await expect(failed).rejects.toThrow('模板损坏');
  expect((await findDocument(db, failing))?.status).toBe('draft');
  const next = await issue(await draft('区城管局'));
  const retried = await issue(failing);
  expect(seqOf(retried.number!)).toBe(seqOf(next.number!) + 1);
});

function seqOf(number: string): number {
  return Number(/〔\d{4}〕(\d+)号$/.exec(number)![1]);
}

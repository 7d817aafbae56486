/**
 * A procuratorate's own templates over the real API and database: an upload naming a placeholder
 * the kind does not have is refused (422 naming it) and nothing is stored; a good upload becomes
 * the kind's next version, a document drafted after it is made from it (its version recorded),
 * and a document drafted before it is still issued with the template it was drafted from.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { documentMaker } from '../../../activities/documents';
import { TEMPLATE_MAX_BYTES } from '../../../api/admin/document-templates';
import { defaultTemplates } from '../../../documents/render';
import { storedTemplates } from '../../../documents/stored-templates';
import { sampleData } from '../../../domain/documents/samples';
import { shanghaiDate } from '../../../domain/time';
import { documentContent } from '../../../store/documents';
import { ApiClient } from '../../helpers/http';
import { SEWAGE } from '../../helpers/rendered-documents';
import { useWorld } from '../../helpers/world';

const world = useWorld();
const PATH = '/api/admin/documents/templates';
const MARK = '本院自定样式';
let admin: ApiClient;
let caseId: string;

/** The default 检察建议书 template with `from` replaced by `to`. */
async function edited(from: string, to: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync((await defaultTemplates.templateFor('recommendation')).bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toContain(from);
  zip.file('word/document.xml', xml.replace(from, to));
  return zip.generateAsync({ type: 'nodebuffer' });
}

const textOf = async (bytes: Buffer) => (await mammoth.extractRawText({ buffer: bytes })).value;

beforeAll(async () => {
  admin = await ApiClient.login(world.system.baseUrl, world.org.admin);
  const prosecutor = await ApiClient.login(world.system.baseUrl, world.org.prosecutor);
  const created = await prosecutor.post('/api/cases', {
    title: '某河道沿岸企业偷排污水案',
    description: '沿岸多家企业夜间偷排未经处理的生产废水。',
    domainCode: 'ecology',
    source: 'public_report',
    receivedOn: shanghaiDate(new Date()),
  });
  expect({ status: created.status, body: created.body }).toMatchObject({ status: 201 });
  caseId = created.body.id;
});

const stored = async () =>
  (
    await world.system.db.query<{ n: string }>(
      'SELECT count(*) AS n FROM document_templates WHERE procuratorate_id = $1',
      [world.org.procuratorateId],
    )
  )[0]!.n;

it('when a template names a placeholder the kind does not have, then it is refused naming it and nothing is stored', async () => {
  const res = await admin.put(
    `${PATH}/recommendation`,
    await edited('{{INS organName}}', '{{INS organAddress}}'),
  );
  expect(res.status).toBe(422);
  expect(res.body.detail).toContain('organAddress');
  expect(await stored()).toBe('0');
});

it('when the body is no .docx or is too large, then it is refused with 415 or 413 and nothing is stored', async () => {
  expect((await admin.put(`${PATH}/recommendation`, Buffer.from('%PDF-1.4\n'))).status).toBe(415);
  expect(TEMPLATE_MAX_BYTES).toBe(5 * 1024 * 1024);
  // At the limit the size is accepted, and the bytes are then found to be no Word document.
  expect((await admin.put(`${PATH}/recommendation`, Buffer.alloc(TEMPLATE_MAX_BYTES))).status).toBe(415);
  const big = await admin.put(`${PATH}/recommendation`, Buffer.alloc(TEMPLATE_MAX_BYTES + 1));
  expect({ status: big.status, detail: big.body.detail }).toEqual({
    status: 413,
    detail: expect.stringContaining('5 MB'),
  });
  expect(await stored()).toBe('0');
});

it('when a good template is uploaded, then documents drafted after use it and one drafted before issues with the old one', async () => {
  const maker = documentMaker(world.system.db, storedTemplates(world.system.db), 'http://localhost:3000');
  const facts = { ...SEWAGE, procuratorateId: world.org.procuratorateId };
  const draft = async (n: number) => {
    const id = `doc-tpl-${caseId}-${n}`;
    const d = {
      id,
      caseId,
      kind: 'recommendation' as const,
      subject: `organ-${n}`,
      title: `检察建议书 ${n}`,
    };
    await maker.draft(facts, { ...d, createdBy: world.org.prosecutor.id }, sampleData('recommendation'));
    return id;
  };
  const before = await draft(1);

  const template = await edited('检察建议书', `检察建议书${MARK}`);
  const up = await admin.put(`${PATH}/recommendation`, template);
  expect({ status: up.status, body: up.body }).toMatchObject({
    status: 201,
    body: { id: `${world.org.procuratorateId}/recommendation`, version: 1 },
  });
  const listed = await admin.get(PATH);
  expect(listed.body.find((k: { kind: string }) => k.kind === 'recommendation')).toMatchObject({
    default: { id: 'default/recommendation' },
    uploads: [{ version: 1, sha256: up.body.sha256 }],
    inUse: { id: up.body.id, version: 1 },
  });
  const downloaded = await admin.download(`${PATH}/recommendation/1`);
  expect(downloaded.bytes.equals(template)).toBe(true);

  const after = await draft(2);
  const issuedBefore = await maker.issue(before, `tpl-${before}`, world.org.chief.id, '2026-12-02');
  const issuedAfter = await maker.issue(after, `tpl-${after}`, world.org.chief.id, '2026-12-02');
  expect(issuedBefore.template).toEqual({ id: 'default/recommendation', version: 3 });
  expect(issuedAfter.template).toEqual({ id: up.body.id, version: 1 });
  const contentOf = async (id: string) => (await documentContent(world.system.db, caseId, id))!.content;
  expect(await textOf(await contentOf(before))).not.toContain(MARK);
  expect(await textOf(await contentOf(after))).toContain(MARK);
});

it('when the admin returns a kind to the default, then new drafts use the default, the uploads stay, and a later upload is used again', async () => {
  const maker = documentMaker(world.system.db, storedTemplates(world.system.db), 'http://localhost:3000');
  const facts = { ...SEWAGE, procuratorateId: world.org.procuratorateId };
  const templateOf = async (n: number) => {
    const id = `doc-reset-${caseId}-${n}`;
    const d = {
      id,
      caseId,
      kind: 'recommendation' as const,
      subject: `organ-r${n}`,
      title: `检察建议书 r${n}`,
    };
    await maker.draft(facts, { ...d, createdBy: world.org.prosecutor.id }, sampleData('recommendation'));
    const [row] = await world.system.db.query<{ template_id: string; template_version: number }>(
      'SELECT template_id, template_version FROM case_documents WHERE id = $1',
      [id],
    );
    return { id: row!.template_id, version: row!.template_version };
  };
  const own = `${world.org.procuratorateId}/recommendation`;
  const before = (await admin.get(PATH)).body.find((k: { kind: string }) => k.kind === 'recommendation');
  const uploadedSoFar = before.uploads.length;
  expect(uploadedSoFar).toBeGreaterThan(0);

  const reset = await admin.request('DELETE', `${PATH}/recommendation`);
  expect({ status: reset.status, body: reset.body }).toMatchObject({
    status: 200,
    body: {
      inUse: { id: 'default/recommendation', version: 3 },
      reset: { throughVersion: uploadedSoFar, resetBy: world.org.admin.id },
    },
  });
  expect(reset.body.uploads).toHaveLength(uploadedSoFar);
  expect(await templateOf(1)).toEqual({ id: 'default/recommendation', version: 3 });
  // The set-aside upload can still be downloaded.
  expect((await admin.download(`${PATH}/recommendation/${uploadedSoFar}`)).status).toBe(200);

  const again = await admin.put(`${PATH}/recommendation`, await edited('检察建议书', `检察建议书${MARK}二`));
  expect({ status: again.status, version: again.body.version }).toEqual({
    status: 201,
    version: uploadedSoFar + 1,
  });
  expect(await templateOf(2)).toEqual({ id: own, version: uploadedSoFar + 1 });
  const listed = (await admin.get(PATH)).body.find((k: { kind: string }) => k.kind === 'recommendation');
  expect(listed.inUse).toEqual({ id: own, version: uploadedSoFar + 1 });
});

/**
 * The evidence tests, run once per storage (evidence.test.ts on PostgreSQL, evidence-s3.test.ts on
 * an S3-compatible server) over the real API, worker and database: an upload is streamed into
 * storage and recorded by the case workflow on the timeline with its SHA-256; the download gives
 * back the same bytes; a file over the limit or of a refused type is answered 413/415 with nothing
 * stored; a public lead's attachments follow it into its case; bytes changed in storage are
 * detected, and their download is cut off.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { EvidenceStorage } from '../../../store/evidence';
import { ApiClient } from '../../helpers/http';
import { registerLead } from '../../helpers/leads';
import { useWorld, type TwoOrgWorld } from '../../helpers/world';
import { Caller, expectDocumented } from '../api/helpers';
import { intakeProofHeaders } from '../../helpers/intake-proof';

export const FILE_LIMIT = 1024 * 1024;
const CASE_LIMIT = 3 * 1024 * 1024;

/** What the tests need to know of a storage beyond the API. */
export interface EvidenceBackend {
  /** The storage the API is given (read in beforeAll); undefined: the default, PostgreSQL. */
  storage(): EvidenceStorage | undefined;
  /** Pieces the storage keeps for one file of `size` bytes (chunks, or one object). */
  piecesPerFile(size: number): number;
  /** The case's stored pieces, and pieces the storage holds for no recorded file at all. */
  stored(world: TwoOrgWorld, caseId: string): Promise<{ pieces: number; orphans: number }>;
  /** Inverts one byte of a stored file behind the system's back; answers the SHA-256 of the changed bytes. */
  tamper(world: TwoOrgWorld, fileId: string): Promise<string>;
}

export function evidenceSuite(backend: EvidenceBackend): void {
  const world = useWorld({
    orgs: 2,
    app: () => {
      const storage = backend.storage();
      return {
        evidenceLimits: { fileBytes: FILE_LIMIT, caseBytes: CASE_LIMIT },
        ...(storage ? { evidenceStorage: storage } : {}),
      };
    },
  });
  let prosecutor: ApiClient;
  let stranger: ApiClient;
  let caseOffice: ApiClient;

  beforeAll(async () => {
    const url = world.system.baseUrl;
    [prosecutor, stranger, caseOffice] = await Promise.all([
      ApiClient.login(url, world.org.prosecutor),
      ApiClient.login(url, world.other.prosecutor),
      ApiClient.login(url, world.org.caseOffice),
    ]);
  });

  const JPEG = (n: number) => Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), randomBytes(n)]);
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

  async function upload(
    client: ApiClient,
    caseId: string,
    bytes: Buffer,
    name: string,
    extra: Record<string, string> = {},
  ) {
    const query = new URLSearchParams({ name, ...extra });
    const token = (client as unknown as { token?: string }).token;
    const res = await fetch(`${world.system.baseUrl}/api/cases/${caseId}/evidence?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` },
      body: bytes,
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  }

  /** The case's file records and what the storage holds for them. */
  async function storedFiles(caseId: string) {
    const [row] = await world.system.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM evidence_files WHERE case_id = $1',
      [caseId],
    );
    return { n: row!.n, ...(await backend.stored(world, caseId)) };
  }

  async function attachEntries(caseId: string) {
    const res = await prosecutor.get(`/api/cases/${caseId}/timeline`);
    expect(res.body.chain.ok).toBe(true);
    return (
      res.body.entries as { seq: number; kind: string; actorId: string; data: Record<string, any> }[]
    ).filter((e) => e.kind === 'attachEvidence');
  }

  describe('evidence on a case', () => {
    it('when the handler uploads a photo, then the timeline records its SHA-256 and the download gives the same bytes', async () => {
      const caseId = await registerLead(prosecutor);
      const photo = JPEG(600 * 1024); // more than two 256 KiB chunks
      const res = await upload(prosecutor, caseId, photo, '排污口 现场照片.jpg');
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        name: '排污口 现场照片.jpg',
        mediaType: 'image/jpeg',
        size: photo.length,
        sha256: sha256(photo),
        source: 'upload',
        addedBy: world.org.prosecutor.id,
      });
      expect(res.headers.get('location')).toBe(`/api/cases/${caseId}/evidence/${res.body.id}`);

      const [entry] = await attachEntries(caseId);
      expect(entry).toMatchObject({
        actorId: world.org.prosecutor.id,
        data: {
          file: {
            id: res.body.id,
            sha256: sha256(photo),
            size: photo.length,
            mediaType: 'image/jpeg',
            name: '排污口 现场照片.jpg',
            addedBy: world.org.prosecutor.id,
          },
        },
      });

      const list = await prosecutor.get(`/api/cases/${caseId}/evidence`);
      expectDocumented('GET', '/api/cases/:id/evidence', list);
      expect(list.body).toEqual([expect.objectContaining({ id: res.body.id, recordedSeq: entry!.seq })]);

      const file = await prosecutor.download(`/api/cases/${caseId}/evidence/${res.body.id}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('image/jpeg');
      const disposition = file.headers.get('content-disposition')!;
      expect(disposition).toMatch(/^attachment; filename="file\.jpg"; filename\*=UTF-8''/);
      expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('排污口 现场照片.jpg');
      expect(file.bytes.equals(photo)).toBe(true);

      const elsewhere = await stranger.get(`/api/cases/${caseId}/evidence/${res.body.id}`);
      expect(elsewhere.status).toBe(404);
      const readOnly = await upload(caseOffice, caseId, PDF, '报告.pdf');
      expect(readOnly.status).toBe(403);
    });

    it('when a file supersedes another, then both stay and the new one names the old one and why', async () => {
      const caseId = await registerLead(prosecutor);
      const first = await upload(prosecutor, caseId, PDF, '鉴定意见.pdf');
      const noReason = await upload(prosecutor, caseId, PDF, '鉴定意见（更正）.pdf', {
        supersedes: first.body.id,
      });
      expect(noReason.status).toBe(422);
      const second = await upload(
        prosecutor,
        caseId,
        Buffer.concat([PDF, Buffer.from('%更正\n')]),
        '鉴定意见（更正）.pdf',
        {
          supersedes: first.body.id,
          reason: '鉴定机构出具更正版本',
        },
      );
      expect(second.status).toBe(201);
      const list = (await prosecutor.get(`/api/cases/${caseId}/evidence`)).body;
      expect(list).toEqual([
        expect.objectContaining({ id: first.body.id, supersededBy: second.body.id }),
        expect.objectContaining({
          id: second.body.id,
          supersedes: first.body.id,
          supersedeReason: '鉴定机构出具更正版本',
        }),
      ]);
      const entries = await attachEntries(caseId);
      expect(entries.at(-1)!.data).toMatchObject({ supersedes: first.body.id });
    });

    it('when a file is over the limit, then 413 states the limit and nothing is stored', async () => {
      const caseId = await registerLead(prosecutor);
      const big = JPEG(FILE_LIMIT + 10);
      const declared = await upload(prosecutor, caseId, big, 'big.jpg');
      expect(declared.status).toBe(413);
      expect(declared.body.detail).toContain('1 MB');

      // Without a Content-Length (chunked): counted while streaming, rolled back at the limit.
      const token = (prosecutor as unknown as { token?: string }).token;
      const streamed = await fetch(`${world.system.baseUrl}/api/cases/${caseId}/evidence?name=big.jpg`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: new ReadableStream({
          start(controller) {
            for (let i = 0; i < big.length; i += 64 * 1024)
              controller.enqueue(big.subarray(i, i + 64 * 1024));
            controller.close();
          },
        }),
        duplex: 'half',
      } as RequestInit);
      expect(streamed.status).toBe(413);
      expect(((await streamed.json()) as { detail: string }).detail).toContain('1 MB');

      for (let i = 0; i < 3; i++)
        expect((await upload(prosecutor, caseId, JPEG(900 * 1024), `${i}.jpg`)).status).toBe(201);
      const full = await upload(prosecutor, caseId, JPEG(400 * 1024), 'more.jpg');
      expect(full.status).toBe(413);
      expect(full.body.detail).toContain('3 MB');
      expect(await storedFiles(caseId)).toEqual({
        n: 3,
        pieces: 3 * backend.piecesPerFile(900 * 1024 + 10),
        orphans: 0,
      });
      expect(await attachEntries(caseId)).toHaveLength(3);
    });

    it.each([
      ['an executable', Buffer.concat([Buffer.from('MZ'), randomBytes(200)]), /可执行文件/],
      ['an unknown type', Buffer.from('just some text, not a photo'), /无法识别/],
    ])(
      'when %s is uploaded, then 415 says what is accepted and nothing is stored',
      async (_what, bytes, message) => {
        const caseId = await registerLead(prosecutor);
        const res = await upload(prosecutor, caseId, bytes, 'photo.jpg');
        expect(res.status).toBe(415);
        expect(res.body.detail).toMatch(message);
        expect(res.body.detail).toContain('JPEG 图片');
        expect(await storedFiles(caseId)).toEqual({ n: 0, pieces: 0, orphans: 0 });
      },
    );

    it('when a public lead with attachments becomes a case, then its attachments are the case’s evidence, on the timeline', async () => {
      const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(300 * 1024)]);
      const submitted = await new Caller(world.system.baseUrl, undefined).post(
        '/api/public/leads',
        {
          procuratorateId: world.org.procuratorateId,
          description: '某小区旁河道长期有工厂排放污水，气味刺鼻，周边居民反映多次未解决。',
          location: '某区某街道某河段',
          domainGuess: 'ecology',
          contact: { name: '王某', phone: '138 0000 0000', email: 'wang@public.example' },
          attachments: [
            { fileName: '河道.png', mediaType: 'image/png', contentBase64: png.toString('base64') },
          ],
        },
        await intakeProofHeaders(world.system.baseUrl),
      );
      expect(submitted.status).toBe(201);
      const [lead] = await world.system.db.query<{ id: string }>(
        'SELECT id FROM public_leads WHERE tracking_code = $1',
        [submitted.body.code],
      );
      const caseId = await registerLead(prosecutor, { publicLeadId: lead!.id });
      const list = (await prosecutor.get(`/api/cases/${caseId}/evidence`)).body;
      expect(list).toEqual([
        expect.objectContaining({
          name: '河道.png',
          mediaType: 'image/png',
          size: png.length,
          sha256: sha256(png),
          source: 'public_lead',
          publicLeadId: lead!.id,
          recordedSeq: expect.any(Number),
        }),
      ]);
      const [entry] = await attachEntries(caseId);
      expect(entry!.data.file).toMatchObject({
        source: 'public_lead',
        sha256: sha256(png),
        publicLeadId: lead!.id,
      });
      const file = await prosecutor.download(`/api/cases/${caseId}/evidence/${list[0].id}`);
      expect(file.bytes.equals(png)).toBe(true);
    });

    it('when stored bytes are changed behind the system, then the verification reports the file as tampered', async () => {
      const caseId = await registerLead(prosecutor);
      const photo = JPEG(300 * 1024);
      const { body } = await upload(prosecutor, caseId, photo, 'photo.jpg');
      const check = async () =>
        (await prosecutor.get(`/api/cases/${caseId}/evidence/${body.id}/verification`)).body;
      expect(await check()).toMatchObject({ intact: true, actual: { sha256: sha256(photo) } });

      const tampered = await backend.tamper(world, body.id);
      expect(tampered).not.toBe(sha256(photo));
      // Even with the file's own record rewritten to match, the timeline's hash gives it away.
      await world.system.db.query('UPDATE evidence_files SET sha256 = $2 WHERE id = $1', [body.id, tampered]);
      expect(await check()).toMatchObject({
        intact: false,
        expected: { sha256: sha256(photo) },
        actual: { sha256: tampered },
      });
      // The download checks the hash as it reads: the changed file never arrives whole.
      await expect(prosecutor.download(`/api/cases/${caseId}/evidence/${body.id}`)).rejects.toThrow();
    });
  });
}

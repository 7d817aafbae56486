/**
 * The organ's side over the real API, worker, PostgreSQL and SMTP: an issued recommendation mails
 * its organ a link; the organ gets a code by mail, signs in, confirms receipt (the reply clock
 * starts that day), answers two items and adds a photo; the prosecutor sees it; the timeline holds
 * every step. A wrong code is refused and then throttled; a session opens nothing else.
 */
import { randomBytes } from 'node:crypto';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { qrPng } from '../../../documents/render';
import { shanghaiDate } from '../../../domain/time';
import { ApiClient, type ApiResponse } from '../../helpers/http';
import { useWorld } from '../../helpers/world';

const world = useWorld({ orgs: 2 });
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

/** A staff action; sent again with its key while the case answers 202 (accepted, still running under load). */
async function act(client: ApiClient, caseId: string, action: string, body: object) {
  const key = { 'idempotency-key': randomBytes(12).toString('hex') };
  let res: ApiResponse;
  let tries = 0;
  do res = await client.post(`/api/cases/${caseId}/actions/${action}`, body, key);
  while (res.status === 202 && (tries += 1) < 10);
  expect({ action, status: res.status, body: res.body }).toMatchObject({ status: 200 });
}

/** A case whose chief issued recommendations to the eco bureau (two items) and the street office. */
async function issuedCase(): Promise<string> {
  const created = await prosecutor.post('/api/cases', {
    title: `七里河固废堆放案${randomBytes(3).toString('hex')}`,
    description: '群众举报某工业园区东侧空地堆放大量工业固体废物。',
    domainCode: 'ecology',
    source: 'public_report',
    receivedOn: today,
  });
  expect(created.status).toBe(201);
  const caseId = created.body.id as string;
  await act(prosecutor, caseId, 'proposeFiling', { reason: '线索查证属实' });
  await act(chief, caseId, 'decideFiling', { approve: true, decidedOn: today, reason: '同意立案' });
  await act(prosecutor, caseId, 'recordInvestigation', { on: today, summary: '现场勘查，固废仍在堆放' });
  const { eco, street } = world.org.organs;
  await act(prosecutor, caseId, 'proposeRecommendation', {
    reason: '行政机关未依法查处',
    recommendations: [
      {
        organId: eco,
        rectificationPeriod: { unit: 'months', count: 3 },
        summary: '依法查处并清运固体废物',
        items: '责令相关企业限期清运固体废物\n对七里河受污染河段开展监测',
      },
      { organId: street, rectificationPeriod: { unit: 'days', count: 30 }, summary: '督促清理堆放点' },
    ],
  });
  await act(chief, caseId, 'decideRecommendation', { approve: true, decidedOn: today, reason: '同意发出' });
  return caseId;
}

/** A client of the organ's pages that keeps the organ's session cookie. */
class OrganClient {
  cookie = '';
  constructor(readonly token: string) {}

  async send(method: string, path: string, body?: unknown, raw?: Buffer): Promise<ApiResponse> {
    const res = await fetch(world.system.baseUrl + path, {
      method,
      headers: {
        ...(raw
          ? { 'content-type': 'application/octet-stream' }
          : body
            ? { 'content-type': 'application/json' }
            : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!;
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  }

  /** Asks for a code and reads it from the mail the organ's address received. */
  async code(to: string): Promise<string> {
    const before = world.system.mail.messages.length;
    expect((await this.send('POST', `/api/organ/links/${this.token}/code`)).status).toBe(202);
    const mails = await world.system.mail.waitFor((m) =>
      m.slice(before).some((x) => x.to.includes(to) && x.subject.includes('验证码')),
    );
    const mail = mails.slice(before).find((x) => x.to.includes(to) && x.subject.includes('验证码'))!;
    return /验证码是：(\d{6})/.exec(mail.text)![1]!;
  }

  async signIn(to: string): Promise<void> {
    const code = await this.code(to);
    expect((await this.send('POST', `/api/organ/links/${this.token}/session`, { code })).status).toBe(204);
  }
}

const addressOf = (organId: string) => `${organId}@organ.example`;

/** The link mailed to the organ for the case, read from the real SMTP sink. */
async function linkMailed(caseId: string, organId: string): Promise<string> {
  const mails = await world.system.mail.waitFor((m) =>
    m.some((x) => x.to.includes(addressOf(organId)) && x.text.includes(caseId)),
  );
  const mail = mails.filter((x) => x.to.includes(addressOf(organId)) && x.text.includes(caseId));
  expect(mail).toHaveLength(1);
  return /\/organ\/([A-Za-z0-9_-]+)/.exec(mail[0]!.text)![1]!;
}

async function timeline(caseId: string) {
  const res = await prosecutor.get(`/api/cases/${caseId}/timeline`);
  expect(res.body.chain.ok).toBe(true);
  return res.body.entries as { kind: string; actorId: string; data: Record<string, unknown> }[];
}

const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), randomBytes(2000)]);

describe('when the chief issues a recommendation', () => {
  let caseId: string;
  let eco: OrganClient;

  beforeAll(async () => {
    caseId = await issuedCase();
    eco = new OrganClient(await linkMailed(caseId, world.org.organs.eco));
  });

  it('then the 检察建议书 it was sent carries its page as a QR code, beside the QR code that verifies the document', async () => {
    const docs = (await prosecutor.get(`/api/cases/${caseId}/documents`)).body as {
      id: string;
      kind: string;
      status: string;
      title: string;
    }[];
    const recommendations = docs.filter((d) => d.kind === 'recommendation' && d.status === 'issued');
    const issued = async (organName: string) => {
      const doc = recommendations.find((d) => d.title.includes(organName))!;
      const bytes = (await prosecutor.download(`/api/cases/${caseId}/documents/${doc.id}`)).bytes;
      const zip = await JSZip.loadAsync(bytes);
      const media = Object.keys(zip.files).filter((f) => /^word\/media\/.+\.png$/.test(f));
      const images = await Promise.all(media.map((f) => zip.file(f)!.async('nodebuffer')));
      return { text: (await mammoth.extractRawText({ buffer: bytes })).value, images };
    };
    const { text, images } = await issued('区生态环境局');
    const organUrl = /被建议单位扫码在线签收、答复和报告整改情况：(\S+)/.exec(text)?.[1];
    expect(organUrl).toBe(`http://duban.test/organ/${eco.token}`);
    const verifyUrl = /扫码核验本文书真伪：(\S+)/.exec(text)?.[1];
    expect(verifyUrl).toMatch(/^http:\/\/duban\.test\/verify\/[A-Za-z0-9_-]+$/);
    // Each QR image is exactly the code of its address (the same address draws the same image).
    const drawn = (png: Buffer) => images.some((image) => image.equals(png));
    expect(images).toHaveLength(2);
    expect(drawn(await qrPng(organUrl!))).toBe(true);
    expect(drawn(await qrPng(verifyUrl!))).toBe(true);
    // The other organ's document carries its own page, not this one's.
    const street = await issued('街道办事处');
    expect(street.text).toContain(
      `http://duban.test/organ/${await linkMailed(caseId, world.org.organs.street)}`,
    );
    expect(street.text).not.toContain(eco.token);
    // The verification page still answers for the document.
    const token = verifyUrl!.split('/').pop();
    expect((await fetch(`${world.system.baseUrl}/api/public/documents/${token}`)).status).toBe(200);
  });

  it('then the organ confirms receipt with a mailed code, the reply clock starts today, and it answers two items with a photo the prosecutor sees', async () => {
    expect((await eco.send('GET', '/api/organ/recommendation')).status).toBe(401);
    const link = await eco.send('GET', `/api/organ/links/${eco.token}`);
    expect(link.body).toMatchObject({ organName: '区生态环境局' });
    await eco.signIn(addressOf(world.org.organs.eco));

    const view = await eco.send('GET', '/api/organ/recommendation');
    expect(view.status).toBe(200);
    expect(view.body.items).toEqual(['责令相关企业限期清运固体废物', '对七里河受污染河段开展监测']);
    expect(view.body.receivedOn).toBeNull();

    const early = await eco.send('POST', '/api/organ/recommendation/answers', {
      answers: [{ item: 1, answer: 'accepted' }],
    });
    expect(early.status).toBe(409);

    const receipt = await eco.send('POST', '/api/organ/recommendation/receipt', { confirmedBy: '张科长' });
    expect(receipt.status).toBe(200);
    expect(receipt.body.receivedOn).toBe(today);
    expect(receipt.body.replyDue).not.toBeNull();
    const again = await eco.send('POST', '/api/organ/recommendation/receipt', { confirmedBy: '张科长' });
    expect(again.status).toBe(409);

    const answered = await eco.send('POST', '/api/organ/recommendation/answers', {
      answers: [
        { item: 1, answer: 'accepted' },
        { item: 2, answer: 'in_progress', plan: '委托第三方每月监测', startsOn: today, endsOn: '2099-12-31' },
      ],
    });
    expect(answered.status).toBe(200);
    const changed = await eco.send('POST', '/api/organ/recommendation/answers', {
      answers: [{ item: 1, answer: 'disputed', reasons: '改口' }],
    });
    expect(changed.status).toBe(409);
    const photo = await eco.send(
      'POST',
      '/api/organ/recommendation/files?name=%E6%95%B4%E6%94%B9.jpg',
      undefined,
      JPEG,
    );
    expect(photo.status).toBe(201);

    const seen = await prosecutor.get(`/api/cases/${caseId}/organ-replies`);
    expect(seen.status).toBe(200);
    const reply = (seen.body as { recommendationId: string; organId: string }[]).find(
      (r) => r.organId === world.org.organs.eco,
    ) as unknown as {
      items: string[];
      answers: { item: number; answer: string }[];
      files: { sha256: string }[];
    };
    expect(reply.answers.map((a) => [a.item, a.answer])).toEqual([
      [1, 'accepted'],
      [2, 'in_progress'],
    ]);
    expect(reply.files).toHaveLength(1);

    const entries = await timeline(caseId);
    const kinds = entries.filter((e) => e.actorId === `organ:${world.org.organs.eco}`).map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'recordOrganAccess',
        'confirmReceiptOnline',
        'answerRecommendationItems',
        'attachEvidence',
      ]),
    );
    const confirm = entries.find((e) => e.kind === 'confirmReceiptOnline')!;
    expect(confirm.data).toMatchObject({
      receivedOn: today,
      basis: '行政机关在线确认签收（确认人：张科长）',
    });
    const replyClock = entries.find(
      (e) => e.kind === 'clock_started' && String(e.data.clockKey).startsWith('reply'),
    );
    expect(replyClock?.data).toMatchObject({ start: today });
    const events = entries.filter((e) => e.kind === 'recordOrganAccess').map((e) => e.data.event);
    expect(events).toEqual(expect.arrayContaining(['code_sent', 'signed_in']));
  });

  it('then the organ reports progress and asks for more time, which the prosecutor grants on the case; neither can act as the other', async () => {
    const future = await eco.send('POST', '/api/organ/recommendation/progress', {
      asOf: '2999-01-01',
      progress: '已完成',
    });
    expect(future.status).toBe(422);
    expect(future.body.detail).toContain('不能晚于今日');
    const progress = { asOf: today, progress: '已清运固体废物 300 吨，剩余部分本月底前清运完毕' };
    expect((await eco.send('POST', '/api/organ/recommendation/progress', progress)).status).toBe(200);
    expect((await prosecutor.post('/api/organ/recommendation/progress', progress)).status).toBe(401);

    const view = await eco.send('GET', '/api/organ/recommendation');
    const due = view.body.rectificationDue as string;
    // A year later, on a working day: a period ending on a rest day runs on to the next working day.
    const later = new Date(`${Number(due.slice(0, 4)) + 1}${due.slice(4)}T00:00:00Z`);
    while ([0, 6].includes(later.getUTCDay())) later.setUTCDate(later.getUTCDate() + 1);
    const until = later.toISOString().slice(0, 10);
    const asked = await eco.send('POST', '/api/organ/recommendation/extension-requests', {
      until,
      reasons: '清运需完成招投标',
    });
    expect(asked.status).toBe(200);
    expect(asked.body.extensionRequests).toEqual([expect.objectContaining({ until, decision: null })]);
    const twice = await eco.send('POST', '/api/organ/recommendation/extension-requests', {
      until,
      reasons: '再次申请',
    });
    expect(twice.status).toBe(409);

    const decide = { recommendationId: 'rec-1', decision: 'granted', reason: '招投标确需时间' };
    const byOrgan = await eco.send(
      'POST',
      `/api/cases/${caseId}/actions/decideRectificationExtension`,
      decide,
    );
    expect(byOrgan.status).toBe(401);
    await act(prosecutor, caseId, 'decideRectificationExtension', decide);

    const seen = await prosecutor.get(`/api/cases/${caseId}/organ-replies`);
    const reply = (seen.body as { organId: string }[]).find((r) => r.organId === world.org.organs.eco);
    expect(reply).toMatchObject({
      rectificationDue: until,
      progress: [expect.objectContaining(progress)],
      extensionRequests: [
        expect.objectContaining({ until, decision: expect.objectContaining({ decision: 'granted', until }) }),
      ],
    });
    const kinds = (await timeline(caseId)).map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'reportRectificationProgress',
        'requestRectificationExtension',
        'decideRectificationExtension',
      ]),
    );
  });

  it('then the session opens no staff route, and another organ cannot reach it', async () => {
    const res = await eco.send('GET', `/api/cases/${caseId}`);
    expect(res.status).toBe(401);
    const street = new OrganClient(await linkMailed(caseId, world.org.organs.street));
    await street.signIn(addressOf(world.org.organs.street));
    const view = await street.send('GET', '/api/organ/recommendation');
    expect(view.body.organName).toBe('街道办事处');
    expect(view.body.answers).toEqual([]);
  });

  it('then wrong codes are refused with a clear message, and after five the link waits (429 with Retry-After)', async () => {
    const street = new OrganClient(await linkMailed(caseId, world.org.organs.street));
    let last: ApiResponse | undefined;
    for (let i = 0; i < 5; i += 1) {
      last = await street.send('POST', `/api/organ/links/${street.token}/session`, { code: '000000' });
      if (last.status !== 422) break;
    }
    expect(last!.body.detail).toContain('验证码错误或已过期');
    const throttled = await street.send('POST', `/api/organ/links/${street.token}/session`, {
      code: '000000',
    });
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(throttled.body.detail).toContain('错误次数过多');
  });

  it('then, once the case is terminated, its link says the recommendation was withdrawn (410) and shows nothing else', async () => {
    await act(chief, caseId, 'terminate', {
      decidedOn: today,
      reason: '行政机关已全面整改',
      ground: 'fully_rectified',
    });
    for (const [method, path] of [
      ['GET', `/api/organ/links/${eco.token}`],
      ['POST', `/api/organ/links/${eco.token}/code`],
      ['GET', '/api/organ/recommendation'],
    ] as const) {
      const res = await eco.send(method, path);
      expect({ path, status: res.status, title: res.body.title }).toEqual({
        path,
        status: 410,
        title: '检察建议已撤回',
      });
      expect(JSON.stringify(res.body)).not.toMatch(/区生态环境局|七里河/);
    }
  });
});

/**
 * A case run with TEMPORAL_CODEC_KEYS on the suite's Temporal server: its history, read by a
 * client without the codec, holds no case data in the clear, while the API (whose client has the
 * codec) serves the case as before and the codec endpoint shows the data to an admin only.
 */
import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { temporal as proto } from '@temporalio/proto';
import { createPayloadCodec, isEncrypted, parseCodecKeys } from '../../../config/temporal-codec';
import { caseWorkflowId } from '../../../workflows/contract';
import { createTestOrg, type TestOrg } from '../../helpers/fixtures';
import { ApiClient } from '../../helpers/http';
import { registerLead } from '../../helpers/leads';
import { startSystem, type System } from '../../helpers/system';

const OLD_KEY = `2025:${randomBytes(32).toString('base64')}`;
const CURRENT_KEY = `2026:${randomBytes(32).toString('base64')}`;
const TITLE = `某镇饮用水水源地违法排污${randomBytes(3).toString('hex')}`;
const NOTE = '向镇政府调取排污许可台账';

let system: System;
let org: TestOrg;
let plainConnection: Connection;

beforeAll(async () => {
  system = await startSystem({ codecKeys: `${CURRENT_KEY},${OLD_KEY}` });
  org = await createTestOrg(system.db);
  plainConnection = await Connection.connect({ address: process.env.DUBAN_TEST_TEMPORAL_ADDRESS! });
});
afterAll(async () => {
  await plainConnection?.close();
  await system?.stop();
});

const json = (p: Payload) => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v!).toString('base64')]),
  ),
  data: Buffer.from(p.data ?? []).toString('base64'),
});

/** Every payload of the workflow's history, as stored, read by a client that has no codec. */
async function storedPayloads(caseId: string): Promise<{ bytes: Buffer; payloads: Payload[] }> {
  const raw = new Client({ connection: plainConnection, namespace: 'default' });
  const history = await raw.workflow.getHandle(caseWorkflowId(caseId)).fetchHistory();
  const started = history.events![0]!.workflowExecutionStartedEventAttributes!;
  const updates = history.events!.flatMap(
    (e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.args?.payloads ?? [],
  );
  return {
    bytes: Buffer.from(proto.api.history.v1.History.encode(history).finish()),
    payloads: [...(started.input?.payloads ?? []), ...updates],
  };
}

describe('payload encryption', () => {
  it('when a case runs with the codec, then Temporal stores no case title or note in the clear, and the API still shows them', async () => {
    const prosecutor = await ApiClient.login(system.baseUrl, org.prosecutor);
    const caseId = await registerLead(prosecutor, { title: TITLE });
    const note = await prosecutor.post(`/api/cases/${caseId}/actions/addNote`, { text: NOTE });
    expect(note.status).toBe(200);

    const detail = await prosecutor.get(`/api/cases/${caseId}`);
    expect(detail.body.title).toBe(TITLE);
    // The live state comes from a workflow query: only a client with the codec can read it.
    expect(detail.body.availableActions.length).toBeGreaterThan(0);

    const { bytes, payloads } = await storedPayloads(caseId);
    expect(bytes.includes(Buffer.from(TITLE))).toBe(false);
    expect(bytes.includes(Buffer.from(NOTE))).toBe(false);
    expect(payloads.length).toBeGreaterThanOrEqual(2);
    expect(payloads.every(isEncrypted)).toBe(true);
    expect(payloads.map((p) => Buffer.from(p.metadata!['encryption-key-id']!).toString())).toContain('2026');

    // The codec endpoint shows an admin what the history holds; a prosecutor is refused.
    const admin = await ApiClient.login(system.baseUrl, org.admin);
    const decoded = await admin.post('/api/temporal-codec/decode', { payloads: payloads.map(json) });
    expect(decoded.status).toBe(200);
    const text = decoded.body.payloads.map((p: { data: string }) => Buffer.from(p.data, 'base64').toString());
    expect(text.join('\n')).toContain(TITLE);
    expect(text.join('\n')).toContain(NOTE);
    const refused = await prosecutor.post('/api/temporal-codec/decode', { payloads: payloads.map(json) });
    expect(refused.status).toBe(403);
  });

  it('when a payload was encrypted with the older key, or not at all, then the endpoint decodes it; with an unknown key it answers 422 naming the key id', async () => {
    const caseOffice = await ApiClient.login(system.baseUrl, org.caseOffice);
    const [older] = await createPayloadCodec(parseCodecKeys(OLD_KEY)).encode([
      defaultPayloadConverter.toPayload({ title: TITLE }),
    ]);
    const plain = defaultPayloadConverter.toPayload('未加密的旧案件');
    const res = await caseOffice.post('/api/temporal-codec/decode', {
      payloads: [json(older!), json(plain)],
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(Buffer.from(res.body.payloads[0].data, 'base64').toString())).toEqual({ title: TITLE });
    expect(res.body.payloads[1]).toEqual(json(plain));

    const [foreign] = await createPayloadCodec(
      parseCodecKeys(`2024:${randomBytes(32).toString('base64')}`),
    ).encode([plain]);
    const unknown = await caseOffice.post('/api/temporal-codec/decode', { payloads: [json(foreign!)] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.detail).toMatch(/key id 2024/);
  });

  it('when the Temporal UI asks from its origin, then the preflight is answered and the answer carries its CORS header', async () => {
    const origin = 'http://temporal-ui.test';
    const preflight = await fetch(`${system.baseUrl}/api/temporal-codec/decode`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    const elsewhere = await fetch(`${system.baseUrl}/api/temporal-codec/encode`, {
      method: 'POST',
      headers: { Origin: 'http://evil.test', 'Content-Type': 'application/json' },
      body: '{"payloads":[]}',
    });
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('when the API encodes for the UI, then the answer is encrypted with the current key', async () => {
    const admin = await ApiClient.login(system.baseUrl, org.admin);
    const res = await admin.post('/api/temporal-codec/encode', {
      payloads: [json(defaultPayloadConverter.toPayload(TITLE))],
    });
    expect(res.status).toBe(200);
    const [encoded] = res.body.payloads as { metadata: Record<string, string>; data: string }[];
    expect(Buffer.from(encoded!.metadata['encryption-key-id']!, 'base64').toString()).toBe('2026');
    expect(Buffer.from(encoded!.data, 'base64').includes(Buffer.from(TITLE))).toBe(false);
  });
});

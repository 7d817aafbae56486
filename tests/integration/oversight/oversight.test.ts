// The procuratorate above, over three levels: a province, two cities under it, two districts under
// the first city and one under the second. The city's oversight user reads its districts — their
// figures side by side, their case lists and cases — and nothing else; every change it tries is
// refused with 403 saying why. A 备案 filed by a district reaches its city's inbox (not the
// province's); a case the city assigns to a district is run there and followed by the city.
import { createTestOrg, type TestOrg, type TestUser } from '../../helpers/fixtures';
import { ApiClient } from '../../helpers/http';
import { registerLead } from '../../helpers/leads';
import { startSystem, type System } from '../../helpers/system';
import type { MatrixWorld } from '../api/matrix/world';
import { freshCase, settle, today } from '../cases/stage-fixtures';

let system: System;
let province: TestOrg;
let city: TestOrg;
let cityB: TestOrg;
let d1: TestOrg;
let d2: TestOrg;
let d3: TestOrg;
const cases = {} as Record<'province' | 'd1' | 'd2' | 'd3', string>;
const login = (u: Pick<TestUser, 'username'>) => ApiClient.login(system.baseUrl, u);

beforeAll(async () => {
  system = await startSystem();
  const { db } = system;
  province = await createTestOrg(db, { level: 'province' });
  [city, cityB] = await Promise.all([
    createTestOrg(db, { level: 'city', parentId: province.procuratorateId }),
    createTestOrg(db, { level: 'city', parentId: province.procuratorateId }),
  ]);
  [d1, d2, d3] = await Promise.all([
    createTestOrg(db, { parentId: city.procuratorateId }),
    createTestOrg(db, { parentId: city.procuratorateId }),
    createTestOrg(db, { parentId: cityB.procuratorateId }),
  ]);
  const registered = await Promise.all(
    [province, d1, d2, d3].map(async (org) => registerLead(await login(org.prosecutor))),
  );
  [cases.province, cases.d1, cases.d2, cases.d3] = registered as [string, string, string, string];
});
afterAll(() => system?.stop());

describe('the oversight role of a city', () => {
  let oversight: ApiClient;
  beforeAll(async () => {
    oversight = await login(city.oversight);
  });

  it('when it asks for figures, then it gets its two districts side by side and nobody else', async () => {
    const res = await oversight.get('/api/oversight/figures');
    expect(res.status).toBe(200);
    const rows = res.body.procuratorates as { id: string; depth: number; received: number }[];
    expect(rows.map((r) => r.id).sort()).toEqual([d1.procuratorateId, d2.procuratorateId].sort());
    expect(rows.map((r) => [r.depth, r.received])).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  it('when it drills into a district, then it lists and reads that district’s cases', async () => {
    const list = await oversight.get(`/api/cases?procuratorate=${d1.procuratorateId}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([cases.d1]);
    const detail = await oversight.get(`/api/cases/${cases.d1}`);
    expect(detail.status).toBe(200);
    expect(detail.body.availableActions).toEqual([]);
    expect((await oversight.get(`/api/cases/${cases.d2}/timeline`)).status).toBe(200);
  });

  it('when it reaches outside its subtree, then nothing is found', async () => {
    for (const id of [cases.d3, cases.province]) {
      expect((await oversight.get(`/api/cases/${id}`)).status).toBe(404);
      expect((await oversight.get(`/api/cases/${id}/timeline`)).status).toBe(404);
    }
    for (const org of [d3, cityB, province]) {
      const res = await oversight.get(`/api/cases?procuratorate=${org.procuratorateId}`);
      expect(res.status).toBe(404);
    }
  });

  it('when it tries to change a district’s case, then 403 says it only reads', async () => {
    const res = await oversight.post(`/api/cases/${cases.d1}/actions/proposeFiling`, { reason: '应当立案' });
    expect(res.status).toBe(403);
    expect(res.body.detail).toContain('只能查看');
  });

  it('when a city user holding an acting role too tries to act on a district’s case, then 403 names the district', async () => {
    await system.db.query("UPDATE users SET roles = '{head,oversight}' WHERE id = $1", [city.head.id]);
    const both = await login(city.head);
    expect((await both.get(`/api/cases/${cases.d2}`)).status).toBe(200);
    const res = await both.post(`/api/cases/${cases.d2}/actions/proposeFiling`, { reason: '应当立案' });
    expect(res.status).toBe(403);
    expect(res.body.detail).toContain('下级院办理');
  });
});

describe('the levels around it', () => {
  it('when the province’s oversight asks, then it sees every level below it', async () => {
    const oversight = await login(province.oversight);
    const res = await oversight.get('/api/oversight/figures');
    const rows = res.body.procuratorates as { id: string; depth: number; parentId: string }[];
    const ids = [city, cityB, d1, d2, d3].map((o) => o.procuratorateId);
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(rows.find((r) => r.id === d3.procuratorateId)).toMatchObject({
      depth: 2,
      parentId: cityB.procuratorateId,
    });
    expect((await oversight.get(`/api/cases/${cases.d3}`)).status).toBe(200);
  });

  it('when a district’s chief reads its sibling’s case or asks for figures, then it is refused', async () => {
    const chief = await login(d1.chief);
    expect((await chief.get(`/api/cases/${cases.d2}`)).status).toBe(404);
    expect((await chief.get('/api/oversight/figures')).status).toBe(403);
    expect((await chief.get(`/api/cases?procuratorate=${city.procuratorateId}`)).status).toBe(404);
  });
});

describe('备案 and 上级交办', () => {
  it('when a district files a recommendation above, then its city’s inbox has it until acknowledged, and the province’s never', async () => {
    const world = { system } as unknown as MatrixWorld;
    const caseId = await freshCase(world, d1, 'served');
    const prosecutor = await login(d1.prosecutor);
    const filed = await prosecutor.postSettled(
      `/api/cases/${caseId}/actions/recordRecommendationFiledAbove`,
      {
        recommendationId: 'rec-1',
        filedOn: today(),
      },
    );
    expect(filed.status).toBe(200);
    await settle(world, caseId);
    const inboxOf = async (c: ApiClient) =>
      (
        (await c.get('/api/inbox')).body.items as { kind: string; caseId: string; acknowledge?: string }[]
      ).filter((i) => i.kind === 'filed_above' && i.caseId === caseId);
    const cityOversight = await login(city.oversight);
    const [item] = await inboxOf(cityOversight);
    expect(item?.acknowledge).toMatch(new RegExp(`^/api/oversight/filings/${caseId}/\\d+/acknowledge$`));
    expect(await inboxOf(await login(city.chief))).toHaveLength(1);
    expect(await inboxOf(await login(province.oversight))).toEqual([]);
    expect(await inboxOf(await login(d1.chief))).toEqual([]);
    expect((await (await login(province.oversight)).post(item!.acknowledge!)).status).toBe(404);
    expect((await cityOversight.post(item!.acknowledge!)).status).toBe(204);
    expect(await inboxOf(cityOversight)).toEqual([]);
  });

  it('when a district files its 中止审查决定书 above, then its city’s inbox has it, named so, and the province’s and the district’s never', async () => {
    const world = { system } as unknown as MatrixWorld;
    const caseId = await freshCase(world, d2, 'suspended');
    const prosecutor = await login(d2.prosecutor);
    const filed = await prosecutor.postSettled(`/api/cases/${caseId}/actions/recordSuspensionFiledAbove`, {
      filedOn: today(),
      reportRef: '六检中止备〔2026〕1号',
    });
    expect(filed.status).toBe(200);
    await settle(world, caseId);
    const inboxOf = async (c: ApiClient) =>
      ((await c.get('/api/inbox')).body.items as { kind: string; caseId: string; action: string }[]).filter(
        (i) => i.kind === 'filed_above' && i.caseId === caseId,
      );
    const [item, ...more] = await inboxOf(await login(city.oversight));
    expect(more).toEqual([]);
    expect(item?.action).toBe('审阅中止审查决定书报本院备案');
    expect(await inboxOf(await login(province.oversight))).toEqual([]);
    expect(await inboxOf(await login(d2.chief))).toEqual([]);
  });

  it('when the city assigns a case to a district, then the district runs it and the city follows it read-only', async () => {
    const head = await login(city.chief);
    const body = {
      procuratorateId: d2.procuratorateId,
      handlerId: d2.prosecutor.id,
      title: '上级交办：某河段非法采砂',
      description: '上级院交办的线索：某河段夜间非法采砂。',
      domainCode: 'ecology',
      receivedOn: today(),
      instructions: '三个月内报告办理情况',
    };
    expect(
      (await head.post('/api/oversight/assignments', { ...body, procuratorateId: d3.procuratorateId }))
        .status,
    ).toBe(422);
    const res = await head.postSettled('/api/oversight/assignments', body);
    expect(res.status).toBe(201);
    const caseId = res.body.caseId as string;
    expect(res.body.case).toMatchObject({
      procuratorateId: d2.procuratorateId,
      source: 'assigned_from_above',
    });

    const districtProsecutor = await login(d2.prosecutor);
    const mine = await districtProsecutor.get('/api/cases?handler=me');
    expect(mine.body.items.map((c: { id: string }) => c.id)).toContain(caseId);

    const cityProsecutor = await login(city.prosecutor);
    const followed = await cityProsecutor.get('/api/oversight/assignments');
    expect(followed.body.map((a: { caseId: string }) => a.caseId)).toEqual([caseId]);
    expect((await cityProsecutor.get(`/api/cases/${caseId}`)).status).toBe(200);
    const write = await cityProsecutor.post(`/api/cases/${caseId}/actions/proposeFiling`, {
      reason: '应当立案',
    });
    expect(write.status).toBe(403);
    expect((await (await login(cityB.prosecutor)).get(`/api/cases/${caseId}`)).status).toBe(404);
  });
});

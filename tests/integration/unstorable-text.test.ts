// Text PostgreSQL cannot store is refused by the API with a 422 naming the field, and the case
// goes on answering: a NUL once froze a case (its journal write retried forever).
import { createTestOrg, type TestOrg } from '../helpers/fixtures';
import { ApiClient } from '../helpers/http';
import { startSystem, type System } from '../helpers/system';
import { shanghaiDate } from '../../domain/time';

let system: System;
let org: TestOrg;
let prosecutor: ApiClient;
const today = shanghaiDate(new Date());

beforeAll(async () => {
  system = await startSystem();
  org = await createTestOrg(system.db);
  prosecutor = await ApiClient.login(system.baseUrl, org.prosecutor);
});
afterAll(() => system.stop());

async function newCase(): Promise<string> {
  const res = await prosecutor.post('/api/cases', {
    title: '河道非法采砂',
    description: '某河段夜间非法采砂',
    domainCode: 'food_drug',
    source: 'self_discovered',
    receivedOn: today,
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

const act = (caseId: string, action: string, body: unknown) =>
  prosecutor.post(`/api/cases/${caseId}/actions/${action}`, body);

it('when a note carries a NUL, then it is refused with 422 naming text, and the next note is recorded', async () => {
  const id = await newCase();
  const bad = await act(id, 'addNote', { text: 'bad \u0000 byte' });
  expect(bad.status).toBe(422);
  expect(bad.body.detail).toMatch(/text/);
  const started = Date.now();
  const good = await act(id, 'addNote', { text: '已电话联系行政机关' });
  expect(good.status).toBe(200);
  expect(Date.now() - started).toBeLessThan(10_000);
});

it('when organIds of recordFilingService carries a NUL, then the answer is 422 naming the field, not 500', async () => {
  const id = await newCase();
  const res = await act(id, 'recordFilingService', { servedOn: today, organIds: ['organ\u0000'] });
  expect(res.status).toBe(422);
  expect(res.body.detail).toMatch(/organIds\.0/);
});

it('when a case is registered with a lone surrogate in its title, then the answer is 422 naming title', async () => {
  const res = await prosecutor.post('/api/cases', {
    title: '采砂\uD800',
    description: '内容',
    domainCode: 'food_drug',
    source: 'self_discovered',
    receivedOn: today,
  });
  expect(res.status).toBe(422);
  expect(res.body.detail).toMatch(/title/);
});

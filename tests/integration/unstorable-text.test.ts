// Text PostgreSQL cannot store is refused by the API with a 422 naming the field, and the case
// goes on answering: a NUL once froze a case (its journal write retried forever).
import { ApiClient } from '../helpers/http';
import { leadBody, registerLead } from '../helpers/leads';
import { useWorld } from '../helpers/world';
import { shanghaiDate } from '../../domain/time';

const world = useWorld();
let prosecutor: ApiClient;
const today = shanghaiDate(new Date());

beforeAll(async () => {
  prosecutor = await ApiClient.login(world.system.baseUrl, world.org.prosecutor);
});

const newCase = () => registerLead(prosecutor, { title: '河道非法采砂', description: '某河段夜间非法采砂' });

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
  const res = await prosecutor.post('/api/cases', leadBody({ title: '采砂\uD800' }));
  expect(res.status).toBe(422);
  expect(res.body.detail).toMatch(/title/);
});
